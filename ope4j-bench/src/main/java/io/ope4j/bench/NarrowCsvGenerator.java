package io.ope4j.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the {@link SyntheticNarrowLog} as an uncompressed narrow CSV ({@code
 * action,reward,pscore,pi,q,q_pi}, formats.md) for end-to-end comparisons: the same seed gives
 * the same rows as the benchmarks' in-memory log, and every value is written with at most six
 * decimals, which parse back to exactly the in-memory doubles. About 50 bytes per row; 10^7 rows
 * take a few seconds (numbers are formatted from their integer micro-units, not with {@code
 * Double.toString}).
 *
 * <p>Usage: {@code java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.NarrowCsvGenerator
 * ROWS PATH [SEED] [binary|continuous]}, e.g.
 *
 * <pre>{@code
 * java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.NarrowCsvGenerator \
 *     10000000 bench-data/narrow-10m.csv 20240601
 * }</pre>
 *
 * The seed defaults to the benchmarks' (20240601) and rewards to binary. Exit code 2 on bad
 * arguments, 1 on a write failure.
 */
public final class NarrowCsvGenerator {

  private static final int CHUNK_ROWS = 1 << 16;
  private static final byte[] HEADER =
      "action,reward,pscore,pi,q,q_pi\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] buffer = new byte[1 << 20];
  private int length;
  private final OutputStream out;

  private NarrowCsvGenerator(OutputStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: NarrowCsvGenerator ROWS PATH [SEED] [binary|continuous]");
      System.exit(2);
    }
    long rows;
    long seed;
    try {
      rows = Long.parseLong(args[0]);
      seed = args.length > 2 ? Long.parseLong(args[2]) : EstimatorThroughputBenchmark.SEED;
    } catch (NumberFormatException e) {
      System.err.println("ROWS and SEED must be integers: " + e.getMessage());
      System.exit(2);
      return;
    }
    String kind = args.length > 3 ? args[3] : "binary";
    if (rows < 0 || !(kind.equals("binary") || kind.equals("continuous"))) {
      System.err.println("ROWS must be >= 0 and the reward kind binary or continuous");
      System.exit(2);
    }
    Path path = Path.of(args[1]);
    long start = System.nanoTime();
    try {
      write(rows, path, seed, kind.equals("continuous"));
    } catch (IOException e) {
      System.err.println("cannot write " + path + ": " + e.getMessage());
      System.exit(1);
    }
    System.err.printf("wrote %d rows to %s in %.2f s%n", rows, path, (System.nanoTime() - start) / 1e9);
  }

  /** Writes {@code rows} rows drawn from {@code seed} to {@code path} (replacing it). */
  public static void write(long rows, Path path, long seed, boolean continuousReward) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = new FileOutputStream(path.toFile())) {
      NarrowCsvGenerator writer = new NarrowCsvGenerator(file);
      writer.bytes(HEADER);
      SyntheticNarrowLog chunk = SyntheticNarrowLog.buffer(CHUNK_ROWS);
      SplittableRandom random = new SplittableRandom(seed);
      for (long done = 0; done < rows; ) {
        int n = (int) Math.min(CHUNK_ROWS, rows - done);
        chunk.fill(random, n, continuousReward);
        for (int i = 0; i < n; i++) {
          writer.row(chunk, i);
        }
        done += n;
      }
      writer.flush();
    }
  }

  private void row(SyntheticNarrowLog log, int i) throws IOException {
    if (length > buffer.length - 128) {
      flush();
    }
    integer(log.action[i]);
    buffer[length++] = ',';
    micro(log.reward[i]);
    buffer[length++] = ',';
    micro(log.pscore[i]);
    buffer[length++] = ',';
    micro(log.pi[i]);
    buffer[length++] = ',';
    micro(log.q[i]);
    buffer[length++] = ',';
    micro(log.qPi[i]);
    buffer[length++] = '\n';
  }

  /** A multiple of 10^-6 in shortest fixed-point form: 0, 1, 0.5, -0.25, 0.000123. */
  private void micro(double value) {
    long units = Math.round(value * 1e6);
    if (units < 0) {
      buffer[length++] = '-';
      units = -units;
    }
    integer(units / 1_000_000);
    int fraction = (int) (units % 1_000_000);
    if (fraction == 0) {
      return;
    }
    buffer[length++] = '.';
    int digits = 6;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    for (int k = digits - 1; k >= 0; k--) {
      buffer[length + k] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    length += digits;
  }

  private void integer(long value) {
    if (value < 10) {
      buffer[length++] = (byte) ('0' + value);
      return;
    }
    int digits = 0;
    for (long v = value; v > 0; v /= 10) {
      digits++;
    }
    for (int k = digits - 1; k >= 0; k--) {
      buffer[length + k] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
  }

  private void bytes(byte[] data) throws IOException {
    flush();
    out.write(data);
  }

  private void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }
}
