package io.ope4j.bench;

import io.ope4j.io.ParquetLogWriter;
import io.ope4j.io.TableReader.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the {@link SyntheticNarrowLog} ({@code action,reward,pscore,pi,q,q_pi}) as a directory of
 * Parquet part files ({@link ParquetLogWriter}: snappy, row groups of 2^20 rows), for runs too
 * large for a CSV detour: {@code part-00000.parquet} .. in name order. Part {@code p} holds rows
 * drawn from {@code SEED + p}, at full precision as {@link NarrowCsvGenerator}'s {@code full}
 * (each value scaled by a factor in (1 - 10^-7, 1] drawn from {@code ~(SEED + p)}), so parts can
 * be written by several processes at once. About 33 bytes per row.
 *
 * <p>Usage: {@code java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.NarrowParquetGenerator
 * ROWS_PER_PART DIR FIRST_PART LAST_PART [SEED]}, e.g. parts 0 to 15 of 62,500,000 rows for 10^9
 * rows, written as two processes of 8 parts each (ope4j-bench/scripts/parquet_1e9.sh). Exit code
 * 2 on bad arguments, 1 on a write failure.
 */
public final class NarrowParquetGenerator {

  private static final int CHUNK_ROWS = 1 << 16;
  private static final List<String> COLUMNS = List.of("action", "reward", "pscore", "pi", "q", "q_pi");
  private static final Kind[] KINDS = {Kind.INTEGER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER};

  private NarrowParquetGenerator() {}

  public static void main(String[] args) {
    if (args.length < 4 || args.length > 5) {
      System.err.println("usage: NarrowParquetGenerator ROWS_PER_PART DIR FIRST_PART LAST_PART [SEED]");
      System.exit(2);
    }
    long rows;
    int first;
    int last;
    long seed;
    try {
      rows = Long.parseLong(args[0]);
      first = Integer.parseInt(args[2]);
      last = Integer.parseInt(args[3]);
      seed = args.length > 4 ? Long.parseLong(args[4]) : EstimatorThroughputBenchmark.SEED;
    } catch (NumberFormatException e) {
      System.err.println("ROWS_PER_PART, the parts and SEED must be integers: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (rows < 0 || first < 0 || last < first) {
      System.err.println("ROWS_PER_PART must be >= 0 and 0 <= FIRST_PART <= LAST_PART");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    try {
      Files.createDirectories(dir);
      for (int part = first; part <= last; part++) {
        long start = System.nanoTime();
        Path file = dir.resolve(String.format("part-%05d.parquet", part));
        writePart(rows, file, seed + part);
        System.err.printf("wrote %d rows to %s in %.1f s%n", rows, file, (System.nanoTime() - start) / 1e9);
      }
    } catch (IOException e) {
      System.err.println("cannot write into " + dir + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /** Writes {@code rows} rows drawn from {@code seed} to {@code file} (replacing it). */
  static void writePart(long rows, Path file, long seed) throws IOException {
    SyntheticNarrowLog chunk = SyntheticNarrowLog.buffer(CHUNK_ROWS);
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom jitter = new SplittableRandom(~seed);
    try (ParquetLogWriter out = ParquetLogWriter.open(file, COLUMNS, KINDS)) {
      for (long done = 0; done < rows; ) {
        int n = (int) Math.min(CHUNK_ROWS, rows - done);
        chunk.fill(random, n, false);
        for (int i = 0; i < n; i++) {
          out.writeInt(chunk.action[i]).writeDouble(chunk.reward[i]).writeDouble(full(chunk.pscore[i], jitter))
              .writeDouble(full(chunk.pi[i], jitter)).writeDouble(full(chunk.q[i], jitter))
              .writeDouble(full(chunk.qPi[i], jitter)).endRow();
        }
        done += n;
      }
    }
  }

  private static double full(double value, SplittableRandom jitter) {
    return value * (1 - 1e-7 * jitter.nextDouble());
  }
}
