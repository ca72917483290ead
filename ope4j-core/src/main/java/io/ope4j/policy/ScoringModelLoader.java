package io.ope4j.policy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A service that loads a {@link ScoringModel} from a file of some format (e.g. ONNX, in the
 * optional {@code ope4j-onnx} module). Found at run time with {@link java.util.ServiceLoader},
 * so that a heavy runtime stays out of the default command-line jar: a module that provides one
 * lists its class in {@code META-INF/services/io.ope4j.policy.ScoringModelLoader}.
 */
public interface ScoringModelLoader {

  /** The format this loader reads, e.g. {@code onnx}. */
  String format();

  /**
   * Loads a model that reads {@code inputDim} context features per row.
   *
   * @param file the model file
   * @param inputDim the number of context features of the log the model will score
   * @param nActions the number of actions of the log, or -1 when the log does not say (the
   *     model's output size then gives it)
   * @throws IllegalArgumentException if the model's input or output size does not match, naming
   *     both sizes
   * @throws IOException if the file cannot be read
   */
  ScoringModel load(Path file, int inputDim, int nActions) throws IOException;
}
