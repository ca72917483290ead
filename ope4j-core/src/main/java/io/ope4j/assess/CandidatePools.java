package io.ope4j.assess;

import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made pools of candidate policies for synthetic experiments. The synthetic behaviour
 * policy is a softmax at temperature 1 by default (see {@link SyntheticConfig}), so softmax
 * candidates colder than it are better and those warmer are worse: a pool spanning both sides
 * makes the safety threshold (the behaviour policy's value) bite, and the colder, better
 * candidates are also the ones furthest from the logging policy, hence the riskiest to estimate.
 */
public final class CandidatePools {

  /** Temperature range of {@link #softmaxLadder}: a factor 5 either side of the logger's 1. */
  static final double COLDEST = 0.2;

  static final double WARMEST = 5.0;

  private CandidatePools() {}

  /** The four default policies of {@link SyntheticConfig#defaults()}. */
  public static List<PolicySpec> defaults() {
    return SyntheticConfig.defaults().policies();
  }

  /**
   * {@code n} softmax policies {@code softmax-01 ..} with temperatures spaced evenly on a log
   * scale from {@value #COLDEST} to {@value #WARMEST} (temperature 1 for n = 1).
   *
   * @throws IllegalArgumentException unless {@code 1 <= n <= 999}
   */
  public static List<PolicySpec> softmaxLadder(int n) {
    checkSize(n);
    List<PolicySpec> pool = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double temperature = n == 1 ? 1.0 : COLDEST * Math.pow(WARMEST / COLDEST, i / (n - 1.0));
      pool.add(PolicySpec.softmax(name("softmax", i), temperature));
    }
    return pool;
  }

  /**
   * {@code n} epsilon-greedy policies {@code egreedy-01 ..} with epsilon spaced evenly from 0.05
   * to 0.95 (0.5 for n = 1).
   *
   * @throws IllegalArgumentException unless {@code 1 <= n <= 999}
   */
  public static List<PolicySpec> epsilonGreedyLadder(int n) {
    checkSize(n);
    List<PolicySpec> pool = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double epsilon = n == 1 ? 0.5 : 0.05 + 0.9 * i / (n - 1.0);
      pool.add(PolicySpec.epsilonGreedy(name("egreedy", i), epsilon));
    }
    return pool;
  }

  /**
   * {@code n} policies: the softmax ladder of {@code ceil(n / 2)} followed by the epsilon-greedy
   * ladder of {@code floor(n / 2)}.
   *
   * @throws IllegalArgumentException unless {@code 2 <= n <= 999}
   */
  public static List<PolicySpec> mixed(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a mixed pool needs at least 2 policies, got " + n);
    }
    List<PolicySpec> pool = new ArrayList<>(softmaxLadder(n - n / 2));
    pool.addAll(epsilonGreedyLadder(n / 2));
    return pool;
  }

  private static String name(String kind, int index) {
    return String.format(Locale.ROOT, "%s-%02d", kind, index + 1);
  }

  private static void checkSize(int n) {
    if (n < 1 || n > 999) {
      throw new IllegalArgumentException("a pool holds 1 to 999 policies, got " + n);
    }
  }
}
