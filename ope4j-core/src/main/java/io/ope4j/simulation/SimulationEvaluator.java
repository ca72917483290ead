package io.ope4j.simulation;

import io.ope4j.environment.Environment;
import io.ope4j.internal.concurrent.OrderedChunks;
import io.ope4j.internal.stats.CounterRng;
import io.ope4j.interval.Interval;
import io.ope4j.interval.Intervals;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Evaluates a policy by running it in a simulator: rounds of {@link SimulationPlan#roundEpisodes}
 * episodes, each round cut into chunks of {@value SimulationPlan#CHUNK_EPISODES} run in parallel,
 * until the interval is narrower than the target width or the budget is spent. Chunk {@code c}
 * draws from a generator seeded by {@code (seed, c)}, and the PROPS behaviour of a chunk depends
 * only on the visits before its round and its own; results are merged in chunk order, so the
 * result is the same to the bit on any number of threads.
 *
 * <pre>{@code
 * TabularMdp mdp = TabularMdp.random(5, 3, 0, 7);
 * double[][] target = TabularPolicies.parse("softmax:0.5", mdp.meanRewards());
 * SimulationResult r = new SimulationEvaluator(() -> TabularMdp.random(5, 3, 0, 7), target,
 *     SimulationPlan.defaults().withGamma(0.9).withSampling(Sampling.PROPS)).run(done -> {});
 * }</pre>
 */
public final class SimulationEvaluator {

  private final Supplier<? extends Environment> environments;
  private final double[][] target;
  private final SimulationPlan plan;

  /**
   * @param environments makes one environment per chunk (they are mutable); every one must be the
   *     same environment
   * @param target the policy's probabilities {@code [state][action]}; rows sum to 1
   * @throws IllegalArgumentException if the target's shape differs from the environment's
   */
  public SimulationEvaluator(Supplier<? extends Environment> environments, double[][] target, SimulationPlan plan) {
    Environment probe = environments.get();
    if (target.length != probe.states() || target[0].length != probe.actions()) {
      throw new IllegalArgumentException("the target policy is " + target.length + " x " + target[0].length
          + ", the environment has " + probe.states() + " states and " + probe.actions() + " actions");
    }
    this.environments = environments;
    this.target = target;
    this.plan = plan;
  }

  /** @param progress receives the episodes run so far, after every round */
  public SimulationResult run(LongConsumer progress) {
    boolean props = plan.sampling() == Sampling.PROPS;
    int cells = target.length * target[0].length;
    EpisodeSums total = new EpisodeSums(props ? cells : 0);
    long chunks = (plan.budget() + SimulationPlan.CHUNK_EPISODES - 1) / SimulationPlan.CHUNK_EPISODES;
    int perRound = plan.roundEpisodes() / SimulationPlan.CHUNK_EPISODES;
    String stopped = "budget";
    try (OrderedChunks pool = OrderedChunks.forThreads(plan.threads(), "ope4j-sim")) {
      for (long first = 0; first < chunks; first += perRound) {
        long firstChunk = first;
        int inRound = (int) Math.min(perRound, chunks - first);
        long[] before = props ? total.visits.clone() : null;
        pool.<EpisodeSums, RuntimeException>run(inRound, c -> {
          long chunk = firstChunk + c;
          int episodes = (int) Math.min(SimulationPlan.CHUNK_EPISODES, plan.budget() - chunk * SimulationPlan.CHUNK_EPISODES);
          ChunkRunner runner = new ChunkRunner(target, plan.gamma(), plan.propsStep(), before, inRound);
          return runner.run(environments.get(), new SplittableRandom(CounterRng.key(plan.seed(), chunk)), episodes);
        }, (c, sums) -> total.merge(sums));
        progress.accept(total.episodes);
        if (plan.targetWidth() > 0 && total.episodes > 1 && interval(total).upper() - interval(total).lower() < plan.targetWidth()) {
          stopped = "target-width";
          break;
        }
      }
    }
    Interval interval = interval(total);
    return new SimulationResult(plan.sampling(), total.episodes, total.steps, total.mean(total.returns),
        total.stderr(total.returns, total.squaredReturns), interval.lower(), interval.upper(), plan.level(),
        total.mean(total.weighted), total.stderr(total.weighted, total.squaredWeighted), stopped);
  }

  private Interval interval(EpisodeSums sums) {
    return Intervals.studentT(sums.mean(sums.returns), sums.stderr(sums.returns, sums.squaredReturns), sums.episodes,
        plan.level());
  }
}
