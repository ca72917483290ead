package io.ope4j.io;

import static io.ope4j.io.ParquetFiles.Column.float64;
import static io.ope4j.io.ParquetFiles.Column.int32;
import static io.ope4j.io.ParquetFiles.Column.int64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.ParquetFiles.Column;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetLogReaderTest {

  @TempDir Path dir;

  /** A wide log (K = 3, one policy, wide model, a position) as rows, seeded. */
  private static List<Object[]> wideRows(int n, long seed) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] pi = new double[3];
      double total = 0;
      for (int a = 0; a < 3; a++) {
        pi[a] = 0.05 + random.nextDouble();
        total += pi[a];
      }
      for (int a = 0; a < 3; a++) {
        pi[a] /= total;
      }
      rows.add(new Object[] {
          (long) random.nextInt(3), random.nextDouble() < 0.3 ? 1.0 : 0.0,
          0.1 + 0.9 * random.nextDouble(), (long) random.nextInt(5),
          pi[0], pi[1], pi[2], random.nextDouble(), random.nextDouble(), random.nextDouble(),
          "context " + i});
    }
    return rows;
  }

  private static final List<Column> WIDE = List.of(int64("action"), float64("reward"),
      float64("pscore"), int64("position"), float64("pi_0"), float64("pi_1"), float64("pi_2"),
      float64("q_0"), float64("q_1"), float64("q_2"), new Column("note", PrimitiveTypeName.BINARY));

  private static String csv(List<Column> columns, List<Object[]> rows) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      text.append(c == 0 ? "" : ",").append(columns.get(c).name());
    }
    text.append('\n');
    for (Object[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        text.append(c == 0 ? "" : ",").append(row[c] == null ? "" : row[c]);
      }
      text.append('\n');
    }
    return text.toString();
  }

  @Test
  void sameBatchesAsTheCsvReader_acrossRowGroups() throws IOException {
    List<Object[]> rows = wideRows(10_000, 6);
    // ~40 KiB row groups: several per 4096-row batch boundary, so stretches cross them
    Path parquet = ParquetFiles.write(dir.resolve("logs.parquet"), WIDE, rows, 40 << 10);
    LogTable fromCsv = LogTable.read(csv(WIDE, rows));

    LogTable fromParquet;
    try (ParquetLogReader reader = ParquetLogReader.open(parquet)) {
      assertThat(reader.rowCount()).isEqualTo(10_000);
      fromParquet = LogTable.readAll(reader, 4096);
    }

    assertThat(fromParquet.sizes()).containsExactly(4096, 4096, 1808);
    assertThat(fromParquet.firstRows()).containsExactly(0L, 4096L, 8192L);
    assertThat(fromParquet).usingRecursiveComparison().isEqualTo(fromCsv);
  }

  @Test
  void sameEstimatesAsTheCsvReader_toTheBit() throws IOException {
    List<Object[]> rows = wideRows(20_000, 7);
    Path parquet = ParquetFiles.write(dir.resolve("logs.parquet"), WIDE, rows, 64 << 10);
    Path csv = Files.writeString(dir.resolve("logs.csv"), csv(WIDE, rows), StandardCharsets.UTF_8);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dm,ipw,snipw,dr,switch-dr:lambda=slope"))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(50, 3);

    EvaluationResult fromParquet;
    EvaluationResult fromCsv;
    try (BatchSource reader = LogReaders.open(parquet, LogReadOptions.defaults())) {
      assertThat(((BanditLogReader) reader).format()).isEqualTo(InputFormat.PARQUET);
      fromParquet = new Evaluator(config).evaluate(reader);
    }
    try (BatchSource reader = LogReaders.open(csv, LogReadOptions.defaults())) {
      assertThat(((BanditLogReader) reader).format()).isEqualTo(InputFormat.CSV);
      fromCsv = new Evaluator(config).evaluate(reader);
    }
    assertThat(fromParquet).isEqualTo(fromCsv);
  }

  @Test
  void narrowLog_int32ActionAndFloatColumn_renamedPscore() throws IOException {
    List<Column> columns = List.of(int32("a"), new Column("reward", PrimitiveTypeName.FLOAT),
        float64("propensity"), float64("pi"));
    List<Object[]> rows = List.<Object[]>of(new Object[] {1, 0.5f, 0.25, 0.5},
        new Object[] {0, 1.0f, 0.5, 1.0});
    Path file = ParquetFiles.write(dir.resolve("narrow.parquet"), columns, rows);
    LogReadOptions options = LogReadOptions.defaults().withActionColumn("a")
        .withPscoreColumn("propensity");

    try (ParquetLogReader reader = ParquetLogReader.open(file, options)) {
      LogTable table = LogTable.readAll(reader, 4096);
      assertThat(table.action()).containsExactly(1, 0);
      assertThat(table.reward()).containsExactly(0.5, 1.0);
      assertThat(table.pscore()).containsExactly(0.25, 0.5);
      assertThat(table.piLogged()[0]).containsExactly(0.5, 1.0);
      assertThat(table.layout().hasModel()).isFalse();
    }
  }

  private InvalidDataException openAndReadExpectingError(List<Column> columns, List<Object[]> rows)
      throws IOException {
    Path file = ParquetFiles.write(dir.resolve("logs.parquet"), columns, rows);
    try (BatchSource reader = ParquetLogReader.open(file, LogReadOptions.defaults())) {
      LogTable.readAll(reader, 4096);
    } catch (InvalidDataException expected) {
      return expected;
    }
    throw new AssertionError("no error");
  }

  private static final List<Column> NARROW =
      List.of(int64("action"), float64("reward"), float64("pscore"), float64("pi"));

  @Test
  void missingColumn_sameMessageAsCsv() throws IOException {
    List<Column> columns = List.of(int64("action"), float64("reward"), float64("pi"));
    InvalidDataException error =
        openAndReadExpectingError(columns, List.<Object[]>of(new Object[] {0L, 0.0, 0.5}));
    String file = dir.resolve("logs.parquet").toString();
    assertThat(error).hasMessage(file + " header: missing column pscore (behaviour policy's "
        + "probability of the logged action; rename with --pscore-col); the header as read has 3 columns:"
        + " [action, reward, pi]");
  }

  @Test
  void stringPscore_isATypeErrorNamingTheColumn() throws IOException {
    List<Column> columns = List.of(int64("action"), float64("reward"),
        new Column("pscore", PrimitiveTypeName.BINARY), float64("pi"));
    InvalidDataException error =
        openAndReadExpectingError(columns, List.<Object[]>of(new Object[] {0L, 0.0, "0.5", 0.5}));
    assertThat(error.row()).isZero();
    assertThat(error.column()).isEqualTo("pscore");
    assertThat(error.getMessage()).contains("pscore: must be a numeric column (double, float, "
        + "int or long), got optional binary pscore (STRING)");
  }

  @Test
  void doubleAction_isATypeError() throws IOException {
    List<Column> columns =
        List.of(float64("action"), float64("reward"), float64("pscore"), float64("pi"));
    InvalidDataException error = openAndReadExpectingError(columns,
        List.<Object[]>of(new Object[] {0.0, 0.0, 0.5, 0.5}));
    assertThat(error.getMessage())
        .contains("header, action: must be an integer column (int or long), got optional double action");
  }

  @Test
  void nullInARequiredColumn_namesFileRowAndColumn() throws IOException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {0L, 0.0, 0.5, 0.5});
    rows.add(new Object[] {1L, 1.0, 0.5, 0.5});
    rows.add(new Object[] {1L, 1.0, null, 0.5});
    InvalidDataException error = openAndReadExpectingError(NARROW, rows);
    assertThat(error).hasMessage(dir.resolve("logs.parquet") + " row 3, pscore: must be in (0, 1], got null");
    assertThat(error.row()).isEqualTo(3);
  }

  @Test
  void badValues_sameMessagesAsCsv() throws IOException {
    String file = dir.resolve("logs.parquet").toString();
    assertThat(openAndReadExpectingError(NARROW, List.<Object[]>of(new Object[] {0L, 0.0, 0.0, 0.5})))
        .hasMessage(file + " row 1, pscore: must be in (0, 1], got 0.0");
    assertThat(openAndReadExpectingError(NARROW, List.<Object[]>of(new Object[] {-1L, 0.0, 0.5, 0.5})))
        .hasMessage(file + " row 1, action: must be an integer >= 0, got -1");
    assertThat(openAndReadExpectingError(NARROW, List.<Object[]>of(new Object[] {0L, Double.NaN, 0.5, 0.5})))
        .hasMessage(file + " row 1, reward: must be a finite number, got NaN");
    assertThat(openAndReadExpectingError(NARROW, List.<Object[]>of(new Object[] {null, 0.0, 0.5, 0.5})))
        .hasMessage(file + " row 1, action: must be an integer >= 0, got null");
  }

  @Test
  void emptyFile_hasNoDataRows() throws IOException {
    InvalidDataException error = openAndReadExpectingError(NARROW, List.of());
    assertThat(error).hasMessage(dir.resolve("logs.parquet") + ": no data rows");
  }

  @Test
  void notParquet_isReadAsCsv_andATruncatedParquetFileIsAnError() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.parquet"), "action,reward,pscore,pi\n0,0,0.5,0.5\n");
    try (BatchSource reader = LogReaders.open(csv, LogReadOptions.defaults())) {
      assertThat(((BanditLogReader) reader).format()).isEqualTo(InputFormat.CSV);
    }
    Path whole = ParquetFiles.write(dir.resolve("whole.parquet"), NARROW,
        List.<Object[]>of(new Object[] {0L, 0.0, 0.5, 0.5}));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.parquet"), java.util.Arrays.copyOf(bytes, bytes.length - 9));
    assertThatThrownBy(() -> LogReaders.open(cut, LogReadOptions.defaults()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(cut + ": not a readable Parquet file");
  }

  @Test
  void directory_isReadAsItsPartFilesInNameOrder_sameBatchesAsOneFile() throws IOException {
    List<Object[]> rows = wideRows(9_000, 11);
    Path whole = ParquetFiles.write(dir.resolve("whole.parquet"), WIDE, rows, 64 << 10);
    Path parts = Files.createDirectories(dir.resolve("parts"));
    // written out of name order; "_SUCCESS" and ".crc" files are not part files
    ParquetFiles.write(parts.resolve("part-00001.parquet"), WIDE, rows.subList(5_000, 9_000));
    ParquetFiles.write(parts.resolve("part-00000.parquet"), WIDE, rows.subList(0, 5_000));
    Files.writeString(parts.resolve("_SUCCESS"), "");
    Files.writeString(parts.resolve(".part-00000.parquet.crc"), "x");

    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,dr"));
    try (BatchSource fromParts = LogReaders.open(parts, LogReadOptions.defaults());
        BatchSource fromWhole = LogReaders.open(whole, LogReadOptions.defaults())) {
      assertThat(new Evaluator(config).evaluate(fromParts))
          .isEqualTo(new Evaluator(config).evaluate(fromWhole));
    }
  }

  @Test
  void directory_withoutPartFiles_orWithDifferentColumns_isAnError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> LogReaders.open(empty, LogReadOptions.defaults()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(empty + ": is a directory without part files (files not starting with '.' or '_')");
    Path parts = Files.createDirectories(dir.resolve("mixed"));
    ParquetFiles.write(parts.resolve("a.parquet"), NARROW, List.<Object[]>of(new Object[] {0L, 0.0, 0.5, 0.5}));
    ParquetFiles.write(parts.resolve("b.parquet"), WIDE, wideRows(3, 1));
    InvalidDataException error = assertThrows(InvalidDataException.class, () -> {
      try (BatchSource reader = LogReaders.open(parts, LogReadOptions.defaults())) {
        BanditBatch batch = ((BanditLogReader) reader).newBatch();
        while (reader.next(batch)) {
          // read to the end
        }
      }
    });
    assertThat(error.getMessage()).startsWith(parts.resolve("b.parquet") + " header: columns [");
  }
}
