package io.ope4j.estimator;

import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.LogLayout;

/** Embedding-dimension subsets of the MIPS estimators: as bit masks, index lists and spec text. */
final class MipsSubsets {

  /** Most dimensions SLOPE searches over: it carries one state per non-empty subset (2^D - 1). */
  static final int MAX_SLOPE_DIMS = 12;

  private MipsSubsets() {}

  /** {@code 0, 1, ..., dims - 1}. */
  static int[] all(int dims) {
    int[] all = new int[dims];
    for (int d = 0; d < dims; d++) {
      all[d] = d;
    }
    return all;
  }

  /** The dimensions of bit mask {@code mask}, ascending. */
  static int[] ofMask(int mask) {
    int[] dims = new int[Integer.bitCount(mask)];
    for (int d = 0, j = 0; j < dims.length; d++) {
      if ((mask >> d & 1) != 0) {
        dims[j++] = d;
      }
    }
    return dims;
  }

  /** {@code 0|2} for dimensions 0 and 2. */
  static String format(int[] subset) {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < subset.length; j++) {
      text.append(j == 0 ? "" : "|").append(subset[j]);
    }
    return text.toString();
  }

  /** The wide columns every MIPS weight reads that {@code layout} lacks, or null. */
  static String unmetWideColumns(LogLayout layout) {
    if (!layout.extras().behaviorWide()) {
      return "the behaviour policy's probability of every action (pscore_0..pscore_{K-1})";
    }
    if (!layout.widePolicies()) {
      return "the evaluation policy's probability of every action (wide pi_0..pi_{K-1} columns)";
    }
    return null;
  }

  /** Why a MIPS estimator over {@code subset} (null: all) cannot run on {@code layout}, or null. */
  static String unmetNeeds(EmbeddingTable table, int[] subset, LogLayout layout) {
    int logged = layout.extras().embeddingDims();
    if (logged == 0) {
      return "the embedding columns (e_0..e_{D-1})";
    }
    if (table == null) {
      return "a known embedding distribution p(e|a) (--embedding-table FILE)";
    }
    if (table.dims() != logged) {
      return "an embedding table with the log's " + logged + " embedding dimensions (the table has "
          + table.dims() + ")";
    }
    if (subset != null && subset[subset.length - 1] >= logged) {
      return "embedding dimension " + subset[subset.length - 1] + " (the log has " + logged + ")";
    }
    String wide = unmetWideColumns(layout);
    if (wide != null) {
      return wide;
    }
    if (table.actions() != layout.nActions()) {
      return "an embedding table over the log's " + layout.nActions() + " actions (the table has "
          + table.actions() + ")";
    }
    return null;
  }
}
