package io.ope4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryEvaluation;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.io.report.TrajectoryReport;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trajectory logs on Spark give the local engine's result to the bit, bootstrap included, on
 * partitionings that cut episodes and chunks of episodes anywhere (one partition; a few; many
 * more than chunks, so that one episode or chunk spans several), and the local reader's first
 * error on a bad log.
 */
class SparkTrajectoryEvaluatorTest {

  /** More than two chunks of 1,024 episodes, so chunks are cut by partitions. */
  private static final int EPISODES = 2_300;
  private static final TrajectoryReadOptions OPTIONS = TrajectoryReadOptions.defaults();

  @TempDir static Path dir;
  static SparkSession spark;
  static Trajectories log;
  static Path csv;

  @BeforeAll
  static void start() throws IOException {
    spark = TestSpark.start();
    log = new Trajectories(11, EPISODES);
    csv = log.writeCsv(dir.resolve("episodes.csv"));
  }

  private static SequentialConfig config(IntervalMethod method) {
    List<SequentialEstimator> all = new ArrayList<>();
    for (String id : "dm,tis,pdis,sntis,snpdis,dr,sndr".split(",")) {
      all.add(SequentialEstimator.parse(id));
    }
    return SequentialConfig.of(all, 0.95).withInterval(method, 200, 7);
  }

  private static SequentialResult local(Path file, SequentialConfig config) throws IOException {
    return TrajectoryEvaluation.evaluate(LogInput.of(file.toString()).reopenable(), OPTIONS, config, 2);
  }

  private static SequentialResult spark(Trajectories rows, int partitions, String source,
      SequentialConfig config) {
    return new SparkTrajectoryEvaluator(config, OPTIONS).evaluate(rows.dataset(spark, partitions), source);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 40})
  void bootstrap_sameBitsAsLocal_onAnyPartitioning(int partitions) throws IOException {
    SequentialConfig config = config(IntervalMethod.BOOTSTRAP);
    SequentialResult local = local(csv, config);

    SequentialResult onSpark = spark(log, partitions, csv.toString(), config);

    assertThat(local.episodes()).isEqualTo(EPISODES);
    assertSameBits(onSpark, local, config);
  }

  @Test
  void tInterval_withHorizonCapAndClip_sameBitsAsLocal() throws IOException {
    SequentialConfig config = config(IntervalMethod.T).withLimits(3, 4.0);
    assertSameBits(spark(log, 5, csv.toString(), config), local(csv, config), config);
  }

  @Test
  void highConfidenceBound_sameBitsAsLocal() throws IOException {
    // hcope's split of episodes is keyed by episode id, its sums merge: any partitioning agrees
    SequentialConfig config = SequentialConfig.of(
            List.of(SequentialEstimator.parse("tis"), SequentialEstimator.parse("pdis")), 0.95)
        .withLimits(6, Double.POSITIVE_INFINITY)
        .withRewardRange(0, 1)
        .withInterval(IntervalMethod.HCOPE, 200, 7);
    assertSameBits(spark(log, 6, csv.toString(), config), local(csv, config), config);
  }

  @Test
  void stepOutOfOrder_sameMessageAsLocal() throws IOException {
    assertSameError(rows -> rows.get(rows.size() / 2 + 1)[1] = 7, "step");
  }

  @Test
  void episodeSplitAcrossPartitions_sameMessageAsLocal() throws IOException {
    // the first episode's id comes back near the end: rows far apart, in other partitions
    assertSameError(rows -> {
      double first = rows.get(0)[0];
      int at = rows.size() - 40;
      while (rows.get(at)[1] != 0) {
        at++;
      }
      long id = (long) rows.get(at)[0];
      for (int r = at; r < rows.size() && rows.get(r)[0] == id; r++) {
        rows.get(r)[0] = first;
      }
    }, "appears again");
  }

  @Test
  void doneBeforeLastRow_sameMessageAsLocal() throws IOException {
    assertSameError(rows -> {
      int at = rows.size() / 3;
      while (rows.get(at + 1)[1] == 0) {
        at++;
      }
      rows.get(at)[2] = 1;
    }, "marked done before its last row");
  }

  @Test
  void badPscore_sameMessageAsLocal() throws IOException {
    assertSameError(rows -> rows.get(rows.size() - 5)[5] = 0.0, "pscore");
  }

  /** Same JSON as {@code evaluate --format json} prints, and every double (arrays too) the same bits. */
  static void assertSameBits(SequentialResult onSpark, SequentialResult local, SequentialConfig config)
      throws IOException {
    assertThat(json(onSpark, config)).isEqualTo(json(local, config));
    assertThat(onSpark).usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b), Double.class)
        .isEqualTo(local);
  }

  static String json(SequentialResult result, SequentialConfig config) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    TrajectoryReport.of(result, config).writeJson(new java.io.PrintWriter(text));
    return text.toString();
  }

  /** Breaks a copy of the log, then evaluates it locally and on several partitionings. */
  private void assertSameError(Consumer<List<double[]>> breakIt, String expected) throws IOException {
    Trajectories bad = new Trajectories(11, EPISODES);
    breakIt.accept(bad.rows);
    Path file = bad.writeCsv(dir.resolve("bad-" + expected.replace(' ', '-') + ".csv"));
    SequentialConfig config = config(IntervalMethod.BOOTSTRAP);
    InvalidDataException local = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidDataException.class, () -> local(file, config));
    assertThat(local.getMessage()).contains(expected);
    for (int partitions : new int[] {1, 4, 13}) {
      assertThatThrownBy(() -> spark(bad, partitions, file.toString(), config))
          .as("%d partitions", partitions)
          .isInstanceOf(InvalidDataException.class)
          .hasMessage(local.getMessage());
    }
  }
}
