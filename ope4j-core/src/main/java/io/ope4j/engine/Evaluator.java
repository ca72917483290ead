package io.ope4j.engine;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    ConcurrentLinkedQueue<BanditBatch> freeBatches = new ConcurrentLinkedQueue<>();
    Deque<Future<EvaluationState>> inFlight = new ArrayDeque<>();
    ExecutorService workers = Executors.newFixedThreadPool(config.threads(), runnable -> {
      Thread thread = new Thread(runnable, "ope4j-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      long rowsRead = 0;
      boolean more = true;
      while (more) {
        List<BanditBatch> chunk = new ArrayList<>(CHUNK_BATCHES);
        while (chunk.size() < CHUNK_BATCHES) {
          BanditBatch batch = freeBatches.poll();
          if (batch == null) {
            batch = new BanditBatch(layout, BATCH_ROWS);
          }
          if (!source.next(batch) || batch.size() == 0) {
            freeBatches.add(batch);
            more = false;
            break;
          }
          rowsRead += batch.size();
          chunk.add(batch);
        }
        progress.accept(rowsRead);
        if (!chunk.isEmpty()) {
          inFlight.add(workers.submit(() -> {
            EvaluationState accumulator = newAccumulator(layout);
            for (BanditBatch batch : chunk) {
              accumulator.add(batch);
              freeBatches.add(batch);
            }
            return accumulator;
          }));
        }
        while (inFlight.size() > config.threads()) {
          total.merge(await(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        total.merge(await(inFlight.poll()));
      }
      return total;
    } finally {
      workers.shutdownNow();
    }
  }

  /** Rows per batch the evaluator asks of a source; fixed, so results never depend on threads. */
  public static final int BATCH_ROWS = 4096;

  private EvaluationState newAccumulator(LogLayout layout) {
    return new EvaluationState(layout, config);
  }

  private static EvaluationState await(Future<EvaluationState> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("evaluation worker failed", cause);
    }
  }

}
