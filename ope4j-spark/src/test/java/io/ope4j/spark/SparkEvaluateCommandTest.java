package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.cli.Ope4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ope4j evaluate --engine spark} on a trajectory log, in-process, through the engine
 * service: the same JSON as {@code --engine local}, to the byte, bootstrap included; a bad log
 * gives exit 2 and the local engine's message.
 */
class SparkEvaluateCommandTest {

  @TempDir static Path dir;
  static Path csv;

  @BeforeAll
  static void writeLog() throws IOException {
    TestSpark.start(); // the engine uses the running session and leaves it running
    csv = new Trajectories(5, 1_500).writeCsv(dir.resolve("episodes.csv"));
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ope4j.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run evaluate(String engine, Path log) {
    return run("evaluate", "--engine", engine, "--data", log.toString(), "--gamma", "0.9",
        "--ci", "bootstrap", "--bootstrap", "100", "--seed", "3", "--format", "json", "--quiet");
  }

  @Test
  void trajectoryLog_toldByItsEpisodeColumn_sameJsonAsLocal() {
    Run local = evaluate("local", csv);
    Run spark = evaluate("spark", csv);

    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    assertThat(local.out()).contains("\"sndr\"");
    assertThat(spark.out()).isEqualTo(local.out());
  }

  @Test
  void badTrajectoryLog_exit2_localMessage() throws IOException {
    String text = Files.readString(csv);
    // step 9 where step 1 is due: the first multi-step episode's second row
    String[] lines = text.split("\n", -1);
    int at = 2;
    while (!lines[at].split(",")[1].equals("1")) {
      at++;
    }
    String[] fields = lines[at].split(",");
    fields[1] = "9";
    lines[at] = String.join(",", fields);
    Path bad = Files.writeString(dir.resolve("bad.csv"), String.join("\n", lines));

    Run local = evaluate("local", bad);
    Run spark = evaluate("spark", bad);

    assertThat(local.exitCode()).isEqualTo(2);
    assertThat(local.err()).contains("row " + at + ", step: must be 1");
    assertThat(spark.exitCode()).isEqualTo(2);
    assertThat(spark.err()).isEqualTo(local.err());
  }
}
