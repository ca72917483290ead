package io.ope4j.continuous;

import io.ope4j.data.UsageException;
import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs continuous-action estimators over a log in one pass, as the bandit {@code Evaluator}: the
 * calling thread reads batches of {@value #BATCH_ROWS} rows, chunks of {@value #CHUNK_BATCHES}
 * batches are folded into {@link ContinuousState}s by worker threads and merged in chunk order,
 * so the result is the same to the bit on any number of threads.
 */
public final class ContinuousEvaluator {

  /** Rows per batch; fixed, so results never depend on threads. */
  public static final int BATCH_ROWS = 4096;
  /** Batches per chunk, the unit whose states are merged in order. */
  public static final int CHUNK_BATCHES = 16;

  private final ContinuousConfig config;
  private final LongConsumer progress;

  public ContinuousEvaluator(ContinuousConfig config) {
    this(config, rows -> {});
  }

  /** @param progress called on the reading thread with the number of rows read so far */
  public ContinuousEvaluator(ContinuousConfig config, LongConsumer progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Evaluates {@code source} with every configured estimator.
   *
   * @throws UsageException if an estimator needs columns the log lacks, or its smoothing does
   *     not fit the log's kind of evaluation policy
   * @throws io.ope4j.data.InvalidDataException from the source, on a bad row
   */
  public ContinuousResult evaluate(ContinuousSource source) throws IOException {
    ContinuousLayout layout = source.layout();
    for (ContinuousEstimator estimator : config.estimators()) {
      check(estimator, layout, source.name());
    }
    ContinuousState total = new ContinuousState(layout, config);
    ArrayDeque<ContinuousBatch> free = new ArrayDeque<>();
    long[] rowsRead = {0};
    boolean[] ended = {false};
    try (OrderedChunks chunks = new OrderedChunks(config.threads(), "ope4j-worker")) {
      chunks.<List<ContinuousBatch>, ContinuousState, IOException>stream(() -> {
        if (ended[0]) {
          return null;
        }
        List<ContinuousBatch> chunk = new ArrayList<>(CHUNK_BATCHES);
        while (chunk.size() < CHUNK_BATCHES) {
          ContinuousBatch batch = free.isEmpty() ? new ContinuousBatch(layout, BATCH_ROWS) : free.poll();
          if (!source.next(batch) || batch.size() == 0) {
            free.add(batch);
            ended[0] = true;
            break;
          }
          rowsRead[0] += batch.size();
          chunk.add(batch);
        }
        progress.accept(rowsRead[0]);
        return chunk.isEmpty() ? null : chunk;
      }, chunk -> {
        ContinuousState state = new ContinuousState(layout, config);
        for (ContinuousBatch batch : chunk) {
          state.add(batch);
        }
        return state;
      }, (chunk, state) -> {
        total.merge(state);
        free.addAll(chunk);
      });
    }
    if (total.rows() == 0) {
      throw new io.ope4j.data.InvalidDataException(source.name(), -1, null, "no data rows");
    }
    return total.finish();
  }

  /** Refuses, before any row is read, an estimator that cannot run on a log of this layout. */
  public static void check(ContinuousEstimator estimator, ContinuousLayout layout, String source) {
    for (ContinuousEstimator candidate : estimator.candidates()) {
      boolean given = candidate.smoothing().givenDensity();
      if (layout.densityPolicy() && !given) {
        throw new UsageException(source + ": estimator " + estimator.spec() + " smooths a deterministic policy's"
            + " action, but the log gives the evaluation policy's density (target_density); drop kernel and"
            + " bandwidth");
      }
      if (!layout.densityPolicy() && given) {
        throw new UsageException(source + ": estimator " + estimator.spec() + " needs a kernel bandwidth"
            + " (e.g. " + estimator.spec() + ":bandwidth=0.1 or :bandwidth=slope): the log's evaluation policy is"
            + " deterministic (target_action)");
      }
    }
    if (estimator.needsTargetModel() && !layout.hasTargetModel()) {
      throw new UsageException(source + ": estimator " + estimator.spec() + " needs the q_pi column (q-hat at the"
          + " evaluation action); the log has none");
    }
    if (estimator.needsLoggedModel() && !layout.hasLoggedModel()) {
      throw new UsageException(source + ": estimator " + estimator.spec() + " needs the q column (q-hat at the"
          + " logged action); the log has none (kernel-dr:...:compat=obp uses q_pi alone, as Open Bandit Pipeline)");
    }
  }
}
