package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.BanditLogReader;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV ingest speed in one JVM, by wall and by process CPU time (see {@link CpuTimeRunner}): the
 * log reader alone (every batch drained) on 1 thread (the sequential reader) and on 2 parse
 * threads, and {@code evaluate}'s work (ipw, snipw, dr, t interval) on 1 and 2 threads, all
 * interleaved. Prints MB/s for the reader and M rows/s for the evaluation, and the bytes per row
 * that convert one into the other.
 *
 * <p>Run: {@code java -Xmx1g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.IngestRunner
 * FILE [ROUNDS=5] [MAX_THREADS=2]}, with a file from {@link NarrowCsvGenerator} ({@code ... 2000000
 * FILE 20240601 binary full} for full-precision values).
 */
public final class IngestRunner {

  private IngestRunner() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int maxThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    long bytes = Files.size(file);
    long rows = drain(file, 1);
    Map<String, CpuTimeRunner.Work> read = new LinkedHashMap<>();
    Map<String, CpuTimeRunner.Work> evaluate = new LinkedHashMap<>();
    for (int threads = 1; threads <= maxThreads; threads++) {
      int t = threads;
      read.put("read, threads=" + t, () -> drain(file, t));
      Evaluator evaluator = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
          .withInterval(IntervalMethod.T).withThreads(t));
      evaluate.put("evaluate ipw,snipw,dr, threads=" + t, () -> {
        try (BanditLogReader reader = input(file, t).open(LogReadOptions.defaults())) {
          return evaluator.evaluate(reader).estimates().get(0).value();
        }
      });
    }
    System.out.printf("%s: %d bytes, %d rows, %.1f bytes/row, %d cores%n%n", file, bytes, rows,
        (double) bytes / rows, Runtime.getRuntime().availableProcessors());
    CpuTimeRunner.report("CSV reader alone (MB = 10^6 bytes)", read, bytes, "B", 1, rounds, false);
    CpuTimeRunner.report("evaluate, t interval", evaluate, rows, "rows", 1, rounds, false);
    readingThreadShare(file, maxThreads);
  }

  /**
   * What bounds the speed on idle cores: the reading thread's CPU time against the whole
   * process's, per read. With one thread it does all the parsing; with more it only checks
   * segments and copies rows, so the rest can run on the other cores (a busy machine hides this
   * from wall times).
   */
  private static void readingThreadShare(Path file, int maxThreads) throws Exception {
    CpuTimeRunner.callingThreadShare(maxThreads, threads -> drain(file, threads));
  }

  private static LogInput input(Path file, int threads) {
    return LogInput.of(file, InputFormat.CSV).withParseThreads(threads);
  }

  /** Reads every batch of the log; returns the rows read. */
  private static long drain(Path file, int threads) throws Exception {
    try (BanditLogReader reader = input(file, threads).open(LogReadOptions.defaults())) {
      BanditBatch batch = reader.newBatch();
      long rows = 0;
      while (reader.next(batch)) {
        rows += batch.size();
      }
      return rows;
    }
  }
}
