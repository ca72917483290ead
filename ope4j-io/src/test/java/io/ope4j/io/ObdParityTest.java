package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.LogLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity on a real log: the Open Bandit Dataset sample of {@code shared/oracles/obp} (gzip,
 * wide pi and q with K = 34, positions, extra columns {@code round} and {@code orig_row}),
 * checked row by row against a naive reading with {@link Double#parseDouble}, and against
 * numbers Open Bandit Pipeline reported for the same file.
 */
class ObdParityTest {

  private static final int K = 34;
  private static final int ROWS = 10_000;
  private static Path path;
  private static LogTable table;
  private static List<String[]> naive;
  private static List<String> header;

  @BeforeAll
  static void read() throws IOException {
    // The shared fixture of the repository (testdata/obp, with its attribution).
    path = Path.of("..", "testdata", "obp", "obd_random_men_bts.csv.gz");
    try (CsvLogReader reader = CsvLogReader.open(path)) {
      table = LogTable.readAll(reader, reader.options().batchCapacity());
    }
    naive = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
      header = List.of(lines.readLine().split(","));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        naive.add(line.split(","));
      }
    }
  }

  @Test
  void layout_isOneWidePolicyWithModelAndPosition() {
    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), true, true, K));
    assertThat(table.rows()).isEqualTo(ROWS).isEqualTo(naive.size());
  }

  @Test
  void firstRow_exactValues() {
    // The oracle stores the pscore OBP used (pandas' parse of 1/34), not 1/34 itself.
    assertThat(table.pscore()[0]).isEqualTo(0.0294117647058823);
    assertThat(table.action()[0]).isEqualTo(14);
    assertThat(table.position()[0]).isEqualTo(2);
    assertThat(table.reward()[0]).isEqualTo(0.0);
    assertThat(table.piLogged()[0][0]).isEqualTo(0.021496); // pi_14 of row 1
  }

  @Test
  void everyRow_matchesANaiveParse() {
    int action = header.indexOf("action");
    int position = header.indexOf("position");
    int reward = header.indexOf("reward");
    int pscore = header.indexOf("pscore");
    int pi0 = header.indexOf("pi_0");
    int q0 = header.indexOf("q_0");
    for (int i = 0; i < ROWS; i++) {
      String[] fields = naive.get(i);
      int a = Integer.parseInt(fields[action]);
      assertThat(table.action()[i]).as("row %s", i + 1).isEqualTo(a);
      assertThat(table.position()[i]).isEqualTo(Integer.parseInt(fields[position]));
      assertThat(table.reward()[i]).isEqualTo(Double.parseDouble(fields[reward]));
      assertThat(table.pscore()[i]).isEqualTo(Double.parseDouble(fields[pscore]));
      assertThat(table.piLogged()[0][i]).as("row %s", i + 1)
          .isEqualTo(Double.parseDouble(fields[pi0 + a]));
      assertThat(table.qLogged()[i]).isEqualTo(Double.parseDouble(fields[q0 + a]));
      double weighted = 0;
      double total = 0;
      for (int b = 0; b < K; b++) {
        double p = Double.parseDouble(fields[pi0 + b]);
        weighted += p * Double.parseDouble(fields[q0 + b]);
        total += p;
      }
      assertThat(table.qExpected()[0][i]).as("row %s", i + 1).isEqualTo(weighted / total);
    }
  }

  @Test
  void reproducesOpenBanditPipelineNumbers() {
    // From obd_random_men_bts_expected.json (OBP 0.5.5); plain sums differ from numpy's
    // pairwise ones in the last bits only.
    double sumWeight = 0;
    double maxWeight = 0;
    double sumWeightedReward = 0;
    double sumModel = 0;
    double sumReward = 0;
    for (int i = 0; i < ROWS; i++) {
      double weight = table.piLogged()[0][i] / table.pscore()[i];
      sumWeight += weight;
      maxWeight = Math.max(maxWeight, weight);
      sumWeightedReward += weight * table.reward()[i];
      sumModel += table.qExpected()[0][i];
      sumReward += table.reward()[i];
    }
    assertThat(sumReward).isEqualTo(46.0);
    assertThat(sumWeight / ROWS).isCloseTo(0.9846474154000018, within(1e-14));
    assertThat(maxWeight).isCloseTo(10.68331000000002, within(1e-13));
    assertThat(sumWeightedReward / ROWS).isCloseTo(0.004542678800000009, within(1e-16)); // IPW
    assertThat(sumModel / ROWS).isCloseTo(0.004262946444007614, within(1e-16)); // DM
  }
}
