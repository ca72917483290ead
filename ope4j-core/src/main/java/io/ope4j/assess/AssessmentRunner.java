package io.ope4j.assess;

import io.ope4j.data.UsageException;
import io.ope4j.data.BatchSource;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.internal.concurrent.OrderedChunks;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.SelectionQuality;
import io.ope4j.selection.TieBreak;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Benchmarks estimators on logs with known truth: "which estimator should I trust in a setting
 * like mine?" Each of R replications takes one log from a {@link LogFactory}, runs every
 * estimator on every candidate in one engine pass, and judges the estimates with {@link
 * SelectionQuality}; {@link Summaries} then folds the replications into one {@link
 * EstimatorSummary} per estimator.
 *
 * <p>Replications run as the chunks of an {@link OrderedChunks}, one thread per engine pass. Their
 * results are kept by replication index and folded in index order, so the summaries are the same
 * to the bit on any number of threads.
 */
public final class AssessmentRunner {

  private final List<Estimator> estimators;
  private final int replications;
  private final int threads;
  private final TieBreak ties;
  private final ScopeRlCompatibility compatibility;

  /**
   * @param estimators at least one, distinct specs, for {@link #run(LogFactory, IntConsumer)}; empty
   *     for a runner of {@link EstimatedReplications} only
   * @param replications R, at least 2
   * @param threads worker threads, at least 1; never changes the results
   * @throws IllegalArgumentException on a value out of range
   */
  public AssessmentRunner(List<Estimator> estimators, int replications, int threads, TieBreak ties,
      ScopeRlCompatibility compatibility) {
    this.estimators = List.copyOf(estimators);
    if (replications < 2) {
      throw new UsageException("replications must be at least 2, got " + replications);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.replications = replications;
    this.threads = threads;
    this.ties = ties;
    this.compatibility = compatibility;
  }

  /** This runner with other estimators (e.g. the same specs with a grid point's embedding table bound). */
  public AssessmentRunner withEstimators(List<Estimator> newEstimators) {
    return new AssessmentRunner(newEstimators, replications, threads, ties, compatibility);
  }

  /** Documented definitions, ties to the first-listed candidate, all cores. */
  public static AssessmentRunner of(List<Estimator> estimators, int replications) {
    return new AssessmentRunner(estimators, replications, Runtime.getRuntime().availableProcessors(),
        TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
  }

  /**
   * Runs the replications of one experiment.
   *
   * @param progress called on the calling thread with the number of replications finished so far
   * @return one summary per estimator, in the order given
   * @throws IllegalArgumentException if an estimate is NaN or infinite (naming the replication,
   *     estimator and candidate), or an estimator needs model columns the logs lack
   * @throws IOException from a log source
   */
  public List<EstimatorSummary> run(LogFactory factory, IntConsumer progress) throws IOException {
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("at least one estimator is needed");
    }
    List<String> candidates = factory.candidates();
    EvaluationConfig config = EvaluationConfig.of(estimators).withThreads(1);
    List<String> specs = estimators.stream().map(Estimator::spec).toList();
    return runReplications(specs, index -> replicate(factory, index, candidates, config), progress);
  }

  /**
   * Runs the replications of an experiment whose estimates come from another engine (continuous
   * actions, slates): the same metrics, folded the same way, as {@link #run(LogFactory,
   * IntConsumer)}; the runner's own estimators are not used.
   *
   * @throws IllegalArgumentException if an estimate is NaN or infinite (naming the replication,
   *     estimator and candidate)
   * @throws IOException from a source
   */
  public List<EstimatorSummary> run(EstimatedReplications source, IntConsumer progress) throws IOException {
    List<String> specs = source.estimators();
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("at least one estimator is needed");
    }
    return runReplications(specs, index -> {
      EstimatedReplications.Replicate replicate = source.replicate(index);
      return judged(index, specs, replicate.truth(), replicate.estimates());
    }, progress);
  }

  /** Replication {@code index}'s truth and estimates. */
  private interface ReplicationTask {
    Replication run(int index) throws IOException;
  }

  private List<EstimatorSummary> runReplications(List<String> specs, ReplicationTask task, IntConsumer progress)
      throws IOException {
    Replication[] done = new Replication[replications];
    try (OrderedChunks chunks = OrderedChunks.forThreads(threads, "ope4j-assess")) {
      chunks.<Replication, IOException>run(replications,
          index -> task.run(index.intValue()),
          (index, replication) -> {
            done[index.intValue()] = replication;
            progress.accept(index.intValue() + 1);
          });
    }
    return summarise(specs, done);
  }

  /** One replication's truth, estimates {@code [estimator][candidate]} and their qualities. */
  private record Replication(KnownValues truth, double[][] estimates, SelectionQuality[] qualities) {}

  private Replication replicate(LogFactory factory, int index, List<String> candidates, EvaluationConfig config)
      throws IOException {
    LogWithTruth log = factory.replicate(index);
    EvaluationResult result;
    try (BatchSource source = log.source()) {
      if (!source.layout().policies().equals(candidates) || !log.truth().candidates().equals(candidates)) {
        throw new IllegalStateException("replication " + index + " has policies " + source.layout().policies()
            + " and truth for " + log.truth().candidates() + ", expected " + candidates);
      }
      result = new Evaluator(config).evaluate(source);
    }
    int estimatorCount = estimators.size();
    double[][] estimates = new double[estimatorCount][candidates.size()];
    List<Estimate> all = result.estimates(); // policies in log order, estimators in config order
    for (int p = 0; p < candidates.size(); p++) {
      for (int e = 0; e < estimatorCount; e++) {
        estimates[e][p] = all.get(p * estimatorCount + e).value();
      }
    }
    return judged(index, estimators.stream().map(Estimator::spec).toList(), log.truth(), estimates);
  }

  /** The selection quality of each estimator's estimates {@code [estimator][candidate]}. */
  private Replication judged(int index, List<String> specs, KnownValues truth, double[][] estimates) {
    SelectionQuality[] qualities = new SelectionQuality[specs.size()];
    for (int e = 0; e < specs.size(); e++) {
      try {
        qualities[e] = SelectionQuality.of(truth, estimates[e], ties, compatibility);
      } catch (IllegalArgumentException bad) {
        throw UsageException.withContext("replication " + index + ", estimator " + specs.get(e) + ": ", bad);
      }
    }
    return new Replication(truth, estimates, qualities);
  }

  private List<EstimatorSummary> summarise(List<String> specs, Replication[] done) {
    List<EstimatorSummary> summaries = new ArrayList<>(specs.size());
    KnownValues[] truths = new KnownValues[replications];
    for (int r = 0; r < replications; r++) {
      truths[r] = done[r].truth();
    }
    for (int e = 0; e < specs.size(); e++) {
      double[][] estimates = new double[replications][];
      SelectionQuality[] qualities = new SelectionQuality[replications];
      for (int r = 0; r < replications; r++) {
        estimates[r] = done[r].estimates()[e];
        qualities[r] = done[r].qualities()[e];
      }
      summaries.add(Summaries.of(specs.get(e), estimates, truths, qualities));
    }
    return summaries;
  }
}
