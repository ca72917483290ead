package io.ope4j.bench;

import io.ope4j.environment.Bidding;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Appends Q-hat columns {@code q_0..q_{A-1}} (formats.md, "Trajectory log") to a bidding log that
 * {@code ope4j simulate --env bidding} wrote, for the trajectory benchmark against SCOPE-RL
 * (BENCHMARKS.md, "Trajectories: 10^6 episodes x 50 steps against SCOPE-RL"): the doubly robust
 * estimators of both sides then read the same Q-hat from the same file.
 *
 * <p>Q-hat(s, a) is the evaluation policy's exact {@code Q^pi(s, a)} ({@link TabularMdp#qValues})
 * plus a fixed Gaussian error of standard deviation {@code NOISE} per (state, action), drawn from
 * {@code SEED}, rounded to six significant digits (a model's stored predictions): a function of
 * the logged {@code state} column only. The input is streamed, one line at a time, and copied
 * unchanged before the new columns.
 *
 * <p>Usage: {@code java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.TrajectoryQhatColumns
 * IN.csv OUT.csv BUDGET PERIODS BIDS GAMMA TARGET [NOISE] [SEED]}, with the {@code --budget},
 * {@code --periods}, {@code --actions}, {@code --gamma} and {@code --target NAME=TARGET} policy of
 * the simulate run, e.g.
 *
 * <pre>{@code
 * ./ope4j simulate --env bidding --budget 10 --periods 50 --actions 4 --gamma 0.95 \
 *     --target greedy=epsilon-greedy:0.3 --episodes 1000 --seed 1 -o log.csv
 * java -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.TrajectoryQhatColumns \
 *     log.csv log-q.csv 10 50 4 0.95 epsilon-greedy:0.3
 * }</pre>
 *
 * NOISE defaults to 0.1 and SEED to 1. Exit code 2 on bad arguments or input, 1 on an I/O failure.
 */
public final class TrajectoryQhatColumns {

  private static final int BUFFER = 1 << 20;

  private TrajectoryQhatColumns() {}

  public static void main(String[] args) {
    if (args.length < 7 || args.length > 9) {
      System.err.println("usage: TrajectoryQhatColumns IN.csv OUT.csv BUDGET PERIODS BIDS GAMMA"
          + " TARGET [NOISE] [SEED]");
      System.exit(2);
    }
    byte[][] suffixes;
    try {
      TabularMdp mdp = Bidding.of(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]));
      double gamma = Double.parseDouble(args[5]);
      double noise = args.length > 7 ? Double.parseDouble(args[7]) : 0.1;
      long seed = args.length > 8 ? Long.parseLong(args[8]) : 1L;
      double[][] qHat = qHat(mdp, TabularPolicies.parse(args[6], mdp, gamma), gamma, noise, seed);
      suffixes = suffixes(qHat);
    } catch (IllegalArgumentException e) {
      System.err.println("TrajectoryQhatColumns: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), BUFFER);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])),
            BUFFER)) {
      long rows = append(in, out, suffixes, args[0]);
      System.err.printf("TrajectoryQhatColumns: wrote %,d rows with q_0..q_%d to %s%n", rows,
          suffixes.length == 0 ? 0 : countColumns(suffixes[0]) - 1, args[1]);
    } catch (IllegalArgumentException e) {
      System.err.println("TrajectoryQhatColumns: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("TrajectoryQhatColumns: " + e.getMessage());
      System.exit(1);
    }
  }

  /** {@code Q^pi} plus the fixed per-(state, action) error, rounded to six significant digits. */
  static double[][] qHat(TabularMdp mdp, double[][] policy, double gamma, double noise,
      long seed) {
    double[][] q = mdp.qValues(policy, gamma);
    SplittableRandom random = new SplittableRandom(seed);
    MathContext six = new MathContext(6);
    for (double[] row : q) {
      for (int a = 0; a < row.length; a++) {
        double value = row[a] + noise * random.nextGaussian();
        row[a] = new BigDecimal(value).round(six).doubleValue();
      }
    }
    return q;
  }

  /** Per state, the text {@code ,q_0,...,q_{A-1}} appended to each of its rows. */
  private static byte[][] suffixes(double[][] qHat) {
    byte[][] suffixes = new byte[qHat.length][];
    for (int s = 0; s < qHat.length; s++) {
      StringBuilder text = new StringBuilder();
      for (double value : qHat[s]) {
        text.append(',').append(value);
      }
      suffixes[s] = text.toString().getBytes(StandardCharsets.US_ASCII);
    }
    return suffixes;
  }

  private static int countColumns(byte[] suffix) {
    int commas = 0;
    for (byte b : suffix) {
      commas += b == ',' ? 1 : 0;
    }
    return commas;
  }

  /** Copies every line, the header with the new column names, rows with their state's Q-hat. */
  private static long append(InputStream in, OutputStream out, byte[][] suffixes, String name)
      throws IOException {
    byte[] line = new byte[256];
    int length = readLine(in, line);
    if (length < 0) {
      throw new IllegalArgumentException(name + ": empty file");
    }
    String header = new String(line, 0, lineLength(line, length), StandardCharsets.US_ASCII);
    int stateColumn = Arrays.asList(header.split(",", -1)).indexOf("state");
    if (stateColumn < 0) {
      throw new IllegalArgumentException(name + ": no state column");
    }
    int actions = countColumns(suffixes[0]);
    StringBuilder names = new StringBuilder(header);
    for (int a = 0; a < actions; a++) {
      names.append(",q_").append(a);
    }
    out.write(names.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
    long rows = 0;
    while ((length = readLine(in, line)) >= 0) {
      if (length > line.length) {
        throw new IllegalArgumentException(name + " row " + (rows + 1) + ": line too long");
      }
      int end = lineLength(line, length);
      if (end == 0) {
        continue;
      }
      rows++;
      int state = field(line, end, stateColumn);
      if (state < 0 || state >= suffixes.length) {
        throw new IllegalArgumentException(name + " row " + rows + ", state: must be in [0, "
            + suffixes.length + "), got " + state);
      }
      out.write(line, 0, end);
      out.write(suffixes[state]);
      out.write('\n');
    }
    return rows;
  }

  /** Reads a line (without its newline) into {@code line}; its length, or -1 at the end. */
  private static int readLine(InputStream in, byte[] line) throws IOException {
    int length = 0;
    int b = in.read();
    if (b < 0) {
      return -1;
    }
    while (b >= 0 && b != '\n') {
      if (length == line.length) {
        return line.length + 1; // too long: the caller refuses it
      }
      line[length++] = (byte) b;
      b = in.read();
    }
    return length;
  }

  /** The length without a trailing carriage return. */
  private static int lineLength(byte[] line, int length) {
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }

  /** The non-negative integer in field {@code column}, or -1 if it is not one. */
  private static int field(byte[] line, int end, int column) {
    int i = 0;
    for (int c = 0; c < column; c++) {
      while (i < end && line[i] != ',') {
        i++;
      }
      i++;
    }
    int value = 0;
    int digits = 0;
    while (i < end && line[i] != ',') {
      int digit = line[i++] - '0';
      if (digit < 0 || digit > 9 || digits > 9) {
        return -1;
      }
      value = value * 10 + digit;
      digits++;
    }
    return digits == 0 ? -1 : value;
  }
}
