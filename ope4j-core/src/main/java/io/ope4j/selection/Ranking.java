package io.ope4j.selection;

/**
 * Orders and ranks of candidates by value, on plain arrays. Comparisons use {@code <} and
 * {@code >}, so {@code -0.0} and {@code 0.0} tie (as in numpy); values must not be NaN.
 */
public final class Ranking {

  private Ranking() {}

  /**
   * The candidates' indices from the highest value to the lowest.
   *
   * @param values one value per candidate, none NaN; not modified
   * @param ties which of equal values comes first
   * @return a permutation of {@code 0 .. values.length - 1}; {@code order[0]} is the best
   */
  public static int[] descending(double[] values, TieBreak ties) {
    int n = values.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    mergeSort(order, new int[n], 0, n, values, ties == TieBreak.LAST_LISTED);
    return order;
  }

  /**
   * Ranks from 1 (lowest value) to n (highest); equal values share the average of the ranks they
   * span, as in Spearman's rank correlation with ties (scipy's {@code rankdata(method="average")}).
   *
   * @param values none NaN; not modified
   */
  public static double[] averageRanks(double[] values) {
    int n = values.length;
    int[] order = descending(values, TieBreak.FIRST_LISTED);
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Positions start..end-1 from the top hold ascending ranks n-start .. n-end+1.
      double rank = n - (start + end - 1) / 2.0;
      for (int i = start; i < end; i++) {
        ranks[order[i]] = rank;
      }
      start = end;
    }
    return ranks;
  }

  /** Whether index {@code a} goes before index {@code b}. */
  private static boolean before(int a, int b, double[] values, boolean laterFirst) {
    double va = values[a];
    double vb = values[b];
    if (va > vb) {
      return true;
    }
    if (va < vb) {
      return false;
    }
    return laterFirst ? a > b : a < b;
  }

  /** Sorts {@code order[from, to)}; the comparison is a total order, so the result is unique. */
  private static void mergeSort(int[] order, int[] scratch, int from, int to, double[] values, boolean laterFirst) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(order, scratch, from, middle, values, laterFirst);
    mergeSort(order, scratch, middle, to, values, laterFirst);
    int left = from;
    int right = middle;
    int out = from;
    while (left < middle && right < to) {
      scratch[out++] = before(order[right], order[left], values, laterFirst) ? order[right++] : order[left++];
    }
    while (left < middle) {
      scratch[out++] = order[left++];
    }
    while (right < to) {
      scratch[out++] = order[right++];
    }
    System.arraycopy(scratch, from, order, from, to - from);
  }
}
