package io.ope4j.continuous;

import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.engine.PoissonReplicates;
import io.ope4j.engine.TermMoments;
import io.ope4j.internal.stats.IndexBootstrap;
import io.ope4j.interval.Interval;
import io.ope4j.interval.Intervals;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-pass state of a continuous-action evaluation over some rows, the counterpart of the
 * bandit engine's {@code EvaluationState} with the same parts: per candidate estimator its {@link
 * TermMoments} and its share of the {@link PoissonReplicates} (with the Poisson bootstrap), per
 * distinct smoothing (kernel and bandwidth) the {@link WeightStats} of its weights. {@link #add}
 * folds a batch in blocks of {@value #BLOCK} rows aligned to the batch start, {@link #merge}
 * combines states of disjoint rows (associative; deterministic for a fixed merge order), {@link
 * #finish} gives the estimates. With Open Bandit Pipeline's index bootstrap the state also keeps
 * every row's terms. Mutable, for one thread at a time.
 */
public final class ContinuousState implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int BLOCK = 1024;

  private final ContinuousLayout layout;
  private final ContinuousConfig config;
  private final List<ContinuousEstimator> slots = new ArrayList<>();
  /** {@code slotOf[e]} is estimator e's first candidate; {@code slotOf[size]} the slot count. */
  private final int[] slotOf;
  private final List<Smoothing> smoothings = new ArrayList<>();
  private final int[] smoothingOf;
  private final TermMoments[] moments;
  private final PoissonReplicates replicateSums;
  private final WeightStats[] weights;
  private final RowTerms[] kept;
  private final int replicates;
  private long rows;

  private transient Scratch scratch;

  /** An empty state. */
  public ContinuousState(ContinuousLayout layout, ContinuousConfig config) {
    this.layout = layout;
    this.config = config;
    List<ContinuousEstimator> estimators = config.estimators();
    this.slotOf = new int[estimators.size() + 1];
    for (int e = 0; e < estimators.size(); e++) {
      slotOf[e] = slots.size();
      slots.addAll(estimators.get(e).candidates());
    }
    slotOf[estimators.size()] = slots.size();
    int count = slots.size();
    this.smoothingOf = new int[count];
    this.replicates = config.poissonReplicates();
    this.moments = new TermMoments[count];
    this.kept = config.obpBootstrap() ? new RowTerms[count] : null;
    boolean[] selfNormalized = new boolean[count];
    for (int s = 0; s < count; s++) {
      ContinuousEstimator slot = slots.get(s);
      int index = smoothings.indexOf(slot.smoothing());
      if (index < 0) {
        index = smoothings.size();
        smoothings.add(slot.smoothing());
      }
      smoothingOf[s] = index;
      moments[s] = new TermMoments(slot.selfNormalized(), false);
      selfNormalized[s] = slot.selfNormalized();
      if (kept != null) {
        kept[s] = new RowTerms(slot.selfNormalized());
      }
    }
    this.replicateSums = replicates > 0 ? new PoissonReplicates(replicates, selfNormalized, new boolean[count]) : null;
    this.weights = new WeightStats[smoothings.size()];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = new WeightStats();
    }
  }

  /** Buffers: the weight numerators per smoothing (by batch row), the terms per slot (by block row). */
  private static final class Scratch {
    final double[][] numerators;
    /** Per smoothing, the array its numerators are in for the current block. */
    final double[][] current;
    final double[][] x;
    final double[][] d;

    Scratch(int smoothings, int capacity, int slots) {
      numerators = new double[smoothings][capacity];
      current = new double[smoothings][];
      x = new double[slots][BLOCK];
      d = new double[slots][BLOCK];
    }
  }

  public ContinuousLayout layout() {
    return layout;
  }

  /** Rows folded in so far. */
  public long rows() {
    return rows;
  }

  /** Folds in every row of {@code batch}. */
  public void add(ContinuousBatch batch) {
    if (scratch == null || scratch.numerators[0].length < batch.capacity()) {
      scratch = new Scratch(smoothings.size(), batch.capacity(), slots.size());
    }
    int size = batch.size();
    for (int from = 0; from < size; from += BLOCK) {
      addBlock(batch, from, Math.min(size, from + BLOCK));
    }
    rows += size;
  }

  private void addBlock(ContinuousBatch batch, int from, int to) {
    Scratch s = scratch;
    double[][] numerators = s.current;
    for (int k = 0; k < numerators.length; k++) {
      numerators[k] = smoothings.get(k).numerators(batch, from, to, s.numerators[k]);
      weights[k].addBlock(numerators[k], batch.density(), from, to);
    }
    int length = to - from;
    for (int slot = 0; slot < slots.size(); slot++) {
      slots.get(slot).terms(batch, numerators[smoothingOf[slot]], from, to, s.x[slot], s.d[slot]);
      moments[slot].addBlock(null, s.x[slot], s.d[slot], length, 0);
      if (kept != null) {
        kept[slot].append(s.x[slot], s.d[slot], length);
      }
    }
    if (replicates > 0) {
      replicateSums.addBlock(config.seed(), batch.firstRow() + from, length, null, s.x, s.d);
    }
  }

  /** Adds {@code other}'s rows, which follow this state's rows in the log. */
  public void merge(ContinuousState other) {
    if (!other.layout.equals(layout) || !other.config.equals(config)) {
      throw new IllegalArgumentException("cannot merge states of different layouts or configurations");
    }
    rows += other.rows;
    for (int s = 0; s < moments.length; s++) {
      moments[s].merge(other.moments[s]);
      if (kept != null) {
        kept[s].append(other.kept[s]);
      }
    }
    if (replicates > 0) {
      replicateSums.merge(other.replicateSums);
    }
    for (int k = 0; k < weights.length; k++) {
      weights[k].merge(other.weights[k]);
    }
  }

  /**
   * The estimates of every configured estimator.
   *
   * @throws IllegalArgumentException when no row was folded in
   */
  public ContinuousResult finish() {
    if (rows == 0) {
      throw new IllegalArgumentException("the log has no rows");
    }
    List<ContinuousEstimator> estimators = config.estimators();
    int[] chosenSlots = new int[estimators.size()];
    for (int e = 0; e < estimators.size(); e++) {
      int first = slotOf[e];
      int count = slotOf[e + 1] - first;
      chosenSlots[e] = first + estimators.get(e).choose(values(first, count), stderrs(first, count), rows);
    }
    double[][] indexMeans = kept == null ? null : indexBootstrap(chosenSlots);
    List<ContinuousEstimate> estimates = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean[] warned = new boolean[smoothings.size()];
    for (int e = 0; e < estimators.size(); e++) {
      int slot = chosenSlots[e];
      int smoothing = smoothingOf[slot];
      WeightDiagnostics diagnostics = weights[smoothing].finish();
      if (!warned[smoothing]) {
        warned[smoothing] = true;
        warnings.addAll(diagnostics.warnings(layout.policy() + " (" + smoothings.get(smoothing).label() + ")"));
      }
      ContinuousEstimator estimator = estimators.get(e);
      if (moments[slot].overflowed()) {
        warnings.add("estimator " + estimator.spec() + ": the estimate, or one of its per-round terms, exceeds the"
            + " largest double (about 1.8e308) and is reported as null; rescale the rewards");
      }
      String selected = slots.get(slot) != estimator ? slots.get(slot).spec() : null;
      double value = moments[slot].value();
      double stderr = moments[slot].standardError();
      Interval interval = interval(slot, value, stderr, indexMeans == null ? null : indexMeans[e]);
      if (interval.degenerate()) {
        // Every term equal (e.g. no logged action within the kernel's reach): no spread seen, none known.
        interval = interval.unbounded();
        warnings.add("estimator " + estimator.spec() + ": every per-round term is equal, so the log says nothing"
            + " about their spread; the interval is unbounded");
      }
      estimates.add(new ContinuousEstimate(estimator.spec(), value, stderr, interval, diagnostics, selected,
          indexMeans == null ? Double.NaN : mean(indexMeans[e])));
    }
    return new ContinuousResult(rows, layout, config, estimates, warnings);
  }

  /** The interval of a slot: OBP's index bootstrap (given its replicate means), the Poisson bootstrap, or t. */
  private Interval interval(int slot, double value, double stderr, double[] indexMeans) {
    if (indexMeans != null) {
      return Intervals.bootstrapPercentile(indexMeans, config.level());
    }
    if (replicates > 0) {
      return Intervals.bootstrapPercentile(replicateSums.estimates(slot), config.level());
    }
    return Intervals.studentT(value, stderr, rows, config.level());
  }

  private double[] values(int first, int count) {
    double[] values = new double[count];
    for (int c = 0; c < count; c++) {
      values[c] = moments[first + c].value();
    }
    return values;
  }

  private double[] stderrs(int first, int count) {
    double[] stderrs = new double[count];
    for (int c = 0; c < count; c++) {
      stderrs[c] = moments[first + c].standardError();
    }
    return stderrs;
  }

  /** Open Bandit Pipeline's bootstrap of each estimator's chosen candidate, the draws shared. */
  private double[][] indexBootstrap(int[] chosenSlots) {
    double[][] values = new double[chosenSlots.length][];
    for (int e = 0; e < chosenSlots.length; e++) {
      values[e] = kept[chosenSlots[e]].values();
    }
    return IndexBootstrap.resampleMeans(values, config.replicates(), config.seed());
  }

  private static double mean(double[] values) {
    io.ope4j.internal.stats.CompensatedSum sum = new io.ope4j.internal.stats.CompensatedSum();
    for (double v : values) {
      sum.add(v);
    }
    return sum.value() / values.length;
  }
}
