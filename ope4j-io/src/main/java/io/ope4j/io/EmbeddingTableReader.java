package io.ope4j.io;

import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a known action-embedding distribution (formats.md, "Action embeddings"): a table with
 * columns {@code action}, {@code dim}, {@code category} and {@code p}, one row per {@code p(e_dim =
 * category | action)}, in any format a log may have. K, D and each dimension's number of
 * categories are the largest ids plus one; a combination without a row has probability 0. Every
 * problem names the file, row and column.
 */
public final class EmbeddingTableReader {

  private static final String[] COLUMNS = {"action", "dim", "category", "p"};

  private EmbeddingTableReader() {}

  /**
   * @throws InvalidDataException on a missing column, a bad id or probability, a repeated entry or
   *     a distribution that does not sum to 1 within 1e-6
   */
  public static EmbeddingTable read(LogInput input) throws IOException {
    List<int[]> ids = new ArrayList<>();
    List<Double> probabilities = new ArrayList<>();
    String source;
    try (TableReader table = input.openTable()) {
      source = table.source();
      int[] columns = columns(table);
      TableReader.Kind[] kinds = {TableReader.Kind.INTEGER, TableReader.Kind.INTEGER,
          TableReader.Kind.INTEGER, TableReader.Kind.NUMBER};
      int[] sorted = columns.clone();
      java.util.Arrays.sort(sorted);
      TableReader.Kind[] sortedKinds = new TableReader.Kind[4];
      for (int j = 0; j < 4; j++) {
        sortedKinds[java.util.Arrays.binarySearch(sorted, columns[j])] = kinds[j];
      }
      table.select(sorted, sortedKinds);
      io.ope4j.data.LogValidator check = new io.ope4j.data.LogValidator(source, table.header(), -1, table::describe);
      Set<Long> seen = new HashSet<>();
      double[] values = table.values();
      while (table.nextRow()) {
        check.atRow(table.row());
        int action = check.position(columns[0], values[columns[0]]);
        int dim = check.position(columns[1], values[columns[1]]);
        int category = check.position(columns[2], values[columns[2]]);
        double p = check.probability(columns[3], values[columns[3]]);
        if (!seen.add(((long) action << 42) ^ ((long) dim << 21) ^ category) || action >= 1 << 21
            || dim >= 1 << 21 || category >= 1 << 21) {
          throw new InvalidDataException(source, table.row(), null, "p(e_" + dim + " = " + category
              + " | a = " + action + ") is given twice (or an id is 2^21 or more)");
        }
        ids.add(new int[] {action, dim, category});
        probabilities.add(p);
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidDataException(source, -1, null, "the embedding table has no rows");
    }
    return build(source, ids, probabilities);
  }

  private static int[] columns(TableReader table) {
    int[] columns = new int[COLUMNS.length];
    for (int j = 0; j < COLUMNS.length; j++) {
      columns[j] = table.header().indexOf(COLUMNS[j]);
      if (columns[j] < 0) {
        throw new InvalidDataException(table.source(), 0, null, "missing column " + COLUMNS[j]
            + "; an embedding table has the columns action, dim, category, p");
      }
    }
    return columns;
  }

  private static EmbeddingTable build(String source, List<int[]> ids, List<Double> probabilities) {
    int actions = 0;
    int dims = 0;
    for (int[] id : ids) {
      actions = Math.max(actions, id[0] + 1);
      dims = Math.max(dims, id[1] + 1);
    }
    int[] categories = new int[dims];
    for (int[] id : ids) {
      categories[id[1]] = Math.max(categories[id[1]], id[2] + 1);
    }
    double[][][] table = new double[actions][dims][];
    for (int a = 0; a < actions; a++) {
      for (int d = 0; d < dims; d++) {
        table[a][d] = new double[categories[d]];
      }
    }
    for (int r = 0; r < ids.size(); r++) {
      int[] id = ids.get(r);
      table[id[0]][id[1]][id[2]] = probabilities.get(r);
    }
    try {
      return new EmbeddingTable(table);
    } catch (IllegalArgumentException invalid) {
      throw new InvalidDataException(source, -1, null, invalid.getMessage());
    }
  }
}
