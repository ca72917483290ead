package io.ope4j.io;

import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEvaluator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;

/**
 * Evaluates a trajectory log (docs/formats.md, "Trajectory log") read from any format: the log is
 * read once, or twice with a self-normalised estimator (docs/sequential.md), on {@code threads}
 * worker threads with the same result for any number.
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
   * Evaluates {@code input}, which must be readable more than once ({@link LogInput#reopenable}).
   *
   * @throws io.ope4j.data.InvalidDataException on bad input, naming source, row and column
   */
  public static SequentialResult evaluate(LogInput input, TrajectoryReadOptions options,
      SequentialConfig config, int threads) throws IOException {
    return SequentialEvaluator.evaluate(() -> TrajectoryLogReader.open(input, options), config,
        threads);
  }
}
