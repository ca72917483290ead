package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.io.ParquetFiles.Column;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional blocks of {@link BatchContent}: filled alike by the CSV and Parquet readers. */
class BatchContentTest {

  @TempDir Path dir;

  private static final String CSV = "action,x_0,reward,pscore,x_1,pi_0,pi_1,q_0,q_1\n"
      + "1,0.5,1,0.5,-2,0.25,0.75,0.1,0.2\n"
      + "0,1.5,0,0.25,3,1,0,0.3,0.4\n";

  private static BatchSource csv(String text, BatchContent content) throws IOException {
    return CsvLogReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log.csv",
        LogReadOptions.defaults().withContent(content));
  }

  private Path parquet() throws IOException {
    List<Column> columns = new ArrayList<>(List.of(Column.int64("action")));
    for (String name : List.of("x_0", "reward", "pscore", "x_1", "pi_0", "pi_1", "q_0", "q_1")) {
      columns.add(Column.float64(name));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String line : CSV.strip().lines().skip(1).toList()) {
      String[] fields = line.split(",");
      Object[] row = new Object[fields.length];
      row[0] = Long.parseLong(fields[0]);
      for (int c = 1; c < fields.length; c++) {
        row[c] = Double.parseDouble(fields[c]);
      }
      rows.add(row);
    }
    return ParquetFiles.write(dir.resolve("log.parquet"), columns, rows);
  }

  private static BanditBatch first(BatchSource source) throws IOException {
    BanditBatch batch = new BanditBatch(source.layout(), 8);
    assertThat(source.next(batch)).isTrue();
    return batch;
  }

  @Test
  void contextsAndWideRows_fromCsvAndParquetAlike() throws IOException {
    BatchContent content = BatchContent.ESTIMATOR_COLUMNS.withContexts().withWideColumns();
    try (BatchSource fromCsv = csv(CSV, content);
        BatchSource fromParquet = ParquetLogReader.open(parquet(), LogReadOptions.defaults().withContent(content))) {
      for (BatchSource source : List.of(fromCsv, fromParquet)) {
        LogLayout layout = source.layout();
        assertThat(layout.contextColumns()).containsExactly("x_0", "x_1");
        assertThat(layout.widePolicies()).isTrue();
        assertThat(layout.wideModel()).isTrue();
        BanditBatch batch = first(source);
        assertThat(java.util.Arrays.copyOf(batch.contexts(), 4)).containsExactly(0.5, -2, 1.5, 3);
        assertThat(java.util.Arrays.copyOf(batch.piWide(0), 4)).containsExactly(0.25, 0.75, 1, 0);
        assertThat(java.util.Arrays.copyOf(batch.qWide(), 4)).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(batch.piLogged(0)[0]).isEqualTo(0.75);
      }
    }
  }

  @Test
  void suppliedPoliciesModelAndPscore_areNotRead() throws IOException {
    String noPscore = "action,reward,x_0,q_0\n1,1,0.5,0.3\n";
    BatchContent content = BatchContent.ESTIMATOR_COLUMNS.withContexts().withPoliciesSupplied().withModelSupplied();
    try (BatchSource source = CsvLogReader.open(new ByteArrayInputStream(noPscore.getBytes(StandardCharsets.UTF_8)),
        "log.csv", LogReadOptions.defaults().withPscoreOptional(true).withContent(content))) {
      LogLayout layout = source.layout();
      assertThat(layout.policies()).isEmpty();
      assertThat(layout.hasModel()).isFalse();
      assertThat(layout.hasPscore()).isFalse();
      assertThat(first(source).contexts()[0]).isEqualTo(0.5);
    }
  }

  @Test
  void badContextValue_andNarrowPolicyWithWideColumns_areErrors() {
    String bad = "action,reward,pscore,x_0,pi\n1,1,0.5,abc,0.5\n";
    assertThatThrownBy(() -> first(csv(bad, BatchContent.ESTIMATOR_COLUMNS.withContexts())))
        .isInstanceOf(InvalidDataException.class).hasMessage("log.csv row 1, x_0: must be a finite number, got 'abc'");
    assertThatThrownBy(() -> csv(bad, BatchContent.ESTIMATOR_COLUMNS.withWideColumns()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("evaluation policy 'pi' has only the narrow column pi");
  }
}
