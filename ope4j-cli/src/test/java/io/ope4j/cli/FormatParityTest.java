package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same log as CSV, gzip CSV, Parquet, a Parquet directory, JSON Lines (plain and gzip) and
 * standard input gives byte-identical JSON through evaluate, select and obd --data-dir. Every
 * variant is made from the CSV with {@code convert}.
 */
class FormatParityTest {

  @TempDir static Path dir;

  private static Path csv;
  /** Each variant of the log by name, the CSV first. */
  private static final Map<String, Path> VARIANTS = new LinkedHashMap<>();

  @BeforeAll
  static void makeVariants() throws IOException {
    csv = dir.resolve("sim.csv");
    CliRun simulated = CliRun.of("simulate", "--rows", "2500", "--output", csv.toString(),
        "--eval-policy", "cold=softmax:0.3", "--eval-policy", "greedy=argmax",
        "--eval-policy", "explore=epsilon-greedy:0.3");
    assertThat(simulated.exitCode()).as(simulated.err()).isZero();
    VARIANTS.put("csv", csv);
    VARIANTS.put("csv.gz", convert(csv, "csv", dir.resolve("sim.csv.gz")));
    VARIANTS.put("parquet", convert(csv, "parquet", dir.resolve("sim.parquet")));
    VARIANTS.put("jsonl", convert(csv, "jsonl", dir.resolve("sim.jsonl")));
    VARIANTS.put("jsonl.gz", convert(csv, "jsonl", dir.resolve("sim.jsonl.gz")));
    Path parts = Files.createDirectories(dir.resolve("sim-parts"));
    Files.copy(VARIANTS.get("parquet"), parts.resolve("part-00000.parquet"));
    Files.writeString(parts.resolve("_SUCCESS"), "");
    VARIANTS.put("parquet directory", parts);
  }

