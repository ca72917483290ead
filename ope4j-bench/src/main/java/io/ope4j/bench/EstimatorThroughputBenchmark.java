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
 * One full evaluation of a 10^7-row in-memory log through {@link Evaluator}: the reading thread
 * copies {@link ColumnarLog} columns into 4096-row batches, worker threads fold chunks of 16
 * batches (importance-weight diagnostics, the estimator's terms, their moments), the chunks are
 * merged in order and finished with a Student-t interval ({@link IntervalMethod#T}, the
 * default). The score is rows per second ({@code ops/s} with one op = one row).
 *
 * <p>The log carries the reward-model columns for every estimator (as a file with {@code q,
 * q_pi} would), so {@code ipw} and {@code snipw} also pay for copying them. {@code threads} is
 * the number of worker threads; the reading thread comes on top, so {@code threads=2} uses three
 * threads on a two-core machine.
 *
 * <p>Run (about 4 minutes):
 *
 * <pre>{@code
 * cd /work/wt-bench && mvn -B -q -pl ope4j-bench -am package -DskipTests
 * java -jar ope4j-bench/target/benchmarks.jar EstimatorThroughputBenchmark -rf json -rff throughput.json
 * }</pre>
 *
 * Smoke run: append {@code -f 1 -wi 1 -i 2 -w 1s -r 1s}. Continuous rewards: {@code -p
 * reward=continuous}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EstimatorThroughputBenchmark.ROWS)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EstimatorThroughputBenchmark {

  static final int ROWS = 10_000_000;
  static final long SEED = 20240601L;

  @Param({"ipw", "snipw", "dr"})
  public String estimator;

  @Param({"1", "2"})
  public int threads;

  /** {@code binary} (0/1) or {@code continuous} rewards. */
  @Param({"binary"})
  public String reward;

  private ColumnarLog log;
  private Evaluator evaluator;

  @Setup
  public void setUp() {
    log = SyntheticNarrowLog.generate(ROWS, SEED, reward.equals("continuous")).toColumnarLog();
    EvaluationConfig config =
        EvaluationConfig.of(Estimators.parseList(estimator))
            .withInterval(IntervalMethod.T)
            .withThreads(threads);
    evaluator = new Evaluator(config);
  }

  @Benchmark
  public void evaluate(Blackhole blackhole) throws IOException {
    EvaluationResult result = evaluator.evaluate(log.source());
    blackhole.consume(result);
  }
}
