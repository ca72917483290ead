package io.ope4j.onnx;

import io.ope4j.policy.ScoringModel;
import io.ope4j.policy.ScoringModelLoader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Provides ONNX models to the command line through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.ope4j.policy.ScoringModelLoader}).
 */
public final class OnnxModelLoader implements ScoringModelLoader {

  @Override
  public String format() {
    return "onnx";
  }

  @Override
  public ScoringModel load(Path file, int inputDim, int nActions) throws IOException {
    return OnnxScoringModel.load(file, inputDim, nActions);
  }
}
