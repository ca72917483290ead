package io.ope4j.models;

import io.ope4j.internal.concurrent.OrderedChunks;
import java.util.function.IntConsumer;

/**
 * Runs the blocks of a pass over rows on a few threads. Each block writes its own partial sums,
 * which the caller adds in block order, so results are the same to the bit for any thread count.
 */
final class Parallel implements AutoCloseable {

  private final OrderedChunks chunks;

  Parallel(int threads) {
    this.chunks = OrderedChunks.forThreads(threads, "ope4j-model-fit");
  }

  /** Calls {@code block} for 0..blocks-1, on up to {@code threads} threads; returns when all are done. */
  void run(int blocks, IntConsumer block) {
    chunks.forEach(blocks, block::accept);
  }

  @Override
  public void close() {
    chunks.close();
  }
}
