package io.ope4j.internal.stats;

/**
 * Poisson(1) bootstrap multiplicities drawn from a counter-based generator keyed by (seed, row,
 * replicate): the multiplicity of a row in a replicate depends on nothing else, so a bootstrap
 * interval is the same on any number of threads, chunks or Spark partitions (the "Poisson
 * bootstrap", Hanley & MacGibbon 2006; Chamandy et al. 2012).
 *
 * <p>Each 64-bit value of {@link CounterRng} (row {@code r} is the stream, replicate pair {@code k}
 * the counter) gives two 32-bit uniforms, for replicates {@code 2k} and {@code 2k+1}. A uniform {@code u} maps to the
 * smallest {@code m} with {@code u < 2^32 P(M <= m)}: an exact inverse-CDF draw at 32-bit
 * resolution (values above 12 have probability below 2^-32 and do not occur). A 4096-entry table
 * on the top 12 bits settles all but 0.3% of draws without comparisons.
 */
public final class PoissonMultiplicities {

  private static final int MAX = 13;
  /** {@code CDF[m] = floor(2^32 * P(M <= m))} for M ~ Poisson(1). */
  private static final long[] CDF = new long[MAX];
  private static final int TABLE_BITS = 12;
  /** Multiplicity for each top-12-bit prefix, or -1 when a CDF step falls inside the prefix. */
  private static final byte[] TABLE = new byte[1 << TABLE_BITS];

  static {
    double probability = Math.exp(-1.0);
    double cumulative = 0.0;
    for (int m = 0; m < MAX; m++) {
      cumulative += probability;
      CDF[m] = Math.min((long) Math.floor(cumulative * 4294967296.0), 1L << 32);
      probability /= (m + 1);
    }
    CDF[MAX - 1] = 1L << 32;
    int shift = 32 - TABLE_BITS;
    for (int prefix = 0; prefix < TABLE.length; prefix++) {
      long lo = (long) prefix << shift;
      long hi = lo + (1L << shift) - 1;
      int mLo = slow(lo);
      TABLE[prefix] = (byte) (mLo == slow(hi) ? mLo : -1);
    }
  }

  private PoissonMultiplicities() {}

  private static int slow(long u) {
    int m = 0;
    while (u >= CDF[m]) {
      m++;
    }
    return m;
  }

  /** The multiplicity for a 32-bit uniform given as an unsigned value in the low bits. */
  static int fromUniform(long u) {
    int m = TABLE[(int) (u >>> (32 - TABLE_BITS))];
    return m >= 0 ? m : slow(u);
  }

  /**
   * Draws a row's multiplicities for every replicate at once, as doubles: the row's 64-bit values
   * first, in a loop the JIT vectorises (no table lookup in it), then the lookups. Doubles let
   * the replicate sums run as vectorised double loops; drawing bytes and converting them per
   * sum measured 1.9-2.1x slower (BENCHMARKS.md). Not thread-safe: it owns scratch space.
   */
  public static final class RowDrawer implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int replicates;
    private final long[] pairBits;

    /** A drawer for {@code replicates} replicates. */
    public RowDrawer(int replicates) {
      if (replicates < 1) {
        throw new IllegalArgumentException("replicates must be positive, got " + replicates);
      }
      this.replicates = replicates;
      this.pairBits = new long[(replicates + 1) >>> 1];
    }

    /** Writes the multiplicities of {@code row} for replicates {@code 0..B-1} into {@code out}. */
    public void fill(long seed, long row, double[] out) {
      long rowKey = CounterRng.key(seed, row);
      long[] bits = pairBits;
      for (int k = 0; k < bits.length; k++) {
        bits[k] = CounterRng.bits(rowKey, k);
      }
      for (int b = 0; b < replicates; b++) {
        long pair = bits[b >>> 1];
        out[b] = fromUniform((b & 1) == 0 ? pair >>> 32 : pair & 0xffffffffL);
      }
    }
  }

  /** One multiplicity, the value {@link RowDrawer#fill} writes for this (seed, row, replicate). */
  public static int of(long seed, long row, int replicate) {
    long bits = CounterRng.bits(CounterRng.key(seed, row), replicate >>> 1);
    return fromUniform((replicate & 1) == 0 ? bits >>> 32 : bits & 0xffffffffL);
  }
}
