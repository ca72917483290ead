package io.ope4j.policy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.data.LogValidator;
import io.ope4j.data.WrappedSource;
import io.ope4j.internal.data.WideForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluation policies given as {@link Policy} objects (policy specs, ONNX scoring models,
 * Thompson-sampling position tables), applied to any {@link BatchSource} whose batches carry the
 * context block: for each batch it computes every policy's probabilities from the rows' contexts
 * (and positions) and fills the policy's probability of the logged action ({@link
 * BanditBatch#piLogged}) and its wide row ({@link BanditBatch#piWide}). The policies come after
 * those of the wrapped source, which are kept (with their wide rows, if every one has them). With
 * the log's wide
 * model predictions ({@link LogLayout#wideModel()}) also the model's value under the policy,
 * {@code sum_a pi(a) q(a) / sum_a pi(a)} ({@link WideForm#expectedModelValue}, OBP's formula).
 * Memory is one batch of K probabilities per policy, whatever the length of the log.
 *
 * <pre>{@code
 * LogReadOptions options = LogReadOptions.defaults().withNActions(k).withContent(
 *     BatchContent.ESTIMATOR_COLUMNS.withContexts().withWideColumns().withPoliciesSupplied());
 * try (BatchSource log = new PolicySource(LogReaders.open(path, options), Map.of("greedy", greedy))) {
 *   EvaluationResult result = new Evaluator(config).evaluate(log);
 * }
 * }</pre>
 *
 * <p>The probabilities a policy returns are checked (each in [0, 1], each row summing to 1
 * within {@link LogValidator#SUM_TOLERANCE}); a bad one, or a policy that rejects its input, is an
 * {@link InvalidDataException} naming the log, the row and the policy.
 */
public final class PolicySource extends WrappedSource {

  private final List<String> names;
  private final Policy[] policies;
  private final int nActions;
  /** Index of the first computed policy in this source's layout. */
  private final int first;
  /** Probabilities of one batch when the layout has no wide policy rows. */
  private double[] buffer = new double[0];

  /**
   * @param log a source whose layout has the context block the policies read, and K equal to
   *     the policies' (read it with {@code withNActions(K)} when the file does not say); closed
   *     with this source
   * @param byName the policies, in the order of the estimates, by name
   * @throws IllegalArgumentException without policies, or when their K differ from each other or
   *     from the log's
   */
  public PolicySource(BatchSource log, Map<String, ? extends Policy> byName) {
    super(log);
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("at least one evaluation policy is needed");
    }
    this.names = new ArrayList<>(byName.keySet());
    this.policies = byName.values().toArray(new Policy[0]);
    int k = policies[0].nActions();
    for (int p = 0; p < policies.length; p++) {
      if (policies[p].nActions() != k) {
        throw new IllegalArgumentException("policy '" + names.get(p) + "' has " + policies[p].nActions()
            + " actions, policy '" + names.get(0) + "' " + k);
      }
    }
    LogLayout wrapped = log.layout();
    if (wrapped.nActions() != k) {
      throw new IllegalArgumentException("the policies have " + k + " actions, " + log.name() + " is read with "
          + wrapped.nActions() + " (read it with K = " + k + ")");
    }
    this.nActions = k;
    this.first = wrapped.policyCount();
    List<String> all = new ArrayList<>(wrapped.policies());
    all.addAll(names);
    boolean wide = wrapped.policyCount() == 0 || wrapped.widePolicies();
    setLayout(wrapped.withPolicies(all, wrapped.wideModel(), k, wide, wrapped.wideModel()));
  }

  @Override
  protected void fill(BanditBatch from, BanditBatch batch) {
    int size = batch.size();
    int k = nActions;
    int dim = layout().contextDim();
    double[] contexts = contexts(batch);
    int[] action = batch.action();
    double[] q = batch.qWide();
    for (int p = 0; p < policies.length; p++) {
      double[] pi = batch.piWide(first + p);
      if (pi == null) {
        pi = buffer.length >= size * k ? buffer : (buffer = new double[batch.capacity() * k]);
      }
      try {
        policies[p].probabilities(contexts, dim, batch.position(), size, pi);
      } catch (IllegalArgumentException e) {
        throw new InvalidDataException(name(), batch.firstRow() + 1, null, "policy '" + names.get(p)
            + "' rejects rows " + (batch.firstRow() + 1) + ".." + (batch.firstRow() + size) + ": " + e.getMessage(), e);
      }
      double[] piLogged = batch.piLogged(first + p);
      double[] modelValue = batch.qExpected(first + p);
      for (int i = 0; i < size; i++) {
        checkRow(p, pi, i, batch.firstRow() + i + 1);
        piLogged[i] = pi[i * k + action[i]];
        if (q != null) {
          modelValue[i] = WideForm.expectedModelValue(pi, i * k, q, i * k, k);
        }
      }
    }
  }

  /** A policy is code, but a wrong one would give silently wrong estimates: check cheaply. */
  private void checkRow(int p, double[] pi, int i, long row) {
    double total = 0.0;
    for (int a = 0; a < nActions; a++) {
      double value = pi[i * nActions + a];
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new InvalidDataException(name(), row, null, "policy '" + names.get(p) + "' gives action " + a
            + " probability " + value);
      }
      total += value;
    }
    if (!(Math.abs(total - 1.0) <= LogValidator.SUM_TOLERANCE)) {
      throw new InvalidDataException(name(), row, null, "policy '" + names.get(p) + "' probabilities sum to "
          + total);
    }
  }
}
