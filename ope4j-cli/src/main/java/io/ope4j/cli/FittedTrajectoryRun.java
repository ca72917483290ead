package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.models.sequential.FittedTrajectories;
import io.ope4j.models.sequential.QFitter;
import io.ope4j.models.sequential.QModelSpec;
import io.ope4j.models.sequential.TransitionLog;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code evaluate --q-model SPEC} on a trajectory log (docs/fitted-q.md): the log's states,
 * actions, rewards and policies are held in memory ({@link TransitionLog}), Q (and marginal
 * ratios) are fitted per policy with cross-fitting by episode, and the episodes stream through
 * the sequential estimators ({@link FittedTrajectories}). {@code q_*} columns are not read.
 */
final class FittedTrajectoryRun {

  private FittedTrajectoryRun() {}

  /** The estimators when none are given: every one the fitted model serves. */
  static String defaultEstimators(String spec) {
    return fitter(spec).givesRatios() ? "dm,pdis,dr,wdr,mis,mdr" : "dm,pdis,dr,wdr";
  }

  private static QFitter fitter(String spec) {
    try {
      return QModelSpec.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--q-model: " + e.getMessage(), e);
    }
  }

  static SequentialResult evaluate(LogInput input, TrajectoryReadOptions options, String spec,
      CrossFitting crossFitting, SequentialConfig config, int threads, PrintWriter err)
      throws IOException {
    QFitter fitter = fitter(spec);
    TransitionLog log;
    try (TrajectoryLogReader reader = TrajectoryLogReader.open(input, options.withStates(true))) {
      log = TransitionLog.collect(reader, reader.tabularState());
    }
    FittedTrajectories.Outcome outcome;
    try {
      outcome = FittedTrajectories.evaluate(log, fitter, crossFitting, config, threads);
    } catch (IllegalArgumentException e) {
      // a model that cannot be fitted on this log (singular, not converging, too few episodes)
      throw new UsageException("--q-model " + spec + ": " + e.getMessage(), e);
    }
    err.println("ope4j: Q model: " + outcome.description());
    for (String warning : outcome.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    return outcome.result();
  }
}
