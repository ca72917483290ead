package io.ope4j.model;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import java.util.ArrayList;
import java.util.List;

/** Test source: logged columns and contexts from arrays, no policy, in batches of at most {@code batchRows}. */
final class ContextArraySource implements BatchSource {

  private final double[] contexts;
  private final int dim;
  private final int[] actions;
  private final int[] positions;
  private final double[] rewards;
  private final double[] pscore;
  private final LogLayout layout;
  private final int batchRows;
  private int next;

  ContextArraySource(double[] contexts, int dim, int[] actions, int[] positions, double[] rewards, double[] pscore,
      int nActions, int batchRows) {
    this.contexts = contexts;
    this.dim = dim;
    this.actions = actions;
    this.positions = positions;
    this.rewards = rewards;
    this.pscore = pscore;
    this.batchRows = batchRows;
    List<String> names = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      names.add("x_" + j);
    }
    this.layout = new LogLayout(List.of(), false, positions != null, nActions, pscore != null, names, false, false);
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
    System.arraycopy(contexts, next * dim, batch.contexts(), 0, size * dim);
    next += size;
    return size > 0;
  }

  @Override
  public void close() {}
}
