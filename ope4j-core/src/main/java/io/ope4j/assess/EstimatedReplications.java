package io.ope4j.assess;

import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.util.List;

/**
 * The replications of an experiment on a log shape with its own engine (continuous actions:
 * {@link ContinuousReplications}; slates: {@link SlateReplications}): replication r gives every
 * estimator's estimate of every candidate and the truth they are judged against, and {@link
 * AssessmentRunner#run(EstimatedReplications, java.util.function.IntConsumer)} folds them into the
 * same summaries as bandit logs. Implementations must be safe to call from several threads and
 * reproducible: the same index gives the same estimates, whatever the thread.
 */
public interface EstimatedReplications {

  /** Names of the candidate policies, the same in every replication. */
  List<String> candidates();

  /** The estimators' specs: the rows of {@link Replicate#estimates()}. */
  List<String> estimators();

  /** The exact truth every replication is judged against. */
  KnownValues truth();

  /** Replication {@code replication} (from 0): a fresh log of every candidate, estimated by every estimator. */
  Replicate replicate(int replication) throws IOException;

  /**
   * One replication.
   *
   * @param truth the candidates' true values, the behaviour's value and the safety threshold
   * @param estimates {@code estimates[estimator][candidate]}
   */
  record Replicate(KnownValues truth, double[][] estimates) {}
}
