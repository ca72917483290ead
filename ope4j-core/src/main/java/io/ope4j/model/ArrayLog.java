package io.ope4j.model;

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

  private final String name;
  private final double[] contexts;
  private final int dim;
  private final int[] actions;
  private final int[] positions;
  private final double[] rewards;
  private final double[] pscore;
  private final double[][] tables;
  private final LogLayout layout;
  private final int batchRows;
  private int next;

  ArrayLog(String name, double[] contexts, int dim, int[] actions, int[] positions, double[] rewards, double[] pscore,
      List<String> tableNames, double[][] tables, int nActions, int batchRows) {
    this.name = name;
    this.contexts = contexts;
    this.dim = dim;
    this.actions = actions;
    this.positions = positions;
    this.rewards = rewards;
    this.pscore = pscore;
    this.tables = tables;
    this.batchRows = batchRows;
    List<String> columns = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      columns.add("x_" + j);
    }
    this.layout = new LogLayout(tableNames, false, positions != null, nActions, pscore != null, columns,
        !tableNames.isEmpty(), false);
  }

  @Override
  public String name() {
    return name;
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
    System.arraycopy(rewards, next, batch.reward(), 0, size);
    if (pscore != null) {
      System.arraycopy(pscore, next, batch.pscore(), 0, size);
    }
    if (positions != null) {
      System.arraycopy(positions, next, batch.position(), 0, size);
    }
    if (dim > 0) {
      System.arraycopy(contexts, next * dim, batch.contexts(), 0, size * dim);
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
