package io.ope4j.io;

import static io.ope4j.io.ParquetFiles.Column.float64;
import static io.ope4j.io.ParquetFiles.Column.int32;
import static io.ope4j.io.ParquetFiles.Column.int64;
import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ParallelParquetTable} against the row-wise {@link ParquetTable} on the same file: the
 * same rows, row numbers, values (bit for bit, nulls as NaN), value texts and first error, on 1
 * to 3 threads, without falling back to the row-wise reading on a valid file.
 */
class ParallelParquetTableTest {

  private static final List<ParquetFiles.Column> COLUMNS = List.of(int32("slate_id"), int64("position"),
      new ParquetFiles.Column("reward", PrimitiveTypeName.FLOAT), float64("pscore"), float64("unused"));
  /** The columns read: all but {@code unused}. */
  private static final int[] SELECTED = {0, 1, 2, 3};
  private static final TableReader.Kind[] KINDS = {TableReader.Kind.INTEGER, TableReader.Kind.INTEGER,
      TableReader.Kind.NUMBER, TableReader.Kind.NUMBER};

  @TempDir Path dir;

  /** Values with nulls (every 97th pscore) and a stored NaN (every 101st reward). */
  private static List<Object[]> rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {i / 5, (long) (i % 5), i % 101 == 3 ? Float.NaN : (float) random.nextGaussian(),
          i % 97 == 5 ? null : random.nextDouble(), random.nextDouble()});
    }
    return rows;
  }

  /** Every row as its row number, then per selected column the value's bits and its description. */
  private static List<String> readAll(TableReader table) throws IOException {
    List<String> out = new ArrayList<>();
    table.select(SELECTED, KINDS);
    while (table.nextRow()) {
      StringBuilder line = new StringBuilder(Long.toString(table.row()));
      for (int column : SELECTED) {
        line.append(' ').append(Double.doubleToRawLongBits(table.values()[column]));
      }
      long row = table.row();
      if (row % 97 == 6 || row % 101 == 4 || row % 250 == 1) { // nulls, NaNs, and group starts
        for (int column : SELECTED) {
          line.append(' ').append(table.describe(column)).append('/').append(table.text(column));
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  private static List<String> rowWise(Path path) throws IOException {
    try (ParquetTable table = ParquetTable.open(path, path.toString(), null)) {
      return readAll(table);
    }
  }

  private static List<String> parallel(Path path, int threads) throws IOException {
    try (ParallelParquetTable table = ParallelParquetTable.open(path, path.toString(), threads)) {
      List<String> rows = readAll(table);
      assertThat(table.readsRowByRow()).as("fell back to the row-wise reader").isFalse();
      return rows;
    }
  }

  @ParameterizedTest
  @CsvSource({"PARQUET_1_0, true", "PARQUET_1_0, false", "PARQUET_2_0, true", "PARQUET_2_0, false"})
  void everyTypePageVersionAndEncoding_givesTheRowWiseRows(WriterVersion version, boolean dictionary)
      throws IOException {
    Path file = ParquetFiles.writeEncoded(dir.resolve("slates.parquet"), COLUMNS, rows(2345, 3), 250, version,
        dictionary);
    List<String> expected = rowWise(file);
    assertThat(expected).hasSize(2345);
    assertThat(String.join("\n", expected)).contains(" null/null").contains(" NaN/NaN");
    for (int threads = 1; threads <= 3; threads++) {
      assertThat(parallel(file, threads)).as("threads %d", threads).isEqualTo(expected);
    }
  }

  @Test
  void directoryOfParts_isOneTableInNameOrder() throws IOException {
    List<Object[]> all = rows(1500, 5);
    Path whole = ParquetFiles.writeGroups(dir.resolve("whole.parquet"), COLUMNS, all, 1500);
    Path parts = Files.createDirectories(dir.resolve("parts"));
    ParquetFiles.writeGroups(parts.resolve("part-0.parquet"), COLUMNS, all.subList(0, 250), 100);
    ParquetFiles.writeGroups(parts.resolve("part-1.parquet"), COLUMNS, all.subList(250, 1333), 64);
    ParquetFiles.writeGroups(parts.resolve("part-2.parquet"), COLUMNS, all.subList(1333, 1500), 1000);
    Files.writeString(parts.resolve("_SUCCESS"), "");
    List<String> expected = rowWise(whole);
    for (int threads = 1; threads <= 3; threads++) {
      List<String> got = parallel(parts, threads);
      assertThat(got).as("threads %d", threads).hasSize(1500);
      for (int i = 0; i < 1500; i++) { // a description may name the part; the values may not differ
        assertThat(got.get(i).split(" ", 6)).as("row %d", i + 1).startsWith(expected.get(i).split(" ", 6));
      }
    }
    assertThat(parallel(parts, 3)).isEqualTo(rowWise(parts));
  }

  /** Threads + 2 decoded groups must fit the budget; one thread holds one group. */
  @Test
  void threadsFor_fitsTheDecodedGroupsInTheBudget() {
    assertThat(ParallelParquetTable.threadsFor(3, 100, 500)).isEqualTo(3); // 5 groups of 100
    assertThat(ParallelParquetTable.threadsFor(3, 100, 499)).isEqualTo(2); // 4 groups
    assertThat(ParallelParquetTable.threadsFor(3, 100, 399)).isEqualTo(1); // 2 workers would hold 4
    assertThat(ParallelParquetTable.threadsFor(1, 100, 10)).isEqualTo(1);
    assertThat(ParallelParquetTable.threadsFor(8, 250L << 20, 512L << 20)).isEqualTo(1);
  }

  /** A damaged page: the rows before its group, then the row-wise reader's error. */
  @Test
  void aDamagedGroup_givesTheRowsBeforeItThenTheRowWiseError() throws IOException {
    List<Object[]> rows = rows(2000, 9);
    Path file = ParquetFiles.writeGroups(dir.resolve("damaged.parquet"), COLUMNS, rows, 200);
    byte[] bytes = Files.readAllBytes(file);
    int at = ParquetFiles.offsetOf(bytes, (Double) rows.get(1234)[3]);
    assertThat(at).isPositive();
    for (int i = at; i < at + 8; i++) {
      bytes[i] ^= (byte) 0xff;
    }
    Files.write(file, bytes);
    List<String> expectedRows = new ArrayList<>();
    String expectedError = readUntilError(rowWiseTable(file), expectedRows);
    assertThat(expectedError).contains("row group 7 (rows 1201-1400)");
    for (int threads = 1; threads <= 3; threads++) {
      List<String> got = new ArrayList<>();
      String error = readUntilError(ParallelParquetTable.open(file, file.toString(), threads), got);
      assertThat(error).as("threads %d", threads).isEqualTo(expectedError);
      assertThat(got).as("threads %d", threads).isEqualTo(expectedRows);
    }
  }

  private static TableReader rowWiseTable(Path file) throws IOException {
    return ParquetTable.open(file, file.toString(), null);
  }

  private static String readUntilError(TableReader table, List<String> rows) throws IOException {
    try (table) {
      table.select(SELECTED, KINDS);
      while (table.nextRow()) {
        rows.add(table.row() + " " + Double.doubleToRawLongBits(table.values()[3]));
      }
      return "no error";
    } catch (InvalidDataException expected) {
      return expected.getMessage();
    }
  }
}
