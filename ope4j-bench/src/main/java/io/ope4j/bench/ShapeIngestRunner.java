package io.ope4j.bench;

import io.ope4j.continuous.ContinuousBatch;
import io.ope4j.data.BanditBatch;
import io.ope4j.io.BanditLogReader;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.SlateLogReader;
import io.ope4j.io.TableReader;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.io.internal.Gzip;
import io.ope4j.sequential.EpisodeSteps;
import io.ope4j.slate.SlateBatch;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV ingest of one log shape in one JVM, by wall and by process CPU time (see {@link
 * CpuTimeRunner}), interleaved: the table alone on one thread (every column parsed into numbers,
 * no schema: what the parse costs), and the shape's reader (parse, checks and grouping; every
 * batch, slate or episode drained) on 1 to MAX_THREADS threads. MB counts the CSV text (after
 * gzip), so plain and gzip files compare. A gzip file, like standard input, is decompressed on a
 * thread of its own while the parse threads parse.
 *
 * <p>Run: {@code java -Xmx1g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.ShapeIngestRunner
 * bandit|slate|trajectory|continuous FILE [ROUNDS=5] [MAX_THREADS=2]}, with a file from {@code
 * ope4j simulate} (or {@link NarrowCsvGenerator} for bandit), plain or gzip, or its Parquet copy
 * ({@code ope4j convert}): the format is told by the file's first bytes. For Parquet, MB counts
 * the stored file, "table alone" is the row-wise table of every column, and the shape's reader
 * decodes row groups on its threads.
 */
public final class ShapeIngestRunner {

  private ShapeIngestRunner() {}

  /** Drains a reader over the input; returns a count for the checksum. */
  private interface Drain {
    long run(LogInput input) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String shape = args[0];
    Path file = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int maxThreads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Drain drain = switch (shape) {
      case "bandit" -> ShapeIngestRunner::bandit;
      case "slate" -> ShapeIngestRunner::slates;
      case "trajectory" -> ShapeIngestRunner::episodes;
      case "continuous" -> ShapeIngestRunner::continuous;
      default -> throw new IllegalArgumentException("shape: bandit, slate, trajectory or continuous, got " + shape);
    };
    long textBytes = textBytes(file);
    Map<String, CpuTimeRunner.Work> work = new LinkedHashMap<>();
    work.put("table alone, threads=1", () -> table(input(file, 1)));
    for (int threads = 1; threads <= maxThreads; threads++) {
      int t = threads;
      work.put(shape + " reader, threads=" + t, () -> drain.run(input(file, t)));
    }
    System.out.printf("%s: %d bytes stored, %d bytes of CSV text, %d units drained, %d cores%n%n", file,
        Files.size(file), textBytes, drain.run(input(file, 1)), Runtime.getRuntime().availableProcessors());
    CpuTimeRunner.report(shape + " CSV ingest (MB = 10^6 bytes of text)", work, textBytes, "B", 1, rounds, false);
    readingThreadShare(file, drain, maxThreads);
  }

  /**
   * What bounds the speed on idle cores, which a busy machine hides from wall times: the calling
   * thread's CPU time against the whole process's, per read. With one thread it does all the
   * work; with more, the parse runs on the workers (and gzip on its own thread) and the calling
   * thread keeps the checks and the grouping.
   */
  private static void readingThreadShare(Path file, Drain drain, int maxThreads) throws Exception {
    CpuTimeRunner.callingThreadShare(maxThreads, threads -> drain.run(input(file, threads)));
  }

  private static LogInput input(Path file, int threads) {
    return LogInput.of(file, InputFormat.AUTO).withParseThreads(threads);
  }

  /** Bytes of CSV text: the file's, decompressed if gzip. */
  private static long textBytes(Path file) throws Exception {
    try (InputStream in = Gzip.decompressIfGzip(Files.newInputStream(file), file.toString())) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** Every row, every column as a number: the parse without a schema. */
  private static long table(LogInput input) throws Exception {
    try (TableReader table = input.openTable()) {
      int[] columns = new int[table.header().size()];
      Arrays.setAll(columns, c -> c);
      TableReader.Kind[] kinds = new TableReader.Kind[columns.length];
      Arrays.fill(kinds, TableReader.Kind.NUMBER);
      table.select(columns, kinds);
      long rows = 0;
      while (table.nextRow()) {
        rows++;
      }
      return rows;
    }
  }

  private static long bandit(LogInput input) throws Exception {
    try (BanditLogReader reader = input.open(LogReadOptions.defaults())) {
      BanditBatch batch = reader.newBatch();
      long rows = 0;
      while (reader.next(batch)) {
        rows += batch.size();
      }
      return rows;
    }
  }

  private static long slates(LogInput input) throws Exception {
    try (SlateLogReader reader = SlateLogReader.open(input, 1e-6)) {
      SlateBatch batch = new SlateBatch(reader.slateLength(), 4096);
      long slates = 0;
      for (int n = reader.next(batch); n > 0; n = reader.next(batch)) {
        slates += n;
      }
      return slates;
    }
  }

  private static long episodes(LogInput input) throws Exception {
    try (TrajectoryLogReader reader = TrajectoryLogReader.open(input, TrajectoryReadOptions.defaults())) {
      EpisodeSteps episode = new EpisodeSteps(reader.policyNames().size());
      long episodes = 0;
      while (reader.next(episode)) {
        episodes++;
      }
      return episodes;
    }
  }

  private static long continuous(LogInput input) throws Exception {
    try (ContinuousLogReader reader = ContinuousLogReader.open(input, ContinuousReadOptions.defaults())) {
      ContinuousBatch batch = new ContinuousBatch(reader.layout(), 4096);
      long rows = 0;
      while (reader.next(batch)) {
        rows += batch.size();
      }
      return rows;
    }
  }
}
