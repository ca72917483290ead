package io.ope4j.decision;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.Evaluator;
import io.ope4j.engine.RequiredColumns;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a deployment gate over a log in one pass: batches of {@value Evaluator#BATCH_ROWS} rows
 * read on the calling thread, chunks of {@value Evaluator#CHUNK_BATCHES} batches folded into
 * {@link GateState}s by workers and merged in chunk order, so the decision is the same to the bit
 * on any number of threads.
 *
 * <pre>{@code
 * GateRule rule = new GateRule("current", 0.0, 0.95, GateBound.T, Estimators.ipw(),
 *     SupportRule.DEFAULT, 1000, 12345);
 * GateDecision decision = new Gate(rule, 4).decide(source);
 * }</pre>
 */
public final class Gate {

  private final GateRule rule;
  private final int threads;
  private final LongConsumer progress;

  /** @param threads worker threads (1: the calling thread only) */
  public Gate(GateRule rule, int threads) {
    this(rule, threads, rows -> { });
  }

  /** @param progress called on the reading thread with the number of rows read so far */
  public Gate(GateRule rule, int threads, LongConsumer progress) {
    this.rule = rule;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * Decides on the policies of {@code source}: its baseline and every other policy as a candidate.
   *
   * @throws IllegalArgumentException if the log lacks a column the estimator reads, has no rows,
   *     or lacks the baseline or a candidate
   * @throws io.ope4j.data.InvalidDataException from the source, on a bad row
   */
  public GateDecision decide(BatchSource source) throws IOException {
    LogLayout layout = source.layout();
    RequiredColumns.check(layout, List.of(rule.estimator()), source.name());
    GateState total = new GateState(layout, rule, source.name());
    boolean[] ended = {false};
    long[] rowsRead = {0};
    try (OrderedChunks chunks = OrderedChunks.forThreads(threads, "ope4j-gate")) {
      chunks.<List<BanditBatch>, GateState, IOException>stream(() -> {
        if (ended[0]) {
          return null;
        }
        List<BanditBatch> chunk = new ArrayList<>(Evaluator.CHUNK_BATCHES);
        while (chunk.size() < Evaluator.CHUNK_BATCHES) {
          BanditBatch batch = new BanditBatch(layout, Evaluator.BATCH_ROWS);
          if (!source.next(batch) || batch.size() == 0) {
            ended[0] = true;
            break;
          }
          chunk.add(batch);
          rowsRead[0] += batch.size();
        }
        progress.accept(rowsRead[0]);
        return chunk.isEmpty() ? null : chunk;
      }, chunk -> {
        GateState state = new GateState(layout, rule, source.name());
        for (BanditBatch batch : chunk) {
          state.add(batch);
        }
        return state;
      }, (chunk, state) -> total.merge(state));
    }
    return total.finish();
  }
}
