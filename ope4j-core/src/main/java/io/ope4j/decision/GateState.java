package io.ope4j.decision;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.estimator.Estimator;
import io.ope4j.interval.TermRange;
import io.ope4j.internal.stats.PoissonMultiplicities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one-pass state of a gate over some rows: per candidate its {@link PairedMoments} against
 * the baseline, per policy its {@link WeightStats}. {@link #add} folds a batch in, {@link #merge}
 * combines states of disjoint rows, {@link #finish} decides. Rows are summed in blocks of
 * {@value #BLOCK} aligned to batch starts and bootstrap multiplicities are keyed by (seed, row),
 * so the result depends only on the batches, never on threads. Mutable, for one thread at a time.
 */
public final class GateState implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int BLOCK = 1024;

  private final LogLayout layout;
  private final GateRule rule;
  private final int baseline;
  private final int[] candidates;
  private final PairedMoments[] pairs;
  private final WeightStats[] weights;
  private final int replicates;
  private long rows;
  /** The name of the log, for a row outside the stated term range. */
  private final String source;
  /** The first row (0-based) whose difference is outside the stated term range, -1 for none; its candidate and value. */
  private long outsideRow = -1;
  private int outsideCandidate;
  private double outsideValue;
  private transient Scratch scratch;

  /**
   * @param layout the log's layout; every policy but the baseline is a candidate
   * @throws IllegalArgumentException if the baseline is not one of the log's policies, or it is the only one
   */
  public GateState(LogLayout layout, GateRule rule) {
    this(layout, rule, "the log");
  }

  /** @param source the log's name, for the message on a row outside the rule's term range */
  public GateState(LogLayout layout, GateRule rule, String source) {
    this.source = source;
    this.layout = layout;
    this.rule = rule;
    this.baseline = layout.policies().indexOf(rule.baseline());
    if (baseline < 0) {
      throw new io.ope4j.data.UsageException("the baseline policy '" + rule.baseline() + "' is not among the log's"
          + " policies " + layout.policies());
    }
    if (layout.policyCount() < 2) {
      throw new io.ope4j.data.UsageException("the gate needs at least one candidate policy besides the baseline '"
          + rule.baseline() + "'");
    }
    this.candidates = new int[layout.policyCount() - 1];
    for (int p = 0, j = 0; p < layout.policyCount(); p++) {
      if (p != baseline) {
        candidates[j++] = p;
      }
    }
    this.replicates = rule.bound() == GateBound.BOOTSTRAP ? rule.replicates() : 0;
    this.pairs = new PairedMoments[candidates.length];
    for (int j = 0; j < pairs.length; j++) {
      pairs[j] = new PairedMoments(replicates);
    }
    this.weights = new WeightStats[layout.policyCount()];
    for (int p = 0; p < weights.length; p++) {
      weights[p] = new WeightStats();
    }
  }

  private static final class Scratch {
    final double[] model = new double[BLOCK];
    final double[][] baselineTerms = {new double[BLOCK], ones()};
    final double[][][] candidateTerms;
    /** Per candidate the four paired components: its terms, then the baseline's. */
    final double[][][] paired;
    final double[] multiplicities;
    final PoissonMultiplicities.RowDrawer drawer;

    Scratch(int candidates, int replicates) {
      candidateTerms = new double[candidates][][];
      for (int j = 0; j < candidates; j++) {
        candidateTerms[j] = new double[][] {new double[BLOCK], ones()};
      }
      paired = new double[candidates][][];
      for (int j = 0; j < candidates; j++) {
        paired[j] = new double[][] {candidateTerms[j][0], candidateTerms[j][1], baselineTerms[0], baselineTerms[1]};
      }
      multiplicities = replicates > 0 ? new double[replicates] : null;
      drawer = replicates > 0 ? new PoissonMultiplicities.RowDrawer(replicates) : null;
    }

    /** The normaliser of a plain estimator, which never writes it: 1 on every row. */
    private static double[] ones() {
      double[] d = new double[BLOCK];
      Arrays.fill(d, 1.0);
      return d;
    }
  }

  /** Folds every row of {@code batch} (of this state's layout) in. */
  public void add(BanditBatch batch) {
    if (scratch == null) {
      scratch = new Scratch(candidates.length, replicates);
    }
    int size = batch.size();
    for (int from = 0; from < size; from += BLOCK) {
      addBlock(batch, from, Math.min(size, from + BLOCK));
    }
    rows += size;
  }

  private void addBlock(BanditBatch batch, int from, int to) {
    Scratch s = scratch;
    Estimator estimator = rule.estimator();
    int length = to - from;
    weights[baseline].addBlock(batch, baseline, from, to);
    estimator.terms(batch, baseline, from, to, s.model, s.baselineTerms[0], s.baselineTerms[1]);
    for (int j = 0; j < candidates.length; j++) {
      weights[candidates[j]].addBlock(batch, candidates[j], from, to);
      double[][] c = s.candidateTerms[j];
      estimator.terms(batch, candidates[j], from, to, s.model, c[0], c[1]);
      pairs[j].addBlock(s.paired[j], length);
      if (rule.termRange() != null && outsideRow < 0) {
        checkRange(j, batch.firstRow() + from, length);
      }
    }
    if (replicates > 0) {
      addReplicates(batch.firstRow() + from, length);
    }
  }

  /** Finds, when the block widened the observed range past the stated one, its first row outside. */
  private void checkRange(int j, long firstRow, int length) {
    TermRange range = rule.termRange();
    if (pairs[j].minDifference() >= range.lower() && pairs[j].maxDifference() <= range.upper()) {
      return;
    }
    double[][] terms = scratch.paired[j];
    for (int i = 0; i < length; i++) {
      double difference = terms[PairedMoments.XC][i] - terms[PairedMoments.XB][i];
      if (!(difference >= range.lower() && difference <= range.upper())) {
        outsideRow = firstRow + i;
        outsideCandidate = j;
        outsideValue = difference;
        return;
      }
    }
  }

  // A row's multiplicities are drawn once and serve every candidate, so the pairs share replicates.
  private void addReplicates(long firstRow, int length) {
    Scratch s = scratch;
    for (int i = 0; i < length; i++) {
      s.drawer.fill(rule.seed(), firstRow + i, s.multiplicities);
      for (int j = 0; j < candidates.length; j++) {
        pairs[j].addReplicateRow(s.multiplicities, s.paired[j], i);
      }
    }
  }

  /** Adds {@code other}'s rows (a state of the same layout and rule). */
  public void merge(GateState other) {
    if (!other.layout.equals(layout) || !other.rule.equals(rule)) {
      throw new IllegalArgumentException("cannot merge gate states of different layouts or rules");
    }
    rows += other.rows;
    if (other.outsideRow >= 0 && (outsideRow < 0 || other.outsideRow < outsideRow)) {
      outsideRow = other.outsideRow;
      outsideCandidate = other.outsideCandidate;
      outsideValue = other.outsideValue;
    }
    for (int j = 0; j < pairs.length; j++) {
      pairs[j].merge(other.pairs[j]);
    }
    for (int p = 0; p < weights.length; p++) {
      weights[p].merge(other.weights[p]);
    }
  }

  /** Rows folded in so far. */
  public long rows() {
    return rows;
  }

  /**
   * The decision on the rows folded in.
   *
   * @throws IllegalArgumentException when no row was folded in
   * @throws InvalidDataException naming the first row whose per-row difference is outside the rule's term range
   */
  public GateDecision finish() {
    if (rows == 0) {
      throw new IllegalArgumentException("the log has no rows");
    }
    if (outsideRow >= 0) {
      TermRange range = rule.termRange();
      throw new InvalidDataException(source, outsideRow + 1, null, String.format(java.util.Locale.ROOT,
          "the per-row difference of the %s terms of '%s' and '%s' is %s, outside the stated term range [%s, %s]"
              + " (--term-range)", rule.estimator().spec(), layout.policies().get(candidates[outsideCandidate]),
          rule.baseline(), outsideValue, range.lower(), range.upper()));
    }
    List<String> names = new ArrayList<>();
    List<PairedDifference> differences = new ArrayList<>();
    List<WeightDiagnostics> diagnostics = new ArrayList<>();
    for (int j = 0; j < candidates.length; j++) {
      names.add(layout.policies().get(candidates[j]));
      differences.add(new PairedDifference(pairs[j], rule.estimator().selfNormalized(), rule.termRange()));
      diagnostics.add(weights[candidates[j]].finish());
    }
    return GateDecision.decide(rule, rows, weights[baseline].finish(), names, differences, diagnostics);
  }
}
