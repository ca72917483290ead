package io.ope4j.ct;

import io.ope4j.internal.concurrent.OrderedChunks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs a one-pass statistic over paths on several threads: paths are cut into chunks whose
 * boundaries do not depend on the thread count, each chunk gets a fresh state, and states are
 * merged in chunk order ({@link OrderedChunks}), so the result is the same to the bit on any number
 * of threads. At most threads + 1 chunks are in flight, so memory stays bounded however many paths
 * stream through.
 */
final class PathPass {

  /** Paths per simulated chunk. */
  static final int CHUNK_PATHS = 32;
  /** Rows per streamed block. */
  static final int BLOCK_ROWS = 1 << 16;

  private PathPass() {}

  /** Something that consumes a block of paths into a state. */
  interface Work<S> {
    void accept(PathBlock block, S state);
  }

  static <S> S simulated(PathSimulator simulator, long paths, int threads, Supplier<S> fresh, Work<S> work,
      BiConsumer<S, S> merge) {
    long chunks = (paths + CHUNK_PATHS - 1) / CHUNK_PATHS;
    ThreadLocal<PathBlock> blocks = ThreadLocal.withInitial(() -> new PathBlock(simulator.dim()));
    return run(threads, chunks, chunk -> {
      long first = chunk * CHUNK_PATHS;
      int count = (int) Math.min(CHUNK_PATHS, paths - first);
      PathBlock block = blocks.get();
      block.clear();
      simulator.simulate(first, count, block);
      S state = fresh.get();
      work.accept(block, state);
      return state;
    }, fresh, merge);
  }

  static <S> S streamed(PathSource source, int dim, int threads, Supplier<S> fresh, Work<S> work,
      BiConsumer<S, S> merge) throws IOException {
    S total = fresh.get();
    ArrayDeque<PathBlock> spare = new ArrayDeque<>();
    try (OrderedChunks chunks = OrderedChunks.forThreads(threads, "ope4j-ct")) {
      chunks.<PathBlock, S, IOException>stream(() -> {
        PathBlock block = spare.isEmpty() ? new PathBlock(dim) : spare.poll();
        return source.next(block, BLOCK_ROWS) ? block : null;
      }, block -> {
        S state = fresh.get();
        work.accept(block, state);
        return state;
      }, (block, state) -> {
        merge.accept(total, state);
        spare.add(block);
      });
    }
    return total;
  }

  interface ChunkTask<S> {
    S run(long chunk);
  }

  private static <S> S run(int threads, long chunks, ChunkTask<S> task, Supplier<S> fresh, BiConsumer<S, S> merge) {
    S total = fresh.get();
    try (OrderedChunks pass = OrderedChunks.forThreads(threads, "ope4j-ct")) {
      pass.run(chunks, task::run, (chunk, state) -> merge.accept(total, state));
    }
    return total;
  }
}
