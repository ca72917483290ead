package io.ope4j.engine;

import io.ope4j.data.ColumnarLog;
import java.util.SplittableRandom;

/** Seeded random logs with two policies and a model, for property tests. */
final class RandomLogs {

  private RandomLogs() {}

  static ColumnarLog of(long seed, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] action = new int[rows];
    double[] reward = new double[rows];
    double[] pscore = new double[rows];
    double[] piA = new double[rows];
    double[] piB = new double[rows];
    double[] qLogged = new double[rows];
    double[] qA = new double[rows];
    double[] qB = new double[rows];
    for (int i = 0; i < rows; i++) {
      action[i] = random.nextInt(5);
      reward[i] = random.nextDouble() < 0.3 ? 1.0 : 0.0;
      pscore[i] = 0.05 + 0.95 * random.nextDouble();
      piA[i] = random.nextDouble() < 0.1 ? 0.0 : random.nextDouble();
      piB[i] = random.nextDouble();
      qLogged[i] = random.nextDouble();
      qA[i] = random.nextDouble();
      qB[i] = random.nextDouble();
    }
    return ColumnarLog.builder(action, reward, pscore)
        .policy("a", piA, qA)
        .policy("b", piB, qB)
        .modelAtLoggedAction(qLogged)
        .build();
  }
}
