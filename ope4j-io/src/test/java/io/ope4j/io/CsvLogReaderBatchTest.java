package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.io.internal.CsvRecordScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batching and buffering must not change what is read: any batch capacity and any buffer size
 * (forcing records to straddle refills) give the same values in the same order, with the right
 * {@code firstRow} for every batch.
 */
class CsvLogReaderBatchTest {

  private static final int ROWS = 10_001;
  private static final long SEED = 20240611L;
  private static byte[] log;
  private static LogTable reference;

  /** A wide log with a model, a narrow second policy, positions and full-precision values. */
  @BeforeAll
  static void writeLog() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> columns = List.of("action", "position", "reward", "pscore", "pi_0", "pi_1",
        "pi_2", "q_0", "q_1", "q_2", "pi_greedy", "q_pi_greedy", "note");
    try (CsvLogWriter out = CsvLogWriter.to(bytes, columns)) {
      for (int i = 0; i < ROWS; i++) {
        double p0 = random.nextDouble() * 0.5;
        double p1 = random.nextDouble() * 0.5;
        out.writeInt(random.nextInt(3)).writeInt(random.nextInt(3))
            .writeDouble(random.nextDouble() < 0.2 ? 1 : 0)
            .writeDouble(1.0 / (1 + random.nextInt(5)))
            .writeDouble(p0).writeDouble(p1).writeDouble(1 - p0 - p1)
            .writeDouble(random.nextDouble()).writeDouble(random.nextDouble() * 1e-3)
            .writeDouble(Math.round(random.nextDouble() * 1e6) / 1e6)
            .writeDouble(random.nextInt(2)).writeDouble(random.nextDouble())
            .writeLong(i)
            .endRow();
      }
    }
    log = bytes.toByteArray();
    reference = read(4096, CsvRecordScanner.DEFAULT_BUFFER_SIZE);
  }

  @Test
  void capacity4096_givesFullBatchesThenTheRest() {
    assertThat(reference.rows()).isEqualTo(ROWS);
    assertThat(reference.sizes()).containsExactly(4096, 4096, 1809);
    assertThat(reference.firstRows()).containsExactly(0L, 4096L, 8192L);
  }

  @Test
  void capacity7_givesTheSameValues() throws IOException {
    LogTable small = read(7, CsvRecordScanner.DEFAULT_BUFFER_SIZE);

    assertSameValues(small);
    assertThat(small.sizes()).hasSize(1429); // 1428 full batches of 7, then 5 rows
    assertThat(small.sizes().get(1428)).isEqualTo(5);
    for (int b = 0; b < small.firstRows().size(); b++) {
      assertThat(small.firstRows().get(b)).isEqualTo(7L * b);
    }
  }

  @Test
  void capacity1_givesTheSameValues() throws IOException {
    LogTable single = read(1, CsvRecordScanner.DEFAULT_BUFFER_SIZE);

    assertSameValues(single);
    assertThat(single.firstRows().get(ROWS - 1)).isEqualTo(ROWS - 1L);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 17, 64, 100, 333, 4096, 65_537})
  void anyBufferSize_givesTheSameValues(int bufferSize) throws IOException {
    assertSameValues(read(4096, bufferSize));
  }

  @Test
  void valuesMatchDoubleParseDouble() {
    // The writer printed Double.toString; the reader must give back the very same doubles.
    String[] lines = new String(log, java.nio.charset.StandardCharsets.US_ASCII).split("\n");
    for (int row = 1; row <= ROWS; row += 97) {
      String[] fields = lines[row].split(",");
      int i = row - 1;
      assertThat(reference.action()[i]).isEqualTo(Integer.parseInt(fields[0]));
      assertThat(reference.position()[i]).isEqualTo(Integer.parseInt(fields[1]));
      assertThat(reference.reward()[i]).isEqualTo(Double.parseDouble(fields[2]));
      assertThat(reference.pscore()[i]).isEqualTo(Double.parseDouble(fields[3]));
      int action = reference.action()[i];
      assertThat(reference.piLogged()[0][i]).isEqualTo(Double.parseDouble(fields[4 + action]));
      assertThat(reference.qLogged()[i]).isEqualTo(Double.parseDouble(fields[7 + action]));
      assertThat(reference.piLogged()[1][i]).isEqualTo(Double.parseDouble(fields[10]));
      assertThat(reference.qExpected()[1][i]).isEqualTo(Double.parseDouble(fields[11]));
    }
  }

  private static LogTable read(int capacity, int bufferSize) throws IOException {
    LogReadOptions options = LogReadOptions.defaults()
        .withPolicy("pi", "pi_").withPolicy("greedy", "pi_greedy")
        .withBatchCapacity(capacity);
    return LogTable.read(log, options, bufferSize);
  }

  private static void assertSameValues(LogTable table) {
    assertThat(table.action()).isEqualTo(reference.action());
    assertThat(table.position()).isEqualTo(reference.position());
    assertThat(table.reward()).isEqualTo(reference.reward());
    assertThat(table.pscore()).isEqualTo(reference.pscore());
    assertThat(table.qLogged()).isEqualTo(reference.qLogged());
    for (int p = 0; p < 2; p++) {
      assertThat(table.piLogged()[p]).isEqualTo(reference.piLogged()[p]);
      assertThat(table.qExpected()[p]).isEqualTo(reference.qExpected()[p]);
    }
  }
}
