package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.BanditLogReader;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogConverter;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parquet against CSV ingest of the same log, side by side in one JVM, by process CPU time and
 * wall time (see {@link CpuTimeRunner}): each reader alone (every batch drained) and {@code
 * evaluate}'s work (ipw, snipw, dr, t interval) on 1 to MAX_THREADS threads, all interleaved.
 * The Parquet file is the CSV converted by {@link LogConverter} (row groups of 2^20 rows), made
 * once next to the CSV; both give the same batches, so the rows per second compare directly.
 *
 * <p>Run: {@code java -Xmx1g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.ParquetIngestRunner
 * FILE.csv [ROUNDS=5] [MAX_THREADS=2]}, with a file from {@link NarrowCsvGenerator} ({@code ...
 * 4000000 FILE.csv 20240601 binary full} for full-precision values).
 */
public final class ParquetIngestRunner {

  private ParquetIngestRunner() {}

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int maxThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path parquet = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".parquet");
    if (!Files.exists(parquet)) {
      LogConverter.convert(LogInput.of(csv, InputFormat.CSV), parquet, InputFormat.PARQUET);
    }
    long rows = drain(csv, 1);
    if (drain(parquet, 1) != rows) {
      throw new IllegalStateException(parquet + " does not hold the rows of " + csv);
    }
    Map<String, CpuTimeRunner.Work> read = new LinkedHashMap<>();
    Map<String, CpuTimeRunner.Work> evaluate = new LinkedHashMap<>();
    for (int threads = 1; threads <= maxThreads; threads++) {
      int t = threads;
      Evaluator evaluator = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
          .withInterval(IntervalMethod.T).withThreads(t));
      for (Path file : new Path[] {csv, parquet}) {
        String name = (file == csv ? "CSV" : "Parquet") + ", threads=" + t;
        read.put("read " + name, () -> drain(file, t));
        evaluate.put("evaluate " + name, () -> {
          try (BanditLogReader reader = LogInput.of(file, InputFormat.AUTO).withParseThreads(t)
              .open(LogReadOptions.defaults())) {
            return evaluator.evaluate(reader).estimates().get(0).value();
          }
        });
      }
    }
    System.out.printf("%s: %d bytes; %s: %d bytes; %d rows; %d cores%n%n", csv, Files.size(csv), parquet,
        Files.size(parquet), rows, Runtime.getRuntime().availableProcessors());
    CpuTimeRunner.report("reader alone", read, rows, "rows", 1, rounds, false);
    CpuTimeRunner.report("evaluate ipw,snipw,dr, t interval", evaluate, rows, "rows", 1, rounds, false);
  }

  /** Reads every batch of the log; returns the rows read. */
  private static long drain(Path file, int threads) throws Exception {
    try (BanditLogReader reader = LogInput.of(file, InputFormat.AUTO).withParseThreads(threads)
        .open(LogReadOptions.defaults())) {
      BanditBatch batch = reader.newBatch();
      long rows = 0;
      while (reader.next(batch)) {
        rows += batch.size();
      }
      return rows;
    }
  }
}
