package io.ope4j.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderedChunksTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5})
  void run_handsResultsBackInChunkOrder(int workers) {
    List<Long> seen = new ArrayList<>();
    try (OrderedChunks chunks = new OrderedChunks(workers, "test")) {
      chunks.run(100, chunk -> {
        if (chunk % 7 == 0) {
          Thread.sleep(1); // later chunks overtake this one on other workers
        }
        return chunk * chunk;
      }, (chunk, square) -> {
        assertThat(square).isEqualTo(chunk * chunk);
        seen.add(chunk);
      });
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(seen).hasSize(100).isSorted();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5})
  void ordered_pullsResultsInChunkOrderWithBoundedLookAhead(int workers) throws Exception {
    java.util.concurrent.atomic.AtomicInteger given = new java.util.concurrent.atomic.AtomicInteger();
    List<Long> seen = new ArrayList<>();
    try (OrderedChunks chunks = new OrderedChunks(workers, "test")) {
      long[] next = {0};
      OrderedChunks.Ordered<Long, InterruptedException> results = chunks.ordered(() -> {
        given.incrementAndGet();
        return next[0] < 60 ? next[0]++ : null;
      }, chunk -> {
        if (chunk % 7 == 0) {
          Thread.sleep(1);
        }
        return chunk * chunk;
      });
      for (Long square = results.next(); square != null; square = results.next()) {
        assertThat(given.get() - 1 - seen.size()).as("chunks given ahead of the caller").isLessThanOrEqualTo(workers + 1);
        seen.add(square);
      }
    }
    assertThat(seen).hasSize(60).isSorted().startsWith(0L, 1L, 4L, 9L);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 4})
  void ordered_throwsTheFirstFailureByChunkOrder(int workers) throws IOException {
    try (OrderedChunks chunks = new OrderedChunks(workers, "test")) {
      long[] next = {0};
      OrderedChunks.Ordered<Long, IOException> results = chunks.ordered(() -> next[0] < 50 ? next[0]++ : null, chunk -> {
        if (chunk == 20) {
          throw new IOException("chunk 20");
        }
        if (chunk == 21) {
          throw new IllegalStateException("chunk 21"); // fails sooner, but comes later
        }
        return chunk;
      });
      for (long expected = 0; expected < 20; expected++) {
        assertThat(results.next()).isEqualTo(expected);
      }
      assertThatThrownBy(results::next).isInstanceOf(IOException.class).hasMessage("chunk 20");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void run_floatingPointFoldIsTheSameForAnyWorkerCount(int workers) {
    // Summing in chunk order: the same bits as a plain loop over the same chunks.
    double expected = 0;
    for (long c = 0; c < 1000; c++) {
      expected += 1.0 / (c + 1);
    }
    double[] total = {0};
    try (OrderedChunks chunks = new OrderedChunks(workers, "test")) {
      chunks.run(1000, chunk -> 1.0 / (chunk + 1), (chunk, part) -> total[0] += part);
    }
    assertThat(total[0]).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 4})
  void run_throwsTheFirstFailureByChunkOrder(int workers) {
    try (OrderedChunks chunks = new OrderedChunks(workers, "test")) {
      assertThatThrownBy(() -> chunks.run(50, chunk -> {
        if (chunk == 30) {
          throw new IOException("chunk 30");
        }
        if (chunk == 31) {
          throw new IllegalStateException("chunk 31"); // fails sooner, but comes later
        }
        if (chunk < 30) {
          Thread.sleep(1);
        }
        return chunk;
      }, (chunk, same) -> {})).isInstanceOf(IOException.class).hasMessage("chunk 30");
    }
  }

  @Test
  void stream_failingInputComesAfterTheChunksGivenBeforeIt() {
    int[] given = {0};
    try (OrderedChunks chunks = new OrderedChunks(2, "test")) {
      assertThatThrownBy(() -> chunks.stream(() -> {
        if (given[0] == 3) {
          throw new IOException("input 3");
        }
        return given[0]++;
      }, input -> {
        if (input == 2) {
          throw new IllegalArgumentException("chunk 2");
        }
        return input;
      }, (input, result) -> {})).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 2");
    }
  }

  @Test
  void stream_inputsAreReusableOnceSeen() throws IOException {
    // Inputs are recycled by the consumer; at most workers + 1 are ever in flight.
    List<int[]> spare = new ArrayList<>();
    int[] created = {0};
    int[] left = {200};
    long[] sum = {0};
    try (OrderedChunks chunks = new OrderedChunks(2, "test")) {
      chunks.<int[], Integer, IOException>stream(() -> {
        if (left[0] == 0) {
          return null;
        }
        int[] input;
        if (spare.isEmpty()) {
          input = new int[1];
          created[0]++;
        } else {
          input = spare.remove(spare.size() - 1);
        }
        input[0] = left[0]--;
        return input;
      }, input -> input[0], (input, value) -> {
        sum[0] += value;
        spare.add(input);
      });
    }
    assertThat(sum[0]).isEqualTo(200L * 201 / 2);
    assertThat(created[0]).as("inputs ever allocated").isLessThanOrEqualTo(3);
  }

  @Test
  void forEach_runsEveryChunkOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(64);
    try (OrderedChunks chunks = OrderedChunks.forThreads(3, "test")) {
      chunks.forEach(64, runs::incrementAndGet);
    }
    for (int i = 0; i < 64; i++) {
      assertThat(runs.get(i)).as("chunk %d", i).isEqualTo(1);
    }
  }
}
