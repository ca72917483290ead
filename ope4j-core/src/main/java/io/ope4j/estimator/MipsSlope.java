package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.LogLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * MIPS with the embedding dimensions chosen from the data by SLOPE (Saito &amp; Joachims 2022,
 * Sec. 4.3, after Su, Srinath &amp; Krishnamurthy 2020), in the two searches of OBP 0.5.5
 * obp/ope/estimators_embed.py: {@code exact} visits every subset, from all D dimensions down to
 * {@code min-dims}, size by size; {@code greedy} drops one dimension per step. Within a step the
 * candidates are visited in decreasing width {@code cnf = stderr * t_{n-1}(1 - delta/2)} and
 * accepted while {@code |theta_j - theta| <= cnf + (sqrt 6 - 1) cnf_j} for every accepted j; the
 * first rejection ends the search with the last accepted subset.
 *
 * <p>When every candidate is accepted, SLOPE reports the last one; {@code compat=obp} reports the
 * second-to-last instead, uses the product of marginals, and gives the self-normalised variant
 * the plain MIPS value, as OBP does (the oracle README's quirks 1 to 3). One state per non-empty
 * subset is carried in the same pass, so D is at most {@value MipsSubsets#MAX_SLOPE_DIMS}.
 */
final class MipsSlope implements Estimator {

  private static final long serialVersionUID = 1L;
  private static final double SQRT6_MINUS_1 = Math.sqrt(6) - 1;

  private final String spec;
  private final boolean selfNormalized;
  private final boolean obp;
  private final boolean greedy;
  private final double delta;
  private final int minDims;
  private final EmbeddingTable table;

  MipsSlope(String spec, boolean selfNormalized, boolean obp, boolean greedy, double delta, int minDims,
      EmbeddingTable table) {
    this.spec = spec;
    this.selfNormalized = selfNormalized;
    this.obp = obp;
    this.greedy = greedy;
    this.delta = delta;
    this.minDims = minDims;
    this.table = table;
  }

  @Override
  public Estimator withEmbeddingTable(EmbeddingTable newTable) {
    return new MipsSlope(spec, selfNormalized, obp, greedy, delta, minDims, newTable);
  }

  @Override
  public String id() {
    return selfNormalized ? "snmips" : "mips";
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public boolean selfNormalized() {
    return selfNormalized && !obp;
  }

  @Override
  public String unmetNeeds(LogLayout layout) {
    String unmet = MipsSubsets.unmetNeeds(table, null, layout);
    if (unmet == null && table.dims() > MipsSubsets.MAX_SLOPE_DIMS) {
      return "at most " + MipsSubsets.MAX_SLOPE_DIMS + " embedding dimensions for dims=slope (the log has "
          + table.dims() + ")";
    }
    if (unmet == null && minDims > table.dims()) {
      return "at least min-dims = " + minDims + " embedding dimensions (the log has " + table.dims() + ")";
    }
    return unmet;
  }

  /** One MIPS per non-empty subset, candidate {@code mask - 1} using the dimensions of bit mask {@code mask}. */
  @Override
  public List<Estimator> candidates() {
    if (table == null || table.dims() > MipsSubsets.MAX_SLOPE_DIMS) {
      return List.of(new Mips(selfNormalized(), obp, null, table)); // refused by unmetNeeds before a row is read
    }
    List<Estimator> candidates = new ArrayList<>();
    for (int mask = 1; mask < 1 << table.dims(); mask++) {
      candidates.add(new Mips(selfNormalized(), obp, MipsSubsets.ofMask(mask), table));
    }
    return candidates;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    throw new UnsupportedOperationException(spec + " is tuned: evaluate its candidates()");
  }

  @Override
  public int choose(double[] values, double[] stderrs, long rows) {
    int dims = table.dims();
    double quantile = new TDistribution(rows - 1, 1e-14).inverseCumulativeProbability(1 - delta / 2);
    double[] width = new double[values.length];
    for (int c = 0; c < values.length; c++) {
      width[c] = stderrs[c] * quantile;
    }
    List<Integer> accepted = new ArrayList<>();
    int full = (1 << dims) - 1;
    accepted.add(full);
    int current = full;
    for (int size = dims - 1; size >= Math.max(minDims, 1); size--) {
      int[] step = greedy ? withoutOne(current) : subsetsOfSize(dims, size);
      Integer[] order = new Integer[step.length];
      for (int j = 0; j < step.length; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Double.compare(width[step[a] - 1], width[step[b] - 1])); // stable
      for (int visit = step.length - 1; visit >= 0; visit--) {
        int mask = step[order[visit]];
        for (int j : accepted) {
          if (Math.abs(values[j - 1] - values[mask - 1]) > width[mask - 1] + SQRT6_MINUS_1 * width[j - 1]) {
            return accepted.get(accepted.size() - 1) - 1;
          }
        }
        accepted.add(mask);
      }
      current = accepted.get(accepted.size() - 1); // greedy: drop the dimension of the narrowest candidate
    }
    // OBP returns its comparison array's last entry, taken before the final acceptance.
    int last = obp && accepted.size() > 1 ? accepted.size() - 2 : accepted.size() - 1;
    return accepted.get(last) - 1;
  }

  /** The masks of {@code current} without one of its dimensions, in OBP's order (the dropped one ascending). */
  private static int[] withoutOne(int current) {
    int[] dims = MipsSubsets.ofMask(current);
    int[] step = new int[dims.length];
    for (int j = 0; j < dims.length; j++) {
      step[j] = current & ~(1 << dims[j]);
    }
    return step;
  }

  /** The masks of every subset of {@code size} of {@code dims} dimensions, in itertools.combinations order. */
  private static int[] subsetsOfSize(int dims, int size) {
    List<Integer> masks = new ArrayList<>();
    addCombinations(0, dims, size, 0, masks);
    return masks.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void addCombinations(int start, int dims, int left, int mask, List<Integer> masks) {
    if (left == 0) {
      masks.add(mask);
      return;
    }
    for (int d = start; d <= dims - left; d++) {
      addCombinations(d + 1, dims, left - 1, mask | 1 << d, masks);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MipsSlope slope && slope.spec.equals(spec) && java.util.Objects.equals(slope.table, table);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }
}
