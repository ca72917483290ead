package io.ope4j.sequential.distribution;

import io.ope4j.data.UsageException;
import java.util.Arrays;

/**
 * The sorted points {@code m_0 < ... < m_{M-1}} at which a CDF of the return is estimated (SCOPE-RL's
 * {@code reward_scale}).
 */
public final class ReturnGrid {

  private final double[] points;

  private ReturnGrid(double[] points) {
    this.points = points;
  }

  /**
   * The grid of {@code points}, which must be finite, at least two and strictly increasing.
   *
   * @throws UsageException otherwise, naming the first offending point
   */
  public static ReturnGrid of(double[] points) {
    if (points.length < 2) {
      throw new UsageException("a return grid needs at least 2 points, got " + points.length);
    }
    for (int j = 0; j < points.length; j++) {
      if (!Double.isFinite(points[j])) {
        throw new UsageException("return grid point " + j + " is not finite: " + points[j]);
      }
      if (j > 0 && !(points[j] > points[j - 1])) {
        throw new UsageException("return grid points must increase strictly; point " + j + " is "
            + points[j] + " after " + points[j - 1]);
      }
    }
    return new ReturnGrid(points.clone());
  }

  /** {@code count} evenly spaced points from {@code lower} to {@code upper}, as numpy's linspace. */
  public static ReturnGrid linspace(double lower, double upper, int count) {
    if (count < 2 || !(upper > lower)) {
      throw new UsageException("a return grid LO,HI,N needs LO < HI and N >= 2, got " + lower + ","
          + upper + "," + count);
    }
    double[] points = new double[count];
    double step = (upper - lower) / (count - 1);
    for (int j = 0; j < count; j++) {
      points[j] = j * step + lower;
    }
    points[count - 1] = upper;
    return of(points);
  }

  /** The sorted distinct values of {@code values} (SCOPE-RL's default reward scale). */
  public static ReturnGrid distinct(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int kept = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (kept == 0 || sorted[i] != sorted[kept - 1]) {
        sorted[kept++] = sorted[i];
      }
    }
    return of(Arrays.copyOf(sorted, kept));
  }

  /** Parses {@code LO,HI,N} (evenly spaced, as SCOPE-RL's custom reward scale). */
  public static ReturnGrid parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new UsageException("--reward-scale must be LO,HI,N (or auto, data), got '" + text + "'");
    }
    try {
      return linspace(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
          Integer.parseInt(parts[2].trim()));
    } catch (NumberFormatException e) {
      throw new UsageException("--reward-scale must be LO,HI,N with numbers, got '" + text + "'");
    }
  }

  /** Number of points M. */
  public int size() {
    return points.length;
  }

  /** Point {@code j}. */
  public double point(int j) {
    return points[j];
  }

  /** A copy of the points. */
  public double[] points() {
    return points.clone();
  }

  double first() {
    return points[0];
  }

  double last() {
    return points[points.length - 1];
  }

  /** The first {@code j} with {@code x <= m_j}, or M when {@code x} is above every point. */
  int firstAtOrAbove(double x) {
    int lo = 0;
    int hi = points.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** numpy's histogram bin of {@code x} in [m_0, m_{M-1}]: bins [m_j, m_{j+1}), the last closed. */
  int histogramBin(double x) {
    int above = firstAbove(x);
    return Math.min(above - 1, points.length - 2);
  }

  /** The number of points {@code <= x}. */
  private int firstAbove(double x) {
    int lo = 0;
    int hi = points.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
