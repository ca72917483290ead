package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.engine.TermMoments;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SNIPW's arithmetic alone, on one thread, over the 10^7-row columns of {@link
 * EstimatorThroughputBenchmark} ({@code pi}, {@code pscore}, {@code reward}, seeded): how close
 * the engine's per-block work comes to a plain loop and to C. Scores are rows per second. The
 * target is 350 M rows/s per core; {@code scripts/snipw_kernel.c} ({@code gcc -O3
 * -march=native}) is the baseline and must be run in the same session ({@code
 * scripts/run_kernel_baseline.sh}).
 *
 * <ul>
 *   <li>{@link #plainLoop}: {@code sum w*r, sum w} with {@code w = pi / pscore}, one fused loop,
 *       the same arithmetic as the C loop;
 *   <li>{@link #blockedNeumaier}: the same, plain sums per 1024-row block combined with Neumaier
 *       sums (the layout design.md measured at about 510 M rows/s);
 *   <li>{@link #engineBlocks}: what the engine does per 1024-row block for SNIPW, through the
 *       public API only: {@code Estimators.parse("snipw").terms(...)} into scratch arrays, then
 *       {@link TermMoments#addBlock} (five sums, four extremes);
 *   <li>{@link #engineBlocksWithWeightStats}: the same plus {@link WeightStats#addBlock}, the
 *       per-policy weight diagnostics the engine also folds in every block (the whole per-row
 *       work of a worker in a T-interval evaluation);
 *   <li>{@link #termsOnly}, {@link #termMomentsOnly}, {@link #weightStatsOnly}: the three parts of
 *       the above one at a time ({@code termMomentsOnly} re-adds one L1-resident block, so it
 *       times the arithmetic without memory traffic).
 * </ul>
 *
 * <p>Run (about 2 minutes):
 *
 * <pre>{@code
 * cd /work/wt-bench && mvn -B -q -pl ope4j-bench -am package -DskipTests
 * java -jar ope4j-bench/target/benchmarks.jar SnipwKernelBenchmark -rf json -rff kernel.json
 * ope4j-bench/scripts/run_kernel_baseline.sh
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SnipwKernelBenchmark.ROWS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SnipwKernelBenchmark {

  static final int ROWS = 10_000_000;
  private BanditBatch batch;
  private Estimator snipw;
  private final double[] x = new double[SnipwKernels.BLOCK];
  private final double[] d = new double[SnipwKernels.BLOCK];

  @Setup
  public void setUp() {
    batch = columns(ROWS);
    snipw = Estimators.parse("snipw");
    snipw.terms(batch, 0, 0, SnipwKernels.BLOCK, null, x, d);
  }

  /** The benchmarks' seeded {@code pi, pscore, reward, action} columns as one batch of {@code rows} rows. */
  static BanditBatch columns(int rows) {
    SyntheticNarrowLog log = SyntheticNarrowLog.generate(rows, EstimatorThroughputBenchmark.SEED, false);
    BanditBatch batch =
        new BanditBatch(new LogLayout(List.of("pi"), false, false, SyntheticNarrowLog.ACTIONS), rows);
    System.arraycopy(log.pi, 0, batch.piLogged(0), 0, rows);
    System.arraycopy(log.pscore, 0, batch.pscore(), 0, rows);
    System.arraycopy(log.reward, 0, batch.reward(), 0, rows);
    System.arraycopy(log.action, 0, batch.action(), 0, rows);
    batch.setRows(0, rows);
    return batch;
  }

  @Benchmark
  public void plainLoop(Blackhole blackhole) {
    blackhole.consume(SnipwKernels.plainLoop(batch));
  }

  @Benchmark
  public void blockedNeumaier(Blackhole blackhole) {
    blackhole.consume(SnipwKernels.blockedNeumaier(batch));
  }

  @Benchmark
  public void engineBlocks(Blackhole blackhole) {
    TermMoments moments = SnipwKernels.engineBlocks(batch, snipw, null, x, d);
    blackhole.consume(moments.value());
    blackhole.consume(moments.standardError());
  }

  @Benchmark
  public void engineBlocksWithWeightStats(Blackhole blackhole) {
    TermMoments moments = new TermMoments(true, false);
    WeightStats weights = SnipwKernels.engineBlocksWithWeightStats(batch, snipw, null, x, d, moments);
    blackhole.consume(moments.value());
    blackhole.consume(weights.finish());
  }

  @Benchmark
  public void termsOnly(Blackhole blackhole) {
    blackhole.consume(SnipwKernels.termsOnly(batch, snipw, null, x, d));
  }

  @Benchmark
  public void termMomentsOnly(Blackhole blackhole) {
    blackhole.consume(SnipwKernels.termMomentsOnly(ROWS, x, d).value());
  }

  @Benchmark
  public void weightStatsOnly(Blackhole blackhole) {
    WeightStats weights = SnipwKernels.weightStatsOnly(batch);
    blackhole.consume(weights.count());
    blackhole.consume(weights.quantile(0.5));
  }
}
