package io.ope4j.ct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs a one-pass statistic over paths on several threads: paths are cut into chunks whose
 * boundaries do not depend on the thread count, each chunk gets a fresh state, and states are
 * merged in chunk order, so the result is the same to the bit on any number of threads. At most
 * 2 × threads chunks are in flight, so memory stays bounded however many paths stream through.
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
    if (threads <= 1) {
      PathBlock block = new PathBlock(dim);
      while (source.next(block, BLOCK_ROWS)) {
        S state = fresh.get();
        work.accept(block, state);
        merge.accept(total, state);
      }
      return total;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      ArrayDeque<Future<S>> inFlight = new ArrayDeque<>();
      ArrayDeque<PathBlock> spare = new ArrayDeque<>();
      ArrayDeque<PathBlock> used = new ArrayDeque<>();
      while (true) {
        PathBlock block = spare.isEmpty() ? new PathBlock(dim) : spare.poll();
        if (!source.next(block, BLOCK_ROWS)) {
          break;
        }
        used.add(block);
        inFlight.add(pool.submit(() -> {
          S state = fresh.get();
          work.accept(block, state);
          return state;
        }));
        if (inFlight.size() >= 2 * threads) {
          merge.accept(total, get(inFlight.poll()));
          spare.add(used.poll());
        }
      }
      while (!inFlight.isEmpty()) {
        merge.accept(total, get(inFlight.poll()));
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  interface ChunkTask<S> {
    S run(long chunk);
  }

  private static <S> S run(int threads, long chunks, ChunkTask<S> task, Supplier<S> fresh, BiConsumer<S, S> merge) {
    S total = fresh.get();
    if (threads <= 1) {
      for (long c = 0; c < chunks; c++) {
        merge.accept(total, task.run(c));
      }
      return total;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      ArrayDeque<Future<S>> inFlight = new ArrayDeque<>();
      for (long c = 0; c < chunks; c++) {
        long chunk = c;
        inFlight.add(pool.submit(() -> task.run(chunk)));
        if (inFlight.size() >= 2 * threads) {
          merge.accept(total, get(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        merge.accept(total, get(inFlight.poll()));
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "ope4j-ct");
      thread.setDaemon(true);
      return thread;
    };
  }

  private static <S> S get(Future<S> future) {
    try {
      return future.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(cause);
    }
  }
}
