package io.ope4j.bench;

import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One evaluation of {@code ipw,snipw,dr} with bootstrap intervals ({@link
 * IntervalMethod#BOOTSTRAP}, {@code replicates} Poisson replicates, default 100) over a 10^6-row
 * in-memory log: per row and replicate a counter-based Poisson(1) multiplicity, then per
 * estimator the replicate sums. Scores are rows per second ({@code ops/s}, one op = one row).
 * The pandas script {@code scripts/obp_style_eval.py} does the same work the way Open Bandit
 * Pipeline does (100 resamples of n rows per estimator).
 *
 * <p>Run (about 2 minutes):
 *
 * <pre>{@code
 * cd /work/wt-bench && mvn -B -q -pl ope4j-bench -am package -DskipTests
 * java -jar ope4j-bench/target/benchmarks.jar BootstrapBenchmark -rf json -rff bootstrap.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BootstrapBenchmark.ROWS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BootstrapBenchmark {

  static final int ROWS = 1_000_000;

  @Param({"1", "2"})
  public int threads;

  @Param({"100"})
  public int replicates;

  private ColumnarLog log;
  private Evaluator evaluator;

  @Setup
  public void setUp() {
    log = SyntheticNarrowLog.generate(ROWS, EstimatorThroughputBenchmark.SEED, false).toColumnarLog();
    EvaluationConfig config =
        EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
            .withInterval(IntervalMethod.BOOTSTRAP)
            .withBootstrap(replicates, EvaluationConfig.DEFAULT_SEED)
            .withThreads(threads);
    evaluator = new Evaluator(config);
  }

  @Benchmark
  public void evaluate(Blackhole blackhole) throws IOException {
    EvaluationResult result = evaluator.evaluate(log.source());
    blackhole.consume(result);
  }
}
