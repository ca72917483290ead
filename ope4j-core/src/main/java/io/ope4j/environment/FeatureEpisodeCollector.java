package io.ope4j.environment;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Collects logged episodes of a {@link FeatureEnvironment}: a behaviour rule acts on the
 * environment's scores, and every step is handed to a {@link StepSink} with the state's features,
 * the scores and the behaviour's probabilities (buffers reused: no object per step).
 */
public final class FeatureEpisodeCollector {

  /** Receives the logged steps in order; the arrays are only valid during the call. */
  public interface StepSink {
    void step(long episode, int step, double[] features, double[] scores, int action,
        double reward, double pscore, boolean done) throws IOException;
  }

  private FeatureEpisodeCollector() {}

  /** Runs {@code episodes} episodes of {@code behaviour} in {@code environment}, seeded once. */
  public static void collect(FeatureEnvironment environment, TabularPolicies.Rule behaviour,
      long episodes, long seed, StepSink sink) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    double[] features = new double[environment.featureNames().size()];
    double[] scores = new double[environment.actions()];
    double[] probabilities = new double[environment.actions()];
    for (long e = 0; e < episodes; e++) {
      environment.reset(random);
      for (int t = 0; ; t++) {
        environment.observe(features);
        environment.scores(scores);
        behaviour.probabilities(scores, probabilities);
        int action = Draw.index(random, probabilities);
        double reward = environment.step(action, random);
        boolean done = environment.done();
        sink.step(e, t, features, scores, action, reward, probabilities[action], done);
        if (done) {
          break;
        }
      }
    }
  }
}
