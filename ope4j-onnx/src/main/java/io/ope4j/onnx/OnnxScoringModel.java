package io.ope4j.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.ope4j.policy.ScoringModel;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A {@link ScoringModel} served by ONNX Runtime: a model with one input of shape {@code [rows,
 * d]} (float32 or float64; the row axis may be dynamic) and a first output of shape {@code [rows,
 * K]}, e.g. a network trained in Python and exported with {@code torch.onnx.export}, so that a
 * policy is evaluated exactly as it will be served. Whether the output is scores or
 * probabilities is the policy's choice ({@link io.ope4j.policy.ActionRule}).
 *
 * <p>Contexts are cast to float32 for a float32 input, as serving code would. {@link
 * OrtSession#run} is thread-safe, so one model may score on several threads. Close it to free
 * the native session.
 */
public final class OnnxScoringModel implements ScoringModel, AutoCloseable {

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String inputName;
  private final boolean doubleInput;
  private final int dim;
  private final int nActions;
  private final String description;

  private OnnxScoringModel(OrtEnvironment environment, OrtSession session, String inputName, boolean doubleInput,
      int dim, int nActions, String description) {
    this.environment = environment;
    this.session = session;
    this.inputName = inputName;
    this.doubleInput = doubleInput;
    this.dim = dim;
    this.nActions = nActions;
    this.description = description;
  }

  /**
   * Loads {@code file} and checks its shapes against the log: input {@code [rows, inputDim]},
   * output {@code [rows, nActions]}; with {@code nActions = -1} the output's (static) size is K.
   *
   * @throws IllegalArgumentException if the file is not an ONNX model ONNX Runtime can load, it
   *     has not exactly one input, or a size does not match (naming both sizes)
   * @throws NoSuchFileException if the file does not exist
   */
  public static OnnxScoringModel load(Path file, int inputDim, int nActions) throws NoSuchFileException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session;
    try {
      session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new IllegalArgumentException(file + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
    }
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        throw new IllegalArgumentException(file + ": the model has " + inputs.size() + " inputs " + inputs.keySet()
            + "; a policy model takes one, the context features [rows, d]");
      }
      Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
      TensorInfo inputInfo = tensor(file, "input", input.getValue());
      boolean doubleInput = inputInfo.type == OnnxJavaType.DOUBLE;
      if (!doubleInput && inputInfo.type != OnnxJavaType.FLOAT) {
        throw new IllegalArgumentException(file + ": the model's input is " + inputInfo.type
            + ", expected float32 or float64 context features");
      }
      long[] inShape = inputInfo.getShape();
      if (inShape.length != 2 || inShape[1] != inputDim) {
        throw new IllegalArgumentException(file + ": the model's input has shape " + shape(inShape)
            + ", the log has " + inputDim + " context columns (expected [rows, " + inputDim + "])");
      }
      TensorInfo outputInfo = tensor(file, "output", session.getOutputInfo().values().iterator().next());
      long[] outShape = outputInfo.getShape();
      if (nActions < 1 && outShape.length == 2 && outShape[1] > 0 && outShape[1] <= Integer.MAX_VALUE) {
        nActions = (int) outShape[1];
      }
      if (nActions < 1) {
        throw new IllegalArgumentException(file + ": the model's output has shape " + shape(outShape)
            + " and the log does not give the number of actions; give --n-actions");
      }
      if (outShape.length != 2 || (outShape[1] >= 0 && outShape[1] != nActions)) {
        throw new IllegalArgumentException(file + ": the model's output has shape " + shape(outShape)
            + ", the log has " + nActions + " actions (expected [rows, " + nActions + "])");
      }
      if (outputInfo.type != OnnxJavaType.FLOAT && outputInfo.type != OnnxJavaType.DOUBLE) {
        throw new IllegalArgumentException(file + ": the model's output is " + outputInfo.type
            + ", expected float32 or float64 scores");
      }
      String description = "onnx(" + file.getFileName() + ", d=" + inputDim + ", K=" + nActions + ")";
      return new OnnxScoringModel(environment, session, input.getKey(), doubleInput, inputDim, nActions, description);
    } catch (OrtException e) {
      closeQuietly(session);
      throw new IllegalArgumentException(file + ": cannot read the model's inputs and outputs: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  private static TensorInfo tensor(Path file, String what, NodeInfo node) {
    if (!(node.getInfo() instanceof TensorInfo info)) {
      throw new IllegalArgumentException(file + ": the model's " + what + " '" + node.getName()
          + "' is not a tensor: " + node.getInfo());
    }
    return info;
  }

  private static String shape(long[] shape) {
    return Arrays.toString(Arrays.stream(shape).mapToObj(n -> n < 0 ? "rows" : Long.toString(n)).toArray());
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException ignored) {
      // the model was rejected already; nothing more to report
    }
  }

  @Override
  public int nActions() {
    return nActions;
  }

  @Override
  public int inputDim() {
    return dim;
  }

  /**
   * @throws IllegalStateException if ONNX Runtime fails while scoring or returns another shape
   */
  @Override
  public void scores(double[] contexts, int rows, double[] out) {
    if (rows == 0) {
      return;
    }
    long[] shape = {rows, dim};
    int values = rows * dim;
    try (OnnxTensor tensor = doubleInput
        ? OnnxTensor.createTensor(environment, DoubleBuffer.wrap(contexts, 0, values), shape)
        : OnnxTensor.createTensor(environment, toFloats(contexts, values), shape);
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      OnnxValue value = result.get(0);
      if (!(value instanceof OnnxTensor output)) {
        throw new IllegalStateException(description + ": the first output is not a tensor");
      }
      long[] outShape = output.getInfo().getShape();
      if (outShape.length != 2 || outShape[0] != rows || outShape[1] != nActions) {
        throw new IllegalStateException(description + ": the model returned shape " + Arrays.toString(outShape)
            + " for " + rows + " rows, expected [" + rows + ", " + nActions + "]");
      }
      int n = rows * nActions;
      if (output.getInfo().type == OnnxJavaType.DOUBLE) {
        output.getDoubleBuffer().get(out, 0, n);
      } else {
        FloatBuffer floats = output.getFloatBuffer();
        for (int i = 0; i < n; i++) {
          out[i] = floats.get(i);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException(description + ": ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  private static FloatBuffer toFloats(double[] contexts, int values) {
    FloatBuffer floats = FloatBuffer.allocate(values);
    for (int i = 0; i < values; i++) {
      floats.put(i, (float) contexts[i]);
    }
    return floats;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
