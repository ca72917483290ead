package io.ope4j.environment;

import java.util.SplittableRandom;

/** Draws from discrete distributions by inversion (one uniform per draw). */
public final class Draw {

  private Draw() {}

  /** An index drawn with the given probabilities (which sum to 1). */
  public static int index(SplittableRandom random, double[] probabilities) {
    double u = random.nextDouble();
    for (int k = 0; k < probabilities.length - 1; k++) {
      u -= probabilities[k];
      if (u < 0) {
        return k;
      }
    }
    return probabilities.length - 1;
  }
}
