package io.ope4j.engine;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs estimators over a log in one pass. The calling thread reads batches; chunks of {@value
 * #CHUNK_BATCHES} batches are folded into {@link EvaluationState}s by worker threads and merged
 * in chunk order, so the result is the same to the bit on any number of threads. Memory is
 * bounded by the chunks in flight (at most threads + 1), never by the length of the log.
 */
public final class Evaluator {

  /**
   * Batches per chunk, the unit whose states are merged in order; other engines (Spark) cut rows the
   * same way to reproduce the local result to the bit.
   */
  public static final int CHUNK_BATCHES = 16;

  private final EvaluationConfig config;
  private final LongConsumer progress;

  public Evaluator(EvaluationConfig config) {
    this(config, rows -> {});
  }

  /** @param progress called on the reading thread with the number of rows read so far */
  public Evaluator(EvaluationConfig config, LongConsumer progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Evaluates every policy of {@code source} with every configured estimator.
   *
   * @throws IllegalArgumentException if an estimator needs columns the log lacks (reward-model
   *     columns, pscore; see {@link RequiredColumns}), or the log has no rows
   * @throws io.ope4j.data.InvalidDataException from the source, on a bad row
   * @throws IOException from the source
   */
  public EvaluationResult evaluate(BatchSource source) throws IOException {
    LogLayout layout = source.layout();
    if (layout.policyCount() == 0) {
      throw new IllegalArgumentException(source.name() + ": no evaluation policy: give its columns or Policy objects");
    }
    RequiredColumns.check(layout, config.estimators(), source.name());
    return run(source, layout).finish(source.name());
  }

  private EvaluationState run(BatchSource source, LogLayout layout) throws IOException {
    EvaluationState total = newAccumulator(layout);
    ArrayDeque<BanditBatch> freeBatches = new ArrayDeque<>();
    long[] rowsRead = {0};
    boolean[] ended = {false};
    try (OrderedChunks chunks = new OrderedChunks(config.threads(), "ope4j-worker")) {
      chunks.<List<BanditBatch>, EvaluationState, IOException>stream(() -> {
        if (ended[0]) {
          return null;
        }
        List<BanditBatch> chunk = readChunk(source, layout, freeBatches, rowsRead, ended);
        progress.accept(rowsRead[0]);
        return chunk.isEmpty() ? null : chunk;
      }, chunk -> {
        EvaluationState accumulator = newAccumulator(layout);
        for (BanditBatch batch : chunk) {
          accumulator.add(batch);
        }
        return accumulator;
      }, (chunk, state) -> {
        total.merge(state);
        freeBatches.addAll(chunk);
      });
    }
    return total;
  }

  /** Up to {@value #CHUNK_BATCHES} batches from the source, reusing spare ones; sets ended at its end. */
  private static List<BanditBatch> readChunk(BatchSource source, LogLayout layout, ArrayDeque<BanditBatch> freeBatches,
      long[] rowsRead, boolean[] ended) throws IOException {
    List<BanditBatch> chunk = new ArrayList<>(CHUNK_BATCHES);
    while (chunk.size() < CHUNK_BATCHES) {
      BanditBatch batch = freeBatches.isEmpty() ? new BanditBatch(layout, BATCH_ROWS) : freeBatches.poll();
      if (!source.next(batch) || batch.size() == 0) {
        freeBatches.add(batch);
        ended[0] = true;
        break;
      }
      rowsRead[0] += batch.size();
      chunk.add(batch);
    }
    return chunk;
  }

  /** Rows per batch the evaluator asks of a source; fixed, so results never depend on threads. */
  public static final int BATCH_ROWS = 4096;

  private EvaluationState newAccumulator(LogLayout layout) {
    return new EvaluationState(layout, config);
  }
}
