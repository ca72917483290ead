package io.ope4j.environment;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Collects logged episodes: a behaviour policy {@code [s][a]} acts in an {@link Environment}
 * seeded once, and every step is handed to a {@link StepSink} (no object per step).
 */
public final class EpisodeCollector {

  /** Receives the logged steps in order. */
  public interface StepSink {
    /** One step: the state acted in, the action, its reward and behaviour probability. */
    void step(long episode, int step, int state, int action, double reward, double pscore,
        boolean done) throws IOException;
  }

  private EpisodeCollector() {}

  /** Runs {@code episodes} episodes of {@code behaviour} in {@code environment}. */
  public static void collect(Environment environment, double[][] behaviour, long episodes,
      long seed, StepSink sink) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    for (long e = 0; e < episodes; e++) {
      int state = environment.reset(random);
      for (int t = 0; ; t++) {
        int action = Draw.index(random, behaviour[state]);
        environment.step(action, random);
        boolean done = environment.done();
        sink.step(e, t, state, action, environment.reward(), behaviour[state][action], done);
        if (done) {
          break;
        }
        state = environment.observation();
      }
    }
  }
}
