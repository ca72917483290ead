package io.ope4j.io;

import static io.ope4j.io.ParquetFiles.Column.float64;
import static io.ope4j.io.ParquetFiles.Column.int64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The columnar, multi-threaded {@link ParquetLogReader} against the row-wise reading of the same
 * file ({@link BanditLogReader} over {@link ParquetTable}), on files of many small row groups:
 * the same rows, batches and first-row numbers, and the same first error, on 1 to 3 threads.
 */
class ParquetRowGroupsTest {

  private static final List<ParquetFiles.Column> NARROW =
      List.of(int64("action"), float64("reward"), float64("pscore"), float64("pi"), float64("q"), float64("q_pi"));
  private static final int[] THREADS = {1, 2, 3};

  @TempDir Path dir;

  /** Full-precision values, drawn from a fixed seed. */
  private static List<Object[]> rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {(long) random.nextInt(5), (double) random.nextInt(2), 0.05 + 0.95 * random.nextDouble(),
          random.nextDouble(), random.nextDouble(), random.nextDouble()});
    }
    return rows;
  }

  private static LogTable rowWise(Path path, LogReadOptions options) throws IOException {
    try (BanditLogReader reader = BanditLogReader.over(ParquetTable.open(path, path.toString(), null), options)) {
      return LogTable.readAll(reader, options.batchCapacity());
    }
  }

  /** Read by the columnar path; a valid file must never fall back to row-by-row reading. */
  private static LogTable columnar(Path path, LogReadOptions options, int threads) throws IOException {
    try (ParquetLogReader reader = ParquetLogReader.open(path, options, threads)) {
      LogTable table = LogTable.readAll(reader, options.batchCapacity());
      assertThat(reader.readsRowByRow()).as("fell back to the row-wise reader").isFalse();
      return table;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 37, 100, 4096})
  void manyRowGroups_giveTheRowWiseBatches_onAnyThreadCount(int batchCapacity) throws IOException {
    Path file = ParquetFiles.writeGroups(dir.resolve("logs.parquet"), NARROW, rows(2345, 7), 100);
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(batchCapacity);
    LogTable expected = rowWise(file, options);
    assertThat(expected.action()).hasSize(2345);
    for (int threads : THREADS) {
      assertThat(columnar(file, options, threads)).as("threads=" + threads)
          .usingRecursiveComparison().isEqualTo(expected);
    }
  }

  /** Every physical type a numeric column may have, optional, in every page version and encoding. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"PARQUET_1_0, true", "PARQUET_1_0, false", "PARQUET_2_0, true",
      "PARQUET_2_0, false"})
  void everyTypePageVersionAndEncoding_givesTheRowWiseBatches(
      org.apache.parquet.column.ParquetProperties.WriterVersion version, boolean dictionary) throws IOException {
    List<ParquetFiles.Column> columns = List.of(ParquetFiles.Column.int32("action"),
        new ParquetFiles.Column("reward", org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT),
        float64("pscore"), int64("pi"), int64("position"));
    SplittableRandom random = new SplittableRandom(17);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      rows.add(new Object[] {random.nextInt(4), (float) random.nextGaussian(), 0.01 + 0.99 * random.nextDouble(),
          (long) random.nextInt(2), (long) random.nextInt(1 << 20)});
    }
    Path file = ParquetFiles.writeEncoded(dir.resolve("logs.parquet"), columns, rows, 100, version, dictionary);
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(77);
    LogTable expected = rowWise(file, options);
    assertThat(expected.position()).hasSize(1234);
    for (int threads : THREADS) {
      assertThat(columnar(file, options, threads)).as("threads=" + threads)
          .usingRecursiveComparison().isEqualTo(expected);
    }

    rows.get(1111)[2] = null;
    ParquetFiles.writeEncoded(file, columns, rows, 100, version, dictionary);
    assertSameFailureOnEveryThreadCount(file, "row 1112, pscore: must be in (0, 1], got null");
  }

  @Test
  void directoryOfParts_isOneLogInNameOrder() throws IOException {
    List<Object[]> all = rows(1500, 11);
    Path whole = ParquetFiles.writeGroups(dir.resolve("whole.parquet"), NARROW, all, 1500);
    Path parts = Files.createDirectories(dir.resolve("parts"));
    // names sort in reading order; sizes not multiples of the group size; a marker file is skipped
    ParquetFiles.writeGroups(parts.resolve("part-0.parquet"), NARROW, all.subList(0, 250), 100);
    ParquetFiles.writeGroups(parts.resolve("part-1.parquet"), NARROW, all.subList(250, 1333), 64);
    ParquetFiles.writeGroups(parts.resolve("part-2.parquet"), NARROW, all.subList(1333, 1500), 1000);
    Files.writeString(parts.resolve("_SUCCESS"), "");
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(128);
    LogTable expected = rowWise(whole, options);
    for (int threads : THREADS) {
      assertThat(columnar(parts, options, threads)).as("threads=" + threads)
          .usingRecursiveComparison().isEqualTo(expected);
    }
  }

  @Test
  void badValueInALaterGroup_givesTheRowWiseMessage() throws IOException {
    List<Object[]> rows = rows(2000, 3);
    rows.get(1233)[2] = 0.0; // pscore of row 1234
    rows.get(1800)[3] = 1.5; // a later bad probability must not win
    Path file = ParquetFiles.writeGroups(dir.resolve("logs.parquet"), NARROW, rows, 100);
    assertSameFailureOnEveryThreadCount(file, "row 1234, pscore: must be in (0, 1], got 0.0");
  }

  @Test
  void nullInALaterGroup_givesTheRowWiseMessage() throws IOException {
    List<Object[]> rows = rows(1000, 5);
    rows.get(876)[3] = null;
    Path file = ParquetFiles.writeGroups(dir.resolve("logs.parquet"), NARROW, rows, 100);
    assertSameFailureOnEveryThreadCount(file, "row 877, pi: ");
    assertThat(catchThrowable(() -> columnar(file, LogReadOptions.defaults(), 2))).hasMessageContaining("got null");
  }

  @Test
  void flippedBitInAPageOfALaterGroup_failsTheChecksumThere() throws IOException {
    List<Object[]> rows = rows(1000, 9);
    double marked = 0.123456789012345;
    rows.get(650)[4] = marked; // q of row 651, in row group 7
    Path file = ParquetFiles.writeGroups(dir.resolve("logs.parquet"), NARROW, rows, 100);
    byte[] bytes = Files.readAllBytes(file);
    int at = ParquetFiles.offsetOf(bytes, marked);
    bytes[at] ^= 1;
    Files.write(file, bytes);
    assertSameFailureOnEveryThreadCount(file, "row group 7 (rows 601-700): corrupt or unreadable Parquet data");
  }

  @Test
  void laterPartWithOtherColumns_givesTheRowWiseMessage_afterTheRowsBefore() throws IOException {
    Path parts = Files.createDirectories(dir.resolve("parts"));
    ParquetFiles.writeGroups(parts.resolve("a.parquet"), NARROW, rows(300, 1), 100);
    ParquetFiles.writeGroups(parts.resolve("b.parquet"), NARROW, rows(300, 2), 100);
    ParquetFiles.writeGroups(parts.resolve("c.parquet"), NARROW.subList(0, 4), rows(300, 3), 100);
    assertSameFailureOnEveryThreadCount(parts, "c.parquet header: columns [action, reward, pscore, pi] differ from");

    Files.write(parts.resolve("c.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
    assertSameFailureOnEveryThreadCount(parts, "c.parquet: not a readable Parquet file");
  }

  @Test
  void hybridIds_decodeRleAndBitPackedRuns() {
    // RLE: header 5<<1 = 10, value 3 in one byte; bit-packed, width 3: header (1<<1)|1 = 3, then
    // the values 0..7 packed LSB first: 0b10001000, 0b11000110, 0b11111010
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(new byte[] {10, 3, 3, (byte) 0b10001000, (byte) 0b11000110,
        (byte) 0b11111010});
    int[] ids = new int[11];
    HybridIds.decode(bytes, 3, ids, 11); // the last 2 values of the group are padding
    assertThat(ids).containsExactly(3, 3, 3, 3, 3, 0, 1, 2, 3, 4, 5);
    assertThat(bytes.remaining()).isZero();

    int[] zeros = {9, 9};
    HybridIds.decode(java.nio.ByteBuffer.wrap(new byte[] {4}), 0, zeros, 2); // width 0: a run of 0s
    assertThat(zeros).containsExactly(0, 0);

    assertThatThrownBy(() -> HybridIds.decode(java.nio.ByteBuffer.wrap(new byte[] {10}), 3, new int[5], 5))
        .isInstanceOf(java.nio.BufferUnderflowException.class);
  }

  @Test
  void emptyFile_hasNoDataRows() throws IOException {
    Path file = ParquetFiles.writeGroups(dir.resolve("logs.parquet"), NARROW, List.of(), 100);
    for (int threads : THREADS) {
      assertThatThrownBy(() -> columnar(file, LogReadOptions.defaults(), threads))
          .isInstanceOf(InvalidDataException.class).hasMessageContaining("no data rows");
    }
  }

  @Test
  void writtenByParquetLogWriter_readsBackEveryBit() throws IOException {
    List<Object[]> rows = rows(777, 13);
    Path file = dir.resolve("written.parquet");
    List<String> names = NARROW.stream().map(ParquetFiles.Column::name).toList();
    TableReader.Kind[] kinds = {TableReader.Kind.INTEGER, TableReader.Kind.NUMBER, TableReader.Kind.NUMBER,
        TableReader.Kind.NUMBER, TableReader.Kind.NUMBER, TableReader.Kind.NUMBER};
    try (ParquetLogWriter out = ParquetLogWriter.open(file, names, kinds, 50)) {
      for (Object[] row : rows) {
        out.writeLong((long) row[0]);
        for (int c = 1; c < row.length; c++) {
          out.writeDouble((double) row[c]);
        }
        out.endRow();
      }
    }
    Path reference = ParquetFiles.writeGroups(dir.resolve("reference.parquet"), NARROW, rows, 777);
    LogReadOptions options = LogReadOptions.defaults();
    LogTable expected = rowWise(reference, options);
    for (int threads : THREADS) {
      assertThat(columnar(file, options, threads)).usingRecursiveComparison().isEqualTo(expected);
    }
    try (ParquetLogReader reader = ParquetLogReader.open(file)) {
      assertThat(reader.rowCount()).isEqualTo(777);
    }
  }

  /** The columnar reader fails, on every thread count, exactly as the row-wise reading does. */
  private void assertSameFailureOnEveryThreadCount(Path path, String expectedPart) {
    for (int capacity : new int[] {64, 4096}) {
      LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(capacity);
      Throwable expected = catchThrowable(() -> rowWise(path, options));
      assertThat(expected).isInstanceOf(InvalidDataException.class).hasMessageContaining(expectedPart);
      for (int threads : THREADS) {
        assertThat(catchThrowable(() -> columnar(path, options, threads))).as("threads=" + threads)
            .isInstanceOf(InvalidDataException.class).hasMessage(expected.getMessage());
      }
    }
  }
}
