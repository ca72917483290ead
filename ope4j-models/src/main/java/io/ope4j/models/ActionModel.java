package io.ope4j.models;

import io.ope4j.data.ActionPosterior;
import io.ope4j.data.BanditBatch;
import io.ope4j.internal.spec.KeyValueSpec;
import io.ope4j.rewardmodel.CrossFitting;

/**
 * Fits {@code p(a | x, e)}, the behaviour policy's action given the context and the observed
 * action embedding, for MIPS when {@code p(e | a)} is not known (Saito &amp; Joachims 2022, Sec. 4:
 * "estimating the marginal importance weights" by a classifier of the logged action on {@code (x,
 * e)}). The classifier is a {@link SoftmaxRegression} on the features {@code [z-scored x |
 * one-hot(e_0) | ... | one-hot(e_{D-1})]}, cross-fitted with the fold rule of the reward models
 * ({@link CrossFitting}), so each row's posterior comes from a model that never saw it.
 *
 * <pre>{@code
 * ActionPosterior posterior = ActionModel.parse("softmax:C=1", threads)
 *     .crossFitted(contexts, dim, embedding, dims, actions, nActions, CrossFitting.folds(3, 1));
 * List<Estimator> bound = Estimators.withActionPosterior(Estimators.parseList("mips:pae=fitted"), posterior);
 * }</pre>
 */
public final class ActionModel {

  /** The spec used when none is given. */
  public static final String DEFAULT_SPEC = "softmax:C=1";

  private final SoftmaxRegression classifier;

  private ActionModel(SoftmaxRegression classifier) {
    this.classifier = classifier;
  }

  /** A model fitted by {@code classifier}. */
  public static ActionModel of(SoftmaxRegression classifier) {
    return new ActionModel(classifier);
  }

  /**
   * The model of {@code spec}: {@code softmax[:C=1]} (multinomial logistic regression, C its inverse
   * regularisation strength), its fits on {@code threads} threads.
   *
   * @throws io.ope4j.data.UsageException on an unknown kind or parameter; the message names {@code
   *     action model '<spec>'}
   */
  public static ActionModel parse(String spec, int threads) {
    KeyValueSpec parsed = KeyValueSpec.parse(spec, "action model", "parameter");
    if (!parsed.id().equals("softmax")) {
      throw parsed.error("unknown model '" + parsed.id() + "'; known: softmax");
    }
    double c = parsed.number("c", "C", 1.0);
    if (!(c > 0) || Double.isInfinite(c)) {
      throw parsed.error("C must be positive and finite, got " + c);
    }
    parsed.requireNoneLeft();
    return new ActionModel(SoftmaxRegression.withC(c).threads(threads));
  }

  /**
   * Fits one classifier per fold (one on all rows for {@link CrossFitting#inSample()}).
   *
   * @param contexts {@code contexts[i * dim + j]}; not modified
   * @param embedding {@code embedding[i * dims + d]}, categories >= 0; not modified
   * @param actions the logged actions, in [0, nActions); not modified
   * @throws IllegalArgumentException on an action out of range, or a fold with no row to fit on
   */
  public ActionPosterior crossFitted(double[] contexts, int dim, int[] embedding, int dims, int[] actions,
      int nActions, CrossFitting crossFitting) {
    int n = actions.length;
    int[] categories = new int[dims];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dims; d++) {
        categories[d] = Math.max(categories[d], embedding[i * dims + d] + 1);
      }
    }
    Standardiser standardiser = Standardiser.of(contexts, dim, n);
    Features features = new Features(standardiser, categories);
    double[] x = features.of(contexts, embedding, n);
    double[][] coefficients = classifier.fitPerFold(x, features.width(), actions, nActions, crossFitting.assign(n),
        "action model");
    String description = classifier.describe() + " of the action on the z-scored context and the one-hot embedding, "
        + crossFitting.describe();
    return new CrossFittedPosterior(features, coefficients, crossFitting, nActions, dim, description);
  }

  /** The classifier's inputs: z-scored contexts, then one indicator per category of each dimension. */
  private record Features(Standardiser standardiser, int[] categories) implements java.io.Serializable {

    int width() {
      int width = standardiser.mean().length;
      for (int c : categories) {
        width += c;
      }
      return width;
    }

    double[] of(double[] contexts, int[] embedding, int rows) {
      double[] out = new double[rows * width()];
      write(contexts, 0, embedding, 0, rows, out);
      return out;
    }

    /** Rows {@code [0, rows)} from the given offsets into {@code out}, zeroed first. */
    void write(double[] contexts, int firstContextRow, int[] embedding, int firstEmbeddingRow, int rows, double[] out) {
      int dim = standardiser.mean().length;
      int dims = categories.length;
      int width = width();
      java.util.Arrays.fill(out, 0, rows * width, 0.0);
      for (int i = 0; i < rows; i++) {
        int at = i * width;
        int contextAt = (firstContextRow + i) * dim;
        for (int j = 0; j < dim; j++) {
          out[at + j] = (contexts[contextAt + j] - standardiser.mean()[j]) * standardiser.scale()[j];
        }
        int column = at + dim;
        for (int d = 0; d < dims; d++) {
          int category = embedding[(firstEmbeddingRow + i) * dims + d];
          if (category < categories[d]) { // a category no training row had: no indicator, as a zero feature
            out[column + category] = 1.0;
          }
          column += categories[d];
        }
      }
    }
  }

  /** Per fold the softmax coefficients; a row is predicted by its fold's model. Immutable. */
  private static final class CrossFittedPosterior implements ActionPosterior {
    private static final long serialVersionUID = 1L;

    private final Features features;
    private final double[][] coefficients;
    private final CrossFitting crossFitting;
    private final int nActions;
    private final int dim;
    private final String description;

    CrossFittedPosterior(Features features, double[][] coefficients, CrossFitting crossFitting, int nActions, int dim,
        String description) {
      this.features = features;
      this.coefficients = coefficients;
      this.crossFitting = crossFitting;
      this.nActions = nActions;
      this.dim = dim;
      this.description = description;
    }

    @Override
    public int actions() {
      return nActions;
    }

    @Override
    public int embeddingDims() {
      return features.categories().length;
    }

    @Override
    public int contextDim() {
      return dim;
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public Rows rows() {
      int width = features.width();
      long key = crossFitting.key();
      double[][] buffer = {new double[0]};
      return (batch, from, to, out) -> {
        int rows = to - from;
        if (buffer[0].length < rows * width) {
          buffer[0] = new double[rows * width];
        }
        double[] x = buffer[0];
        features.write(dim == 0 ? new double[0] : batch.contexts(), from, batch.embedding(), from, rows, x);
        long first = batch.firstRow();
        for (int i = 0; i < rows; i++) {
          int fold = crossFitting.fold(key, first + from + i);
          SoftmaxRegression.softmax(coefficients[fold], nActions, width, x, i * width, out, i * nActions);
        }
      };
    }
  }
}