  static Path convert(Path from, String to, Path output) {
    CliRun run = CliRun.of("convert", "--data", from.toString(), "--to", to, "-o", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(output).exists();
    return output;
  }

  @Test
  void convertedFiles_areTheFormatTheyClaim() throws IOException {
    assertThat(head(VARIANTS.get("parquet"), 4)).isEqualTo("PAR1");
    assertThat(Files.readAllLines(VARIANTS.get("jsonl")).get(0)).startsWith("{\"action\":");
    assertThat(Files.readAllBytes(VARIANTS.get("jsonl.gz"))[0]).isEqualTo((byte) 0x1f);
  }

  @Test
  void evaluate_givesTheSameJsonForEveryFormat() throws IOException {
    assertSameJsonForEveryFormat("evaluate", "--estimators", "ipw,snipw,dr", "--ci", "bootstrap",
        "--bootstrap", "30");
  }

  /**
   * Parquet files of many row groups (100 rows each, so batches of 4,096 rows span groups and
   * parts) give the CSV's JSON, bootstrap included, on 1 to 3 threads; so do parts of uneven sizes
   * in a directory.
   */
  @Test
  void evaluate_givesTheSameJsonForCsvAndParquetOfManyRowGroups_onAnyThreadCount() throws IOException {
    Path groups = convertGroups(csv, dir.resolve("sim-groups.parquet"));
    Path parts = Files.createDirectories(dir.resolve("sim-group-parts"));
    List<String> lines = Files.readAllLines(csv);
    int[] cuts = {1, 1001, 1778, lines.size()};
    for (int p = 0; p + 1 < cuts.length; p++) {
      Path slice = dir.resolve("slice-" + p + ".csv");
      List<String> part = new java.util.ArrayList<>(List.of(lines.get(0)));
      part.addAll(lines.subList(cuts[p], cuts[p + 1]));
      Files.write(slice, part);
      convertGroups(slice, parts.resolve("part-" + p + ".parquet"));
    }
    String[] options = {"--estimators", "ipw,snipw,dr", "--ci", "bootstrap", "--bootstrap", "30"};
    String oneThread = null;
    for (String threads : new String[] {"1", "2", "3"}) {
      String[] withThreads = java.util.stream.Stream.concat(java.util.Arrays.stream(options),
          java.util.stream.Stream.of("--threads", threads)).toArray(String[]::new);
      String expected = run("evaluate", csv.toString(), withThreads);
      oneThread = oneThread == null ? expected : oneThread;
      assertThat(expected).as("CSV, threads " + threads).isEqualTo(oneThread);
      for (Path parquet : new Path[] {VARIANTS.get("parquet"), groups, parts}) {
        assertThat(run("evaluate", parquet.toString(), withThreads)).as(parquet + ", threads " + threads)
            .isEqualTo(expected.replace(csv.toString(), parquet.toString()));
      }
    }
  }

  /** {@code simulate --format parquet} writes the rows {@code simulate} writes as CSV, every bit. */
  @Test
  void simulateAsParquet_givesTheCsvSimulationsJson() throws IOException {
    Path parquet = dir.resolve("simulated.parquet");
    CliRun simulated = CliRun.of("simulate", "--rows", "2500", "--format", "parquet", "--output", parquet.toString(),
        "--eval-policy", "cold=softmax:0.3", "--eval-policy", "greedy=argmax",
        "--eval-policy", "explore=epsilon-greedy:0.3");
    assertThat(simulated.exitCode()).as(simulated.err()).isZero();
    assertThat(head(parquet, 4)).isEqualTo("PAR1");
    assertThat(dir.resolve("simulated.truth.json")).exists();
    String[] options = {"--estimators", "ipw,snipw,dr", "--threads", "2"};
    assertThat(run("evaluate", parquet.toString(), options))
        .isEqualTo(run("evaluate", csv.toString(), options).replace(csv.toString(), parquet.toString()));
  }

  private static Path convertGroups(Path from, Path output) {
    CliRun run = CliRun.of("convert", "--data", from.toString(), "--row-group-rows", "100", "-o", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return output;
  }

  @Test
  void select_givesTheSameJsonForEveryFormat() throws IOException {
    assertSameJsonForEveryFormat("select", "--top-k", "2");
  }

  private static void assertSameJsonForEveryFormat(String command, String... options) throws IOException {
    String expected = run(command, csv.toString(), options);
    for (Map.Entry<String, Path> variant : VARIANTS.entrySet()) {
      assertThat(run(command, variant.getValue().toString(), options)).as(variant.getKey())
          .isEqualTo(expected.replace(csv.toString(), variant.getValue().toString()));
    }
    for (String stdin : new String[] {"csv", "csv.gz", "parquet", "jsonl", "jsonl.gz"}) {
      InputStream original = System.in;
      try (InputStream in = Files.newInputStream(VARIANTS.get(stdin))) {
        System.setIn(in);
        assertThat(run(command, "-", options)).as("stdin " + stdin)
            .isEqualTo(expected.replace(csv.toString(), "-"));
      } finally {
        System.setIn(original);
      }
    }
  }

  private static String run(String command, String data, String... options) {
    String[] args = new String[4 + options.length];
    args[0] = command;
    args[1] = "--data";
    args[2] = data;
    args[3] = "--format=json";
    System.arraycopy(options, 0, args, 4, options.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(data + ": " + run.err()).isZero();
    return run.out();
  }

  @Test
  void obd_givesTheSameJsonForEveryFormatOfTheDataset() throws IOException {
    Path source = Path.of(ObdCommandTest.DATA);
    String expected = obd(source);
    for (String to : new String[] {"parquet", "jsonl", "jsonl.gz"}) {
      Path copy = dir.resolve("obd-" + to.replace('.', '-'));
      for (String policy : new String[] {"random", "bts"}) {
        Path from = source.resolve(policy).resolve("men");
        Path into = Files.createDirectories(copy.resolve(policy).resolve("men"));
        String suffix = "." + to;
        String format = to.replace(".gz", "");
        convert(from.resolve("men.csv.gz"), format, into.resolve("men" + suffix));
        convert(from.resolve("item_context.csv"), format, into.resolve("item_context" + suffix));
      }
      Files.copy(source.resolve("prior_bts.yaml"), copy.resolve("prior_bts.yaml"));
      assertThat(obd(copy)).as(to).isEqualTo(expected.replace(source.toString(), copy.toString()));
    }
  }

  private static String obd(Path dataDir) {
    CliRun run = CliRun.of("obd", "--data-dir", dataDir.toString(), "--n-sim", "20000",
        "--reward-model", "none", "--format", "json");
    assertThat(run.exitCode()).as(dataDir + ": " + run.err()).isZero();
    // the only field that is not a function of the data: how long the simulation took
    return run.out().replaceAll("\"simulation_seconds\" : [0-9.E-]+", "\"simulation_seconds\" : _");
  }

  private static String head(Path file, int bytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(bytes), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
