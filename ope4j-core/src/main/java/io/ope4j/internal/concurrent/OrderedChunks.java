package io.ope4j.internal.concurrent;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work over chunks on worker threads and hands the results back in chunk order on the
 * calling thread. Chunk boundaries belong to the caller and never depend on the thread count, so
 * a caller that folds results in the order given gets the same result to the bit on any number
 * of threads. At most {@code workers + 1} chunks are in flight, so memory is bounded by the
 * workers, not by the length of the input.
 *
 * <p>A failure propagates as thrown by the work (checked exceptions of the work's declared type
 * unchanged), and it is always the failure of the first failing chunk in chunk order, so the
 * message does not depend on scheduling. Progress is reported by the in-order consumer, which
 * runs on the calling thread.
 *
 * <p>Not part of the public API: an implementation detail shared by the ope4j modules.
 */
public final class OrderedChunks implements AutoCloseable {

  /** The work on one chunk; runs on a worker thread. */
  @FunctionalInterface
  public interface Work<I, R, X extends Exception> {
    R apply(I input) throws X;
  }

  /** Takes one result, in chunk order, on the calling thread. */
  @FunctionalInterface
  public interface InOrder<I, R, X extends Exception> {
    void accept(I input, R result) throws X;
  }

  /** Gives the next chunk's input on the calling thread, or null when there is none. */
  @FunctionalInterface
  public interface Inputs<I, X extends Exception> {
    I next() throws X;
  }

  /** Work on chunk {@code index} with nothing to hand back. */
  @FunctionalInterface
  public interface Action<X extends Exception> {
    void run(int index) throws X;
  }

  /** Results taken one at a time on the calling thread, in chunk order (see {@link #ordered}). */
  public interface Ordered<R, X extends Exception> {
    /** The next chunk's result, or null after the last chunk. */
    R next() throws X;
  }

  private final int workers;
  private final String threadName;
  private final ExecutorService pool;

  /**
   * @param workers worker threads; 0 runs everything on the calling thread
   * @param threadName name of the worker threads, for thread dumps
   * @throws IllegalArgumentException if workers is negative
   */
  public OrderedChunks(int workers, String threadName) {
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be >= 0, got " + workers);
    }
    this.workers = workers;
    this.threadName = threadName;
    this.pool = workers == 0 ? null : Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * For a "threads" option that counts the calling thread: one thread means no workers, more
   * means that many workers (the calling thread then only hands out and collects chunks).
   */
  public static OrderedChunks forThreads(int threads, String threadName) {
    return new OrderedChunks(threads > 1 ? threads : 0, threadName);
  }

  /**
   * Runs {@code work} on each input {@code inputs} gives, and passes each input with its result
   * to {@code inOrder} in the order the inputs came. An input may be reused once {@code inOrder}
   * has seen it. If {@code inputs} fails, the chunks already given are finished first, so a
   * failing earlier chunk wins.
   */
  public <I, R, X extends Exception> void stream(Inputs<I, ? extends X> inputs, Work<? super I, R, ? extends X> work,
      InOrder<? super I, ? super R, ? extends X> inOrder) throws X {
    if (workers == 0) {
      for (I input = inputs.next(); input != null; input = inputs.next()) {
        inOrder.accept(input, work.apply(input));
      }
      return;
    }
    ArrayDeque<I> given = new ArrayDeque<>();
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    try {
      while (true) {
        I input;
        try {
          input = inputs.next();
        } catch (Exception | Error failed) {
          drainThenThrow(given, inFlight, inOrder, failed);
          throw failed;
        }
        if (input == null) {
          break;
        }
        given.add(input);
        inFlight.add(pool.submit(() -> work.apply(input)));
        while (inFlight.size() > workers) {
          inOrder.accept(given.poll(), this.<R, X>await(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        inOrder.accept(given.poll(), this.<R, X>await(inFlight.poll()));
      }
    } finally {
      for (Future<R> left : inFlight) {
        left.cancel(true);
      }
    }
  }

  /**
   * As {@link #stream}, but pulled: each {@link Ordered#next()} returns the next chunk's result,
   * in the order {@code inputs} gave them, while up to {@code workers} later chunks are computed
   * ahead. For a caller that hands results on through a pull interface (a reader's {@code next}).
   * The work must not return null. If {@code inputs} fails, the results of the chunks given
   * before it come first, then its failure.
   */
  public <I, R, X extends Exception> Ordered<R, X> ordered(Inputs<I, ? extends X> inputs,
      Work<? super I, R, ? extends X> work) {
    if (workers == 0) {
      return () -> {
        I input = inputs.next();
        return input == null ? null : work.apply(input);
      };
    }
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    return new Ordered<>() {
      private boolean ended;
      private Exception inputFailure;

      @Override
      public R next() throws X {
        while (!ended && inFlight.size() <= workers) {
          I input;
          try {
            input = inputs.next();
          } catch (Exception failed) {
            inputFailure = failed;
            input = null;
          }
          if (input == null) {
            ended = true;
          } else {
            I given = input;
            inFlight.add(pool.submit(() -> work.apply(given)));
          }
        }
        if (!inFlight.isEmpty()) {
          return OrderedChunks.this.<R, X>await(inFlight.poll());
        }
        if (inputFailure != null) {
          throw OrderedChunks.<X>sneaky(inputFailure);
        }
        return null;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <X extends Exception> X sneaky(Exception failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (X) failure; // inputs can throw only X or unchecked exceptions
  }

  /** {@link #stream} over the chunk indices 0 .. chunks - 1. */
  public <R, X extends Exception> void run(long chunks, Work<Long, R, ? extends X> work,
      InOrder<Long, ? super R, ? extends X> inOrder) throws X {
    long[] next = {0};
    this.<Long, R, X>stream(() -> next[0] < chunks ? next[0]++ : null, work, inOrder);
  }

  /** Runs {@code action} on chunks 0 .. chunks - 1 and returns when all are done. */
  public <X extends Exception> void forEach(int chunks, Action<? extends X> action) throws X {
    this.<Object, X>run(chunks, chunk -> {
      action.run(chunk.intValue());
      return null;
    }, (chunk, nothing) -> {});
  }

  /** Stops the worker threads; chunks still running are interrupted. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** After {@code inputs} failed: the chunks given before it come first, in order. */
  private <I, R, X extends Exception> void drainThenThrow(ArrayDeque<I> given, ArrayDeque<Future<R>> inFlight,
      InOrder<? super I, ? super R, ? extends X> inOrder, Throwable inputFailure) throws X {
    try {
      while (!inFlight.isEmpty()) {
        inOrder.accept(given.poll(), this.<R, X>await(inFlight.poll()));
      }
    } catch (RuntimeException | Error earlier) {
      earlier.addSuppressed(inputFailure);
      throw earlier;
    } catch (Exception earlier) {
      earlier.addSuppressed(inputFailure);
      throw earlier;
    }
  }

  /** The result of a chunk, or the chunk's own exception (of the work's declared type X). */
  @SuppressWarnings("unchecked")
  private <R, X extends Exception> R await(Future<R> future) throws X {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(threadName + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (X) cause; // the work can throw only X or unchecked exceptions
    }
  }
}
