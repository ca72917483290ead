package io.ope4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the blocks of a pass over rows on a few threads. Each block writes its own partial sums,
 * which the caller adds in block order, so results are the same to the bit for any thread count.
 */
final class Parallel implements AutoCloseable {

  private final int threads;
  private final ExecutorService pool;

  Parallel(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "ope4j-model-fit");
      thread.setDaemon(true);
      return thread;
    }) : null;
  }

  /** Calls {@code block} for 0..blocks-1, on up to {@code threads} threads; returns when all are done. */
  void run(int blocks, IntConsumer block) {
    if (pool == null || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        block.accept(b);
      }
      return;
    }
    int workers = Math.min(threads, blocks);
    List<Future<?>> futures = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      int first = w;
      futures.add(pool.submit(() -> {
        for (int b = first; b < blocks; b += workers) {
          block.accept(b);
        }
      }));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fitting", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("model fit failed", e.getCause());
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
