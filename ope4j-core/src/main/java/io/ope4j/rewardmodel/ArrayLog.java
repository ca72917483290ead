package io.ope4j.rewardmodel;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A source over in-memory columns with the context block ({@code x_0..x_{dim-1}}) and the
 * policies given as probability tables ({@code tables[p][i * K + a]}, wide), in batches of at most
 * {@code batchRows} rows. Arrays are not copied.
 */
final class ArrayLog implements BatchSource {

  /** The logged columns and contexts (positions and pscore may be null), and how messages name the log. */
  record Columns(String name, double[] contexts, int dim, int[] actions, int[] positions, double[] rewards,
      double[] pscore) {}

  private final Columns log;
  private final int dim;
  private final int[] actions;
  private final double[][] tables;
  private final LogLayout layout;
  private final int batchRows;
  private int next;

  ArrayLog(Columns log, List<String> tableNames, double[][] tables, int nActions, int batchRows) {
    this.log = log;
    this.dim = log.dim();
    this.actions = log.actions();
    this.tables = tables;
    this.batchRows = batchRows;
    List<String> columns = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      columns.add("x_" + j);
    }
    this.layout = new LogLayout(tableNames, false, log.positions() != null, nActions, log.pscore() != null, columns,
        !tableNames.isEmpty(), false);
  }

  @Override
  public String name() {
    return log.name();
  }

  @Override
  public LogLayout layout() {
    return layout;
  }

  @Override
  public boolean next(BanditBatch batch) {
    int size = Math.max(0, Math.min(Math.min(batchRows, batch.capacity()), actions.length - next));
    batch.setRows(next, size);
    System.arraycopy(actions, next, batch.action(), 0, size);
    System.arraycopy(log.rewards(), next, batch.reward(), 0, size);
    if (log.pscore() != null) {
      System.arraycopy(log.pscore(), next, batch.pscore(), 0, size);
    }
    if (log.positions() != null) {
      System.arraycopy(log.positions(), next, batch.position(), 0, size);
    }
    if (dim > 0) {
      System.arraycopy(log.contexts(), next * dim, batch.contexts(), 0, size * dim);
    }
    int k = layout.nActions();
    for (int p = 0; p < tables.length; p++) {
      System.arraycopy(tables[p], next * k, batch.piWide(p), 0, size * k);
      double[] piLogged = batch.piLogged(p);
      for (int i = 0; i < size; i++) {
        piLogged[i] = tables[p][(next + i) * k + actions[next + i]];
      }
    }
    next += size;
    return size > 0;
  }

  @Override
  public void close() {}
}
