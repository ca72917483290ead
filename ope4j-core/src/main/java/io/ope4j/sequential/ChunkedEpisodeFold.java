package io.ope4j.sequential;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Folds a source's episodes on worker threads. The calling thread reads chunks of {@value
 * #CHUNK_EPISODES} whole episodes (an episode is never split); each chunk is folded into its own
 * {@link SequentialState} and the states are merged in chunk order. Chunk boundaries depend on
 * the episode count only, so the result is the same to the bit on any number of threads. Memory
 * is bounded by the chunks in flight (at most threads + 1).
 */
final class ChunkedEpisodeFold {

  /** Episodes per chunk, the unit whose states are merged in order. */
  static final int CHUNK_EPISODES = 1024;

  private final SequentialConfig config;
  private final double[][] normalisers;
  private final boolean valuesPass;
  private final int threads;

  ChunkedEpisodeFold(SequentialConfig config, double[][] normalisers, boolean valuesPass,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.config = config;
    this.normalisers = normalisers;
    this.valuesPass = valuesPass;
    this.threads = threads;
  }

  /** Folds every episode of {@code source} (checked beforehand) into one state. */
  SequentialState fold(EpisodeSource source) throws IOException {
    int policies = source.policyNames().size();
    SequentialState total = newState(policies);
    ConcurrentLinkedQueue<EpisodeSteps[]> free = new ConcurrentLinkedQueue<>();
    Deque<Future<SequentialState>> inFlight = new ArrayDeque<>();
    ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "ope4j-episodes");
      thread.setDaemon(true);
      return thread;
    });
    try {
      int read;
      do {
        EpisodeSteps[] chunk = free.poll();
        if (chunk == null) {
          chunk = new EpisodeSteps[CHUNK_EPISODES];
        }
        read = readChunk(source, chunk, policies);
        if (read > 0) {
          EpisodeSteps[] filled = chunk;
          int count = read;
          inFlight.add(workers.submit(() -> foldChunk(filled, count, policies, free)));
        }
        while (inFlight.size() > threads || (read < CHUNK_EPISODES && !inFlight.isEmpty())) {
          total.merge(result(inFlight.poll()));
        }
      } while (read == CHUNK_EPISODES);
      return total;
    } finally {
      workers.shutdownNow();
    }
  }

  private static int readChunk(EpisodeSource source, EpisodeSteps[] chunk, int policies)
      throws IOException {
    int read = 0;
    while (read < chunk.length) {
      if (chunk[read] == null) {
        chunk[read] = new EpisodeSteps(policies);
      }
      if (!source.next(chunk[read])) {
        break;
      }
      read++;
    }
    return read;
  }

  private SequentialState foldChunk(EpisodeSteps[] chunk, int count, int policies,
      ConcurrentLinkedQueue<EpisodeSteps[]> free) {
    SequentialState state = newState(policies);
    for (int i = 0; i < count; i++) {
      if (config.horizonCap() > 0) {
        chunk[i].truncate(config.horizonCap());
      }
      state.add(chunk[i]);
    }
    free.add(chunk);
    return state;
  }

  private SequentialState newState(int policies) {
    return new SequentialState(config, policies, normalisers, valuesPass);
  }

  /** A worker's state; its failure rethrown as it was thrown. */
  private static SequentialState result(Future<SequentialState> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("episode worker failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while folding episodes", e);
    }
  }
}
