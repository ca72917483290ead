package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObdLoaderTest {

  static final Path DATA = Path.of("..", "data", "obd");
  private static final Path ORACLE = Path.of("..", "testdata", "obp", "obd_random_men_bts.csv.gz");

  @TempDir Path dir;

  private static final String ITEMS = ",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n"
      + "0,0,-0.5,b,x,q\n"
      + "1,1,0.25,a,x,q\n"
      + "2,2,1.5,c,y,q\n";

  private static final String HEADER =
      ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,user-item_affinity_0\n";

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void tinyLog_isSortedStablyAndEncodedLikeOpenBanditPipeline() throws IOException {
    Path log = write("log.csv", HEADER
        + "0,2019-11-24 00:00:03,2,3,0,0.5,u,k,0.9\n"
        + "1,2019-11-24 00:00:01,0,1,1,0.25,t,m,0.0\n"
        + "2,2019-11-24 00:00:02,1,2,0,0.125,v,k,0.0\n"
        + "3,2019-11-24 00:00:01,1,3,0,1.0,t,k,0.0\n");
    ObdLog obd = ObdLoader.load(log, write("items.csv", ITEMS));
    // Timestamps 3, 1, 2, 1: stable order puts label 1 before label 3 (equal times), then 2, 0.
    assertThat(obd.rowLabels()).containsExactly(1, 3, 2, 0);
    assertThat(obd.actions()).containsExactly(0, 1, 1, 2);
    assertThat(obd.positions()).containsExactly(0, 2, 1, 2);
    assertThat(obd.rewards()).containsExactly(1, 0, 0, 0);
    assertThat(obd.pscores()).containsExactly(0.25, 1.0, 0.125, 0.5);
    assertThat(obd.nActions()).isEqualTo(3);
    assertThat(obd.slots()).isEqualTo(3);
    // user_feature_0 has t < u < v: t dropped; user_feature_1 has k < m: k dropped.
    assertThat(obd.contextNames())
        .containsExactly("user_feature_0_u", "user_feature_0_v", "user_feature_1_m");
    assertThat(obd.contexts()).containsExactly(
        0, 0, 1, // t, m
        0, 0, 0, // t, k
        0, 1, 0, // v, k
        1, 0, 0); // u, k
    // Label-encoded item_id, item_feature_1..3, then the numeric item_feature_0.
    assertThat(obd.actionContextNames())
        .containsExactly("item_id", "item_feature_1", "item_feature_2", "item_feature_3", "item_feature_0");
    assertThat(obd.actionContext()).containsExactly(
        0, 1, 0, 0, -0.5,
        1, 0, 0, 0, 0.25,
        2, 2, 1, 0, 1.5);
    assertThat(obd.meanReward()).isEqualTo(0.25);
  }

  @Test
  void bundledMenSample_matchesTheRowsOpenBanditPipelineUsed() throws IOException {
    ObdLog obd = ObdLoader.loadCampaign(DATA, "random", "men");
    List<String[]> oracle = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(ORACLE)), StandardCharsets.UTF_8))) {
      lines.readLine(); // round,orig_row,action,position,reward,pscore,pi_*,q_*
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        oracle.add(line.split(",", 7));
      }
    }
    assertThat(obd.rows()).isEqualTo(10_000).isEqualTo(oracle.size());
    assertThat(obd.nActions()).isEqualTo(34);
    assertThat(obd.slots()).isEqualTo(3);
    List<Integer> differentOrder = new ArrayList<>();
    for (int i = 0; i < obd.rows(); i++) {
      String[] row = oracle.get(i);
      if (obd.rowLabels()[i] != Long.parseLong(row[1])) {
        differentOrder.add(i);
        continue;
      }
      assertThat(obd.actions()[i]).as("row %s", i).isEqualTo(Integer.parseInt(row[2]));
      assertThat(obd.positions()[i]).isEqualTo(Integer.parseInt(row[3]));
      assertThat(obd.rewards()[i]).isEqualTo(Double.parseDouble(row[4]));
      // The file says 0.029411764705882353 = 1/34 exactly; OBP's pandas read 15 ulps less.
      assertThat(obd.pscores()[i]).isEqualTo(1.0 / 34);
      assertThat(Double.parseDouble(row[5])).isEqualTo(0.0294117647058823);
    }
    // OBP's unstable quicksort swapped two rows with equal timestamps (oracle quirk 2).
    assertThat(differentOrder).hasSize(2);
    int a = differentOrder.get(0);
    int b = differentOrder.get(1);
    assertThat(obd.rowLabels()[a]).isEqualTo(Long.parseLong(oracle.get(b)[1]));
    assertThat(obd.rowLabels()[b]).isEqualTo(Long.parseLong(oracle.get(a)[1]));
    // Every row has one 1 per user feature whose value is not its column's first category.
    int d = obd.contextDim();
    for (int i = 0; i < obd.rows(); i++) {
      double ones = 0;
      for (int j = 0; j < d; j++) {
        double v = obd.contexts()[i * d + j];
        assertThat(v == 0.0 || v == 1.0).isTrue();
        ones += v;
      }
      assertThat(ones).isBetween(0.0, 4.0);
    }
    assertThat(obd.contextNames()).allMatch(name -> name.startsWith("user_feature_"));
    assertThat(obd.meanReward()).isEqualTo(0.0046);
  }

  @Test
  void bundledBtsLogs_giveTheOnPolicyValues() throws IOException {
    assertThat(ObdLoader.loadCampaign(DATA, "bts", "men").meanReward()).isEqualTo(0.0069);
    assertThat(ObdLoader.loadCampaign(DATA, "bts", "women").meanReward()).isEqualTo(0.0046);
    ObdLog women = ObdLoader.loadCampaign(DATA, "random", "women");
    assertThat(women.nActions()).isEqualTo(46);
    assertThat(women.pscores()[0]).isEqualTo(1.0 / 46);
  }

  @Test
  void prior_readsEachCampaign() throws IOException {
    ObdPrior men = ObdPrior.read(DATA.resolve("prior_bts.yaml"), "men");
    assertThat(men.nActions()).isEqualTo(34);
    assertThat(men.alpha()[0]).isEqualTo(47.0);
    assertThat(ObdPrior.read(DATA.resolve("prior_bts.yaml"), "women").nActions()).isEqualTo(46);
    assertThatThrownBy(() -> ObdPrior.read(DATA.resolve("prior_bts.yaml"), "kids"))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("no campaign 'kids'");
  }

  @Test
  void badPrior_namesTheLine() throws IOException {
    Path yaml = write("prior.yaml", "men:\n  alpha:\n    - 1.0\n    - x\n  beta:\n    - 2.0\n");
    assertThatThrownBy(() -> ObdPrior.read(yaml, "men")).isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("row 4").hasMessageContaining("'x'");
    Path uneven = write("uneven.yaml", "men:\n  alpha:\n    - 1.0\n    - 2.0\n  beta:\n    - 2.0\n");
    assertThatThrownBy(() -> ObdPrior.read(uneven, "men")).hasMessageContaining("equal length");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pscore zero     | 0,t1,0,1,0,0.0,a,b,0     | row 1, propensity_score | (0, 1]",
      "pscore text     | 0,t1,0,1,0,abc,a,b,0     | row 1, propensity_score | 'abc'",
      "click NaN       | 0,t1,0,1,NaN,0.5,a,b,0   | row 1, click            | finite",
      "item negative   | 0,t1,-1,1,0,0.5,a,b,0    | row 1, item_id          | -1",
      "item fraction   | 0,t1,1.5,1,0,0.5,a,b,0   | row 1, item_id          | got '1.5'",
      "item unknown    | 0,t1,7,1,0,0.5,a,b,0     | row 1, item_id          | item 7",
      "position text   | 0,t1,0,left,0,0.5,a,b,0  | row 1, position         | 'left'",
      "too few fields  | 0,t1,0,1,0,0.5,a,b       | row 1                   | got 8",
      "no timestamp    | 0,,0,1,0,0.5,a,b,0       | row 1, timestamp        | empty",
      "item text       | 0,t1,x,1,0,0.5,a,b,0     | row 1, item_id          | 'x'"})
  void badRows_nameFileRowAndColumn(String name, String row, String where, String what) throws IOException {
    Path log = write("bad.csv", HEADER + row.trim() + "\n");
    Path items = write("items.csv", ITEMS);
    assertThatThrownBy(() -> ObdLoader.load(log, items)).isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(log.toString())
        .hasMessageContaining(where.trim()).hasMessageContaining(what.trim());
  }

  @Test
  void badFiles_areRejected() throws IOException {
    Path items = write("items.csv", ITEMS);
    Path noClick = write("noclick.csv", ",timestamp,item_id,position,propensity_score\n0,t,0,1,0.5\n");
    assertThatThrownBy(() -> ObdLoader.load(noClick, items)).hasMessageContaining("header, click: missing column");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> ObdLoader.load(empty, items)).hasMessageContaining("empty file");
    Path headerOnly = write("header.csv", HEADER);
    assertThatThrownBy(() -> ObdLoader.load(headerOnly, items)).hasMessageContaining("no data rows");
    Path log = write("log.csv", HEADER + "0,t,0,1,0,0.5,a,b,0\n");
    Path twice = write("twice.csv", ",item_id,item_feature_0\n0,0,1.0\n1,0,2.0\n");
    assertThatThrownBy(() -> ObdLoader.load(log, twice)).hasMessageContaining("row 2, item_id");
    assertThatThrownBy(() -> ObdLoader.loadCampaign(dir, "random", "men")).hasMessageContaining("no such file");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "java suffix    | 0,0,1.5d   | row 1, item_feature_0 | '1.5d'",
      "hex float      | 0,0,0x1p-1 | row 1, item_feature_0 | '0x1p-1'",
      "arabic digit   | 0,٣,1.5    | row 1, item_id        | '٣'",
      "padded number  | 0,0, 1.5   | row 1, item_feature_0 | ' 1.5'"})
  void itemContext_readsNumbersByTheLogsStrictGrammar(String name, String row, String where, String what)
      throws IOException {
    Path log = write("log.csv", HEADER + "0,t,0,1,0,0.5,a,b,0\n");
    Path items = write("items.csv", ",item_id,item_feature_0\n" + row + "\n");
    assertThatThrownBy(() -> ObdLoader.load(log, items)).isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(items.toString())
        .hasMessageContaining(where.trim()).hasMessageContaining(what.trim());
  }
}
