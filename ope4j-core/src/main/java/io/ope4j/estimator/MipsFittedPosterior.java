package io.ope4j.estimator;

import io.ope4j.data.ActionPosterior;
import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.util.Objects;

/**
 * MIPS with the marginal importance weight estimated through a model of the logged action given
 * the context and the embedding (Saito &amp; Joachims 2022, Sec. 4: {@code w(x, e) = E_{pi_b(a | x,
 * e)}[pi_e(a | x) / pi_b(a | x)]}), for when {@code p(e | a)} is not known: spec {@code
 * mips:pae=fitted}, self-normalised {@code snmips:pae=fitted}.
 *
 * <p>Per row, {@code w_i = sum_a p(a | x_i, e_i) pi_e(a | x_i) / pi_b(a | x_i) / sum_a p(a | x_i,
 * e_i)}, both sums over the actions the behaviour policy can take in {@code x_i}: the true posterior
 * is 0 elsewhere, so a fitted one is renormalised on the behaviour's support. With the true
 * posterior {@code pi_b(a | x) p(e | a) / p(e | x, pi_b)} the weight is exactly the table-based
 * {@code p(e | x, pi_e) / p(e | x, pi_b)} of {@link Mips}.
 *
 * <p>Reads the embedding, the context block, the behaviour's and the evaluation policy's wide
 * columns; the posterior is bound after it is fitted ({@link #withActionPosterior}).
 */
final class MipsFittedPosterior implements Estimator {

  private static final long serialVersionUID = 1L;

  private final boolean selfNormalized;
  private final ActionPosterior posterior;

  MipsFittedPosterior(boolean selfNormalized, ActionPosterior posterior) {
    this.selfNormalized = selfNormalized;
    this.posterior = posterior;
  }

  @Override
  public Estimator withActionPosterior(ActionPosterior fitted) {
    return new MipsFittedPosterior(selfNormalized, fitted);
  }

  @Override
  public boolean needsActionPosterior() {
    return true;
  }

  @Override
  public String id() {
    return selfNormalized ? "snmips" : "mips";
  }

  @Override
  public String spec() {
    return id() + ":pae=fitted";
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public boolean selfNormalized() {
    return selfNormalized;
  }

  @Override
  public String unmetNeeds(LogLayout layout) {
    int dims = layout.extras().embeddingDims();
    if (dims == 0) {
      return "the embedding columns (e_0..e_{D-1})";
    }
    String wide = MipsSubsets.unmetWideColumns(layout);
    if (wide != null) {
      return wide;
    }
    if (posterior == null) {
      return "a fitted model of the action given context and embedding (evaluate --action-model)";
    }
    if (posterior.embeddingDims() != dims || posterior.actions() != layout.nActions()
        || posterior.contextDim() != layout.contextDim()) {
      return "an action model fitted on this log's shape (" + layout.nActions() + " actions, " + dims
          + " embedding dimensions, " + layout.contextDim() + " context features)";
    }
    return null;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    int k = posterior.actions();
    double[] probability = new double[(to - from) * k];
    posterior.rows().posterior(batch, from, to, probability);
    double[] behavior = batch.behaviorWide();
    double[] pi = batch.piWide(policy);
    double[] reward = batch.reward();
    for (int i = from; i < to; i++) {
      int offset = i * k;
      int at = (i - from) * k;
      double ratio = 0;
      double mass = 0;
      for (int a = 0; a < k; a++) {
        double logging = behavior[offset + a];
        if (logging > 0) {
          ratio += probability[at + a] * pi[offset + a] / logging;
          mass += probability[at + a];
        }
      }
      if (!(mass > 0)) {
        throw new InvalidDataException("the log", batch.firstRow() + i + 1, null,
            "the action model gives probability 0 to every action the behaviour policy can take");
      }
      // Saito & Joachims 2022, Sec. 4: w(x, e) = E_{pi_b(a|x,e)}[pi_e(a|x) / pi_b(a|x)].
      double weight = ratio / mass;
      x[i - from] = weight * reward[i];
      if (selfNormalized) {
        d[i - from] = weight;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MipsFittedPosterior mips && mips.selfNormalized == selfNormalized
        && Objects.equals(mips.posterior, posterior);
  }

  @Override
  public int hashCode() {
    return Objects.hash(selfNormalized, "pae=fitted");
  }

  @Override
  public String toString() {
    return spec();
  }
}
