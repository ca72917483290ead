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
 * ROWS PATH [SEED] [binary|continuous] [short|full]}, e.g.
 *
 * <pre>{@code
 * java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.NarrowCsvGenerator \
 *     10000000 bench-data/narrow-10m.csv 20240601
 * }</pre>
 *
 * The seed defaults to the benchmarks' (20240601) and rewards to binary. {@code full} writes
 * pscore, pi, q and q_pi at full precision instead ({@code Double.toString} of each value scaled
 * by a factor in (1 - 10^-7, 1], drawn from the same seed: 17 significant digits, as Python's
 * {@code repr} and most exporters write doubles; about 85 bytes per row). Exit code 2 on bad
 * arguments, 1 on a write failure.
 */
public final class NarrowCsvGenerator {

  private static final int CHUNK_ROWS = 1 << 16;
  private static final byte[] HEADER =
      "action,reward,pscore,pi,q,q_pi\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] buffer = new byte[1 << 20];
  private int length;
  private final OutputStream out;
  /** Draws the full-precision factors, or null for values of at most six decimals. */
  private final SplittableRandom jitter;

  private NarrowCsvGenerator(OutputStream out, SplittableRandom jitter) {
    this.out = out;
    this.jitter = jitter;
  }

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 5) {
      System.err.println("usage: NarrowCsvGenerator ROWS PATH [SEED] [binary|continuous] [short|full]");
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
    String digits = args.length > 4 ? args[4] : "short";
    if (rows < 0 || !(kind.equals("binary") || kind.equals("continuous"))
        || !(digits.equals("short") || digits.equals("full"))) {
      System.err.println("ROWS must be >= 0, the reward kind binary or continuous, the digits short or full");
      System.exit(2);
    }
    Path path = Path.of(args[1]);
    long start = System.nanoTime();
    try {
      write(rows, path, seed, kind.equals("continuous"), digits.equals("full"));
    } catch (IOException e) {
      System.err.println("cannot write " + path + ": " + e.getMessage());
      System.exit(1);
    }
    System.err.printf("wrote %d rows to %s in %.2f s%n", rows, path, (System.nanoTime() - start) / 1e9);
  }

  /** Writes {@code rows} rows drawn from {@code seed} to {@code path} (replacing it). */
  public static void write(long rows, Path path, long seed, boolean continuousReward) throws IOException {
    write(rows, path, seed, continuousReward, false);
  }

  /** As {@link #write(long, Path, long, boolean)}, with {@code fullPrecision} values if asked. */
  public static void write(long rows, Path path, long seed, boolean continuousReward, boolean fullPrecision)
      throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = new FileOutputStream(path.toFile())) {
      NarrowCsvGenerator writer = new NarrowCsvGenerator(file, fullPrecision ? new SplittableRandom(~seed) : null);
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
    if (length > buffer.length - 256) {
      flush();
    }
    integer(log.action[i]);
    buffer[length++] = ',';
    micro(log.reward[i]);
    buffer[length++] = ',';
    value(log.pscore[i]);
    buffer[length++] = ',';
    value(log.pi[i]);
    buffer[length++] = ',';
    value(log.q[i]);
    buffer[length++] = ',';
    value(log.qPi[i]);
    buffer[length++] = '\n';
  }

  /** The value with at most six decimals, or at full precision. */
  private void value(double value) {
    if (jitter == null) {
      micro(value);
      return;
    }
    String text = Double.toString(value * (1 - 1e-7 * jitter.nextDouble()));
    for (int k = 0; k < text.length(); k++) {
      buffer[length++] = (byte) text.charAt(k);
    }
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
