package io.ope4j.engine;

import io.ope4j.data.ColumnarLog;
import io.ope4j.internal.data.WideForm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The Open Bandit Pipeline oracle log (testdata/obp), parsed plainly with Double.parseDouble and
 * reduced to narrow columns with {@link WideForm}, independently of ope4j-io's reader.
 */
final class ObpFixture {

  static final Path DIR = Path.of("..", "testdata", "obp");
  static final Path CSV = DIR.resolve("obd_random_men_bts.csv.gz");
  static final Path EXPECTED = DIR.resolve("obd_random_men_bts_expected.json");
  static final int ACTIONS = 34;

  private ObpFixture() {}

  static ColumnarLog load() throws IOException {
    List<String[]> rows = new ArrayList<>();
    String[] header;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(CSV)), StandardCharsets.UTF_8))) {
      header = reader.readLine().split(",");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(","));
      }
    }
    List<String> names = Arrays.asList(header);
    int actionCol = names.indexOf("action");
    int rewardCol = names.indexOf("reward");
    int pscoreCol = names.indexOf("pscore");
    int piCol = names.indexOf("pi_0");
    int qCol = names.indexOf("q_0");
    int n = rows.size();
    int[] action = new int[n];
    double[] reward = new double[n];
    double[] pscore = new double[n];
    double[] piLogged = new double[n];
    double[] qLogged = new double[n];
    double[] qExpected = new double[n];
    double[] pi = new double[ACTIONS];
    double[] q = new double[ACTIONS];
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(i);
      action[i] = Integer.parseInt(row[actionCol]);
      reward[i] = Double.parseDouble(row[rewardCol]);
      pscore[i] = Double.parseDouble(row[pscoreCol]);
      for (int a = 0; a < ACTIONS; a++) {
        pi[a] = Double.parseDouble(row[piCol + a]);
        q[a] = Double.parseDouble(row[qCol + a]);
      }
      piLogged[i] = pi[action[i]];
      qLogged[i] = q[action[i]];
      qExpected[i] = WideForm.expectedModelValue(pi, 0, q, 0, ACTIONS);
    }
    return ColumnarLog.builder(action, reward, pscore)
        .policy("bts", piLogged, qExpected)
        .modelAtLoggedAction(qLogged)
        .nActions(ACTIONS)
        .build();
  }
}
