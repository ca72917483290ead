package io.ope4j.internal.stats;

/**
 * The Mersenne Twister MT19937 (Matsumoto &amp; Nishimura, ACM TOMACS 8(1), 1998) seeded with the
 * reference {@code init_genrand}, the generator of numpy's legacy {@code RandomState(seed)}. Used
 * only to reproduce results computed with numpy (SCOPE-RL's bootstrap); ope4j's own randomness is
 * {@link CounterRng}. Not thread-safe.
 */
public final class Mt19937 {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] state = new int[N];
  private int index = N;

  /** A generator seeded as {@code init_genrand(seed)} (the low 32 bits of {@code seed}). */
  public Mt19937(long seed) {
    state[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      int previous = state[i - 1];
      state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
    }
  }

  /** The next 32-bit output, as an unsigned value. */
  public long nextUnsignedInt() {
    if (index >= N) {
      twist();
    }
    int y = state[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  /**
   * A uniform integer in [0, bound) by numpy's masked rejection: the next output masked to the
   * smallest {@code 2^b - 1 >= bound - 1}, redrawn while above {@code bound - 1}.
   */
  public int nextIndex(int bound) {
    long last = bound - 1L;
    long mask = last;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = nextUnsignedInt() & mask;
    } while (value > last);
    return (int) value;
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
      int next = state[(i + M) % N] ^ (y >>> 1);
      state[i] = (y & 1) != 0 ? next ^ MATRIX_A : next;
    }
    index = 0;
  }
}
