package io.ope4j.io;

import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Evaluates a trajectory log (docs/formats.md, "Trajectory log") read from any format: the log is
 * read once, in one or, with a self-normalised estimator, two passes (docs/sequential.md), on
 * {@code threads} worker threads with the same result for any number.
 */
public final class TrajectoryEvaluation {

  private TrajectoryEvaluation() {}

  /** Whether {@code input}'s header is a trajectory log's (it has an {@code episode} column). */
  public static boolean isTrajectoryLog(LogInput input) throws IOException {
    try (TableReader table = input.openTable()) {
      return TrajectoryLogReader.isTrajectoryHeader(table.header());
    }
  }

  /**
   * Evaluates {@code input}, parsed once: with a self-normalised estimator the second pass replays
   * a temporary binary copy of the episodes written during the first, in {@code java.io.tmpdir}
   * (docs/sequential.md, "Passes"), rather than reading the log again.
   *
   * @throws io.ope4j.data.InvalidDataException on bad input, naming source, row and column
   */
  public static SequentialResult evaluate(LogInput input, TrajectoryReadOptions options,
      SequentialConfig config, int threads) throws IOException {
    return SequentialEvaluator.evaluateReadingOnce(() -> TrajectoryLogReader.open(input, options),
        config, threads, Path.of(System.getProperty("java.io.tmpdir")));
  }
}
