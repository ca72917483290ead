package io.ope4j.rewardmodel;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.data.WrappedSource;
import io.ope4j.internal.data.WideForm;
import java.util.List;

/**
 * A fitted reward model applied to any {@link BatchSource} whose batches carry the context block
 * and every policy's wide probabilities: for each batch it predicts every action of every row
 * with the model of the row's fold ({@link CrossFittedModel.Predictor}, rows keyed by their index
 * in the log) and fills the prediction at the logged action ({@link BanditBatch#qLogged()}), the
 * wide predictions ({@link BanditBatch#qWide()}) and each policy's model value {@code sum_a pi(a)
 * q(a) / sum_a pi(a)} ({@link WideForm#expectedModelValue}, OBP 0.5.5's {@code
 * np.average(q, weights=pi)}). Model columns of the wrapped source are replaced. Memory is one
 * batch of K predictions.
 */
public final class FittedModelSource extends WrappedSource {

  private final CrossFittedModel.Predictor predictor;
  private ModelCalibration calibration;

  /**
   * @param log a source with the context block the model was fitted on and wide policy
   *     probabilities ({@link LogLayout#widePolicies()}); closed with this source
   * @param model the fitted model; row {@code i} of {@code log} must be row {@code i} of its fit
   *     data
   * @param served the policies of {@code log} to evaluate with this model, in order (a model
   *     fitted with weights for one policy serves that policy only)
   * @throws IllegalArgumentException if the log lacks the blocks, K differs, a served policy is
   *     not in the log, or the model was weighted for another policy
   */
  public FittedModelSource(BatchSource log, CrossFittedModel model, List<String> served) {
    super(log);
    LogLayout wrapped = log.layout();
    if (!wrapped.widePolicies()) {
      throw new IllegalArgumentException("a fitted model's value under a policy needs the policy's probability of"
          + " every action: read the log with wide policy columns");
    }
    if (wrapped.nActions() != model.nActions()) {
      throw new IllegalArgumentException("the reward model has " + model.nActions() + " actions, the log "
          + wrapped.nActions());
    }
    String weightedFor = model.weightingPolicy();
    if (weightedFor != null && !served.equals(List.of(weightedFor))) {
      throw new IllegalArgumentException("the reward model was fitted with weights for policy " + weightedFor
          + " and serves that policy only, not " + served);
    }
    if (!wrapped.policies().containsAll(served) || served.isEmpty()) {
      throw new IllegalArgumentException("the policies to serve, " + served + ", must be some of the log's "
          + wrapped.policies());
    }
    this.predictor = model.predictor();
    setLayout(wrapped.withPolicies(served, true, wrapped.nActions(), true, true));
  }

  /** A source serving every policy of {@code log}. */
  public FittedModelSource(BatchSource log, CrossFittedModel model) {
    this(log, model, log.layout().policies());
  }

  /** This source, also folding each batch's predictions at the logged actions into {@code into}. */
  public FittedModelSource calibrating(ModelCalibration into) {
    this.calibration = into;
    return this;
  }

  @Override
  protected void fill(BanditBatch from, BanditBatch batch) {
    int size = batch.size();
    int k = layout().nActions();
    int dim = layout().contextDim();
    double[] q = batch.qWide();
    predictor.predict(contexts(batch), dim, batch.position(), batch.firstRow(), size, q);
    int[] action = batch.action();
    double[] qLogged = batch.qLogged();
    for (int i = 0; i < size; i++) {
      qLogged[i] = q[i * k + action[i]];
    }
    if (calibration != null) {
      calibration.add(batch.firstRow(), qLogged, batch.reward(), size);
    }
    for (int p = 0; p < layout().policyCount(); p++) {
      double[] pi = batch.piWide(p);
      double[] modelValue = batch.qExpected(p);
      for (int i = 0; i < size; i++) {
        // sum_a pi(a) q(a) / sum_a pi(a): OBP 0.5.5's np.average(q, weights=pi)
        modelValue[i] = WideForm.expectedModelValue(pi, i * k, q, i * k, k);
      }
    }
  }
}
