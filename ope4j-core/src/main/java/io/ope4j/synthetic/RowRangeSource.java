package io.ope4j.synthetic;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;

/** Rows {@code [first, first + rows)} of a simulator, batch by batch, each row filled by the simulator. */
final class RowRangeSource implements BatchSource {

  /** Writes simulated row {@code row} as row {@code j} of a batch. */
  interface RowFiller {
    void fill(BanditBatch batch, int j, long row);
  }

  private final LogLayout layout;
  private final RowFiller filler;
  private final long end;
  private long next;

  RowRangeSource(LogLayout layout, RowFiller filler, long first, long rows) {
    if (first < 0 || rows < 0 || first > Long.MAX_VALUE - rows) {
      throw new IllegalArgumentException("rows [" + first + ", " + first + " + " + rows + ") out of range");
    }
    this.layout = layout;
    this.filler = filler;
    this.next = first;
    this.end = first + rows;
  }

  @Override
  public String name() {
    return "simulated log";
  }

  @Override
  public LogLayout layout() {
    return layout;
  }

  @Override
  public boolean next(BanditBatch batch) {
    int size = (int) Math.min(batch.capacity(), end - next);
    batch.setRows(next, size);
    for (int j = 0; j < size; j++) {
      filler.fill(batch, j, next + j);
    }
    next += size;
    return size > 0;
  }

  @Override
  public void close() {}
}
