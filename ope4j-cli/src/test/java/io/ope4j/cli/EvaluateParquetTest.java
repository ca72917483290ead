package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ope4j evaluate} on a Parquet log: the same output as on the same log in CSV, and a
 * clear usage error for {@code --engine spark} when Spark is not on the class path (the Spark
 * side of "both ways" is ope4j-spark's SparkEvaluatorTest and scripts/bench.sh).
 */
class EvaluateParquetTest {

  @TempDir Path dir;

  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message log { required int64 action; required double reward; required double pscore;"
          + " required double pi; required double q; required double q_pi; }");

  /** Writes the same seeded narrow log as Parquet and as CSV. */
  private void writeLog(Path parquet, Path csv, int rows) throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder text = new StringBuilder("action,reward,pscore,pi,q,q_pi\n");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(parquet))
        .withConf(new PlainParquetConfiguration()).withType(SCHEMA).build()) {
      for (int i = 0; i < rows; i++) {
        long action = random.nextInt(4);
        double reward = random.nextDouble() < 0.4 ? 1.0 : 0.0;
        double pscore = 0.25;
        double pi = action == 0 ? 0.7 : 0.1;
        double q = random.nextDouble();
        double qPi = random.nextDouble();
        writer.write(groups.newGroup().append("action", action).append("reward", reward)
            .append("pscore", pscore).append("pi", pi).append("q", q).append("q_pi", qPi));
        text.append(action).append(',').append(reward).append(',').append(pscore).append(',')
            .append(pi).append(',').append(q).append(',').append(qPi).append('\n');
      }
    }
    Files.writeString(csv, text);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ope4j.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void parquetAndCsv_sameOutputToTheByte() throws IOException {
    Path parquet = dir.resolve("logs.parquet");
    Path csv = dir.resolve("logs.csv");
    writeLog(parquet, csv, 30_000);

    Run fromParquet = run("evaluate", "--data", parquet.toString(), "--estimators",
        "ipw,snipw,dr,switch-dr:lambda=slope", "--ci", "bootstrap", "--bootstrap", "50",
        "--format", "json");
    Run fromCsv = run("evaluate", "--data", csv.toString(), "--estimators",
        "ipw,snipw,dr,switch-dr:lambda=slope", "--ci", "bootstrap", "--bootstrap", "50",
        "--format", "json");

    assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
    assertThat(fromParquet.out()).contains("\"n_rounds\" : 30000").isEqualTo(fromCsv.out());
  }

  @Test
  void engineSpark_withoutSparkOnTheClassPath_isAUsageError() throws IOException {
    Path parquet = dir.resolve("logs.parquet");
    writeLog(parquet, dir.resolve("logs.csv"), 10);

    Run run = run("evaluate", "--engine", "spark", "--master", "local[2]", "--data",
        parquet.toString());

    assertThat(run.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: --engine spark needs ope4j-spark and Spark "
        + "on the class path").contains("spark-submit").contains("docs/spark.md");
  }

  @Test
  void unknownEngine_andMasterWithoutSpark_areUsageErrors() throws IOException {
    Path parquet = dir.resolve("logs.parquet");
    writeLog(parquet, dir.resolve("logs.csv"), 10);

    assertThat(run("evaluate", "--engine", "flink", "--data", parquet.toString()).err())
        .contains("--engine must be local or spark, got 'flink'");
    Run master = run("evaluate", "--master", "local[2]", "--data", parquet.toString());
    assertThat(master.code()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(master.err()).contains("--master is for --engine spark");
  }
}
