package io.ope4j.engine;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.LikelihoodEstimator;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole one-pass state of an evaluation over some rows: for every (policy, candidate
 * estimator) its {@link TermMoments} and, with the bootstrap, its {@link PoissonReplicates}; per
 * policy its {@link WeightStats}. {@link #add} folds rows in, {@link #merge} combines states of
 * disjoint rows (associative; deterministic for a fixed merge order), {@link #finish} turns the
 * state into estimates. Any engine — one thread, a pool, Spark partitions — folds and merges
 * these states and gets the same numbers.
 *
 * <p>Rows are processed in blocks of {@value #BLOCK} aligned to batch starts, so the
 * floating-point result depends only on the batches, never on threads. Mutable, for one thread
 * at a time; serializable without its scratch buffers.
 */
public final class EvaluationState implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int BLOCK = 1024;

  private final LogLayout layout;
  private final EvaluationConfig config;
  /** The candidates of every configured estimator, flattened; {@code slotOf[e]} is e's first. */
  private final List<Estimator> slots = new ArrayList<>();
  private final int[] slotOf;
  private final int replicates;
  private final TermMoments[] moments;
  /** Per state of an estimator that alters weights, its rows' weight deficits; else null. */
  private final TermMoments[] deficits;
  /** The bootstrap's state of every (policy, candidate), or null without the bootstrap. */
  private final PoissonReplicates replicateSums;
  /** Per state, the per-logger sums of a precision-weighted estimator, else null. */
  private final StratifiedSums[] strata;
  private final WeightStats[] weights;
  private final RewardStats rewards;
  /** Per policy, the likelihood estimators' and intervals' states; null when none is asked for. */
  private final LikelihoodStates[] likelihood;
  private long rows;

  private transient Scratch scratch;

  /** An empty state for a log of this layout. */
  public EvaluationState(LogLayout layout, EvaluationConfig config) {
    this.layout = layout;
    this.config = config;
    List<Estimator> estimators = config.estimators();
    this.slotOf = new int[estimators.size() + 1];
    for (int e = 0; e < estimators.size(); e++) {
      slotOf[e] = slots.size();
      slots.addAll(estimators.get(e).candidates());
    }
    slotOf[estimators.size()] = slots.size();
    this.replicates = config.replicatesToCarry();
    int states = layout.policyCount() * slots.size();
    boolean tracksRanges = config.interval() == IntervalMethod.HOEFFDING
        || config.interval() == IntervalMethod.BERNSTEIN;
    this.moments = new TermMoments[states];
    this.deficits = new TermMoments[states];
    this.strata = new StratifiedSums[states];
    boolean[] selfNormalized = new boolean[states];
    boolean[] hasModelTerm = new boolean[states];
    for (int s = 0; s < states; s++) {
      Estimator slot = slots.get(s % slots.size());
      moments[s] = new TermMoments(slot.selfNormalized(), slot.needsModel(), tracksRanges);
      if (slot.altersWeights() && layout.hasPscore()) {
        deficits[s] = WeightDeficitBias.newState();
      }
      if (slot.stratified()) {
        if (tracksRanges) {
          throw new io.ope4j.data.UsageException("estimator " + slot.spec() + " supports the t and bootstrap"
              + " intervals only (its per-logger weights are learnt from the data)");
        }
        strata[s] = new StratifiedSums(replicates);
      }
      selfNormalized[s] = slot.selfNormalized();
      hasModelTerm[s] = slot.needsModel();
    }
    this.replicateSums = replicates > 0 ? new PoissonReplicates(replicates, selfNormalized, hasModelTerm) : null;
    this.weights = new WeightStats[layout.policyCount()];
    for (int p = 0; p < weights.length; p++) {
      weights[p] = new WeightStats();
    }
    this.rewards = new RewardStats(config.rewardRange());
    LikelihoodStates template = LikelihoodStates.forConfig(config);
    this.likelihood = template == null ? null : new LikelihoodStates[layout.policyCount()];
    for (int p = 0; likelihood != null && p < likelihood.length; p++) {
      likelihood[p] = LikelihoodStates.forConfig(config);
    }
  }

  /** Term and multiplicity buffers for one block: per state with the bootstrap, else shared. */
  private static final class Scratch {
    final double[][] y;
    final double[][] x;
    final double[][] d;
    final double[][] deficit = new double[3][BLOCK];

    Scratch(int buffers) {
      y = new double[buffers][BLOCK];
      x = new double[buffers][BLOCK];
      d = new double[buffers][BLOCK];
    }
  }

  public LogLayout layout() {
    return layout;
  }

  public EvaluationConfig config() {
    return config;
  }

  /** Rows folded in so far. */
  public long rows() {
    return rows;
  }

  /** Folds in every row of {@code batch} (whose layout must be this state's). */
  public void add(BanditBatch batch) {
    if (scratch == null) {
      scratch = new Scratch(replicates > 0 ? moments.length : 1);
    }
    int size = batch.size();
    for (int from = 0; from < size; from += BLOCK) {
      addBlock(batch, from, Math.min(size, from + BLOCK));
    }
    rows += size;
  }

  private void addBlock(BanditBatch batch, int from, int to) {
    int length = to - from;
    int slotCount = slots.size();
    Scratch s = scratch;
    rewards.addBlock(batch.reward(), from, to, batch.firstRow());
    for (int p = 0; p < weights.length; p++) {
      if (layout.hasPscore()) {
        weights[p].addBlock(batch, p, from, to);
        if (likelihood != null) {
          likelihood[p].addBlock(batch, p, from, to);
        }
      }
      for (int slot = 0; slot < slotCount; slot++) {
        int state = p * slotCount + slot;
        int buffer = replicates > 0 ? state : 0;
        int altered = slots.get(slot).terms(batch, p, from, to, s.y[buffer], s.x[buffer], s.d[buffer]);
        moments[state].addBlock(s.y[buffer], s.x[buffer], s.d[buffer], length, altered);
        if (deficits[state] != null) {
          double[][] deficit = s.deficit;
          slots.get(slot).weightDeficits(batch, p, from, to, deficit[0], deficit[1], deficit[2]);
          deficits[state].addBlock(deficit[0], deficit[1], deficit[2], length, 0);
        }
        if (strata[state] != null) {
          strata[state].addBlock(batch.logger(), from, s.y[buffer], s.x[buffer], length);
        }
      }
    }
    if (replicates > 0) {
      replicateSums.addBlock(config.seed(), batch.firstRow() + from, length, s.y, s.x, s.d, strata, batch.logger(),
          from);
    }
  }

  /** Adds {@code other}'s rows (a state of the same layout and configuration) to this state. */
  public void merge(EvaluationState other) {
    if (!other.layout.equals(layout) || !other.config.equals(config)) {
      throw new IllegalArgumentException("cannot merge states of different layouts or configurations");
    }
    rows += other.rows;
    for (int s = 0; s < moments.length; s++) {
      moments[s].merge(other.moments[s]);
      if (deficits[s] != null) {
        deficits[s].merge(other.deficits[s]);
      }
      if (strata[s] != null) {
        strata[s].merge(other.strata[s]);
      }
    }
    if (replicates > 0) {
      replicateSums.merge(other.replicateSums);
    }
    for (int p = 0; p < weights.length; p++) {
      weights[p].merge(other.weights[p]);
      if (likelihood != null) {
        likelihood[p].merge(other.likelihood[p]);
      }
    }
    rewards.merge(other.rewards);
  }

  /**
   * The estimates of every (policy, estimator), with intervals and diagnostics.
   *
   * @throws IllegalArgumentException when no row was folded in, or a given term range does not
   *     hold the observed terms
   * @throws io.ope4j.data.InvalidDataException when a reward lies outside the given reward range
   *     (the log is named "the log": use {@link #finish(String)} to name it)
   */
  public EvaluationResult finish() {
    return finish("the log");
  }

  /**
   * As {@link #finish()}, naming the log {@code source} in data errors.
   *
   * @param source how messages name the log, e.g. its file name
   */
  public EvaluationResult finish(String source) {
    if (rows == 0) {
      throw new IllegalArgumentException("the log has no rows");
    }
    List<Estimate> estimates = new ArrayList<>();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<Estimator> estimators = config.estimators();
    TermRange bounds = rewards.bounds(source);
    for (int p = 0; p < weights.length; p++) {
      String policy = layout.policies().get(p);
      WeightDiagnostics weightDiagnostics =
          layout.hasPscore() ? weights[p].finish() : WeightDiagnostics.unknown(rows);
      diagnostics.put(policy, weightDiagnostics);
      warnings.addAll(weightDiagnostics.warnings(policy));
      for (int e = 0; e < estimators.size(); e++) {
        try {
          estimates.add(estimate(p, estimators.get(e), e, weightDiagnostics, bounds, warnings));
        } catch (io.ope4j.data.UsageException userRange) { // a given --term-range the log contradicts
          throw new io.ope4j.data.UsageException(source + ": " + userRange.getMessage(), userRange);
        }
      }
    }
    return new EvaluationResult(rows, estimates, diagnostics, warnings, config);
  }

  private Estimate estimate(int policy, Estimator estimator, int e, WeightDiagnostics weightDiagnostics,
      TermRange bounds, List<String> warnings) {
    int first = slotOf[e];
    int count = slotOf[e + 1] - first;
    double[] values = new double[count];
    double[] stderrs = new double[count];
    for (int c = 0; c < count; c++) {
      int candidate = policy * slots.size() + first + c;
      StratifiedSums stratified = strata[candidate];
      double[] factors = stratified != null ? stratified.factors() : null;
      values[c] = stratified != null ? stratified.value(factors) : moments[candidate].value();
      stderrs[c] = stratified != null ? stratified.standardError(factors) : moments[candidate].standardError();
    }
    if (estimator instanceof LikelihoodEstimator byLikelihood) {
      values[0] = likelihood[policy].estimate(byLikelihood);
      stderrs[0] = LikelihoodStates.standardError(moments[policy * slots.size() + first]);
    }
    int chosen = estimator.choose(values, stderrs, rows);
    int state = policy * slots.size() + first + chosen;
    TermMoments m = moments[state];
    String label = "estimator " + estimator.spec() + " on policy " + layout.policies().get(policy);
    StratifiedSums stratified = strata[state];
    if (stratified != null && stratified.constantLogger() >= 0) {
      warnings.add(label + ": the terms of logger " + stratified.constantLogger() + " (in order of first"
          + " appearance) have no spread, so its precision weight is undefined and the estimate is null");
    }
    Interval interval = switch (config.interval()) {
      case T -> Intervals.studentT(values[chosen], stderrs[chosen], m.count(), config.level());
      case BOOTSTRAP -> bootstrap(stratified != null
          ? stratified.replicateEstimates(replicateSums.totalMultiplicity(), stratified.factors())
          : replicateSums.estimates(state), label, warnings);
      case HOEFFDING, BERNSTEIN -> ConcentrationIntervals.of(
          m, config.interval(), config.level(), config.termRange(), label);
      case CRESSIE_READ, CLOPPER_PEARSON ->
          likelihood[policy].interval(config.interval(), config.level(), bounds, label);
      case HCOPE -> throw new IllegalStateException("hcope is refused by EvaluationConfig");
    };
    if (m.overflowed()) {
      warnings.add(label + ": the estimate, or one of its per-round terms (a weight times a reward), exceeds the"
          + " largest double (about 1.8e308), so the estimate is not a finite double and is reported as null;"
          + " rescale the rewards");
    } else if (m.scaled()) {
      warnings.add(label + ": the sums of the per-round terms exceed the largest double (about 1.8e308); they"
          + " were summed divided by an exact power of two, so the estimate is still finite and exact to rounding");
    }
    if (config.intervalFloors() && deficits[state] != null) {
      interval = widenByBias(interval, deficits[state], bounds, label, warnings);
    }
    // The likelihood intervals lie in the reward range and keep a width at its ends: no floor.
    interval = config.intervalFloors() && !config.interval().fromLikelihood()
        ? IntervalFloors.apply(interval, values[chosen], estimator, label, bounds, rewards.boundsSource(),
            weightDiagnostics, warnings)
        : IntervalFloors.raw(interval, estimator);
    String selected = count > 1 || slots.get(first) != estimator ? slots.get(first + chosen).spec() : null;
    return new Estimate(layout.policies().get(policy), estimator.spec(), values[chosen], stderrs[chosen],
        interval, m.altered(), weightDiagnostics, selected);
  }

  /** The interval widened by the bias of altered weights, or unchanged with a warning when it cannot be. */
  private Interval widenByBias(Interval interval, TermMoments deficit, TermRange bounds, String label,
      List<String> warnings) {
    if (Double.isNaN(interval.lower()) || Double.isNaN(interval.upper())) {
      return interval;
    }
    if (bounds == null) {
      if (deficit.mean(TermMoments.Y) != 0.0 || deficit.mean(TermMoments.X) != 0.0) {
        warnings.add(label + ": the interval does not include the bias of the altered importance weights, which"
            + " can only be bounded for rewards in a known range (give --reward-range LO,HI)");
      }
      return interval;
    }
    Interval widened = WeightDeficitBias.widen(interval, deficit, bounds, rewards.boundsSource());
    if (widened == null) {
      warnings.add(label + ": the bias of the altered importance weights could not be bounded (weights too"
          + " large to sum, or fewer than two rows); the interval does not include it");
      return interval;
    }
    return widened;
  }

  /** The percentile interval, with a warning when some replicates had no defined estimate. */
  private Interval bootstrap(double[] replicateEstimates, String label, List<String> warnings) {
    int undefined = Intervals.undefinedReplicates(replicateEstimates);
    if (undefined > 0) {
      warnings.add(label + ": " + undefined + " of " + replicateEstimates.length + " bootstrap replicates drew"
          + " no row the estimate needs (too few rows), so they have no estimate; the interval uses the others");
    }
    return Intervals.bootstrapPercentile(replicateEstimates, config.level());
  }
}
