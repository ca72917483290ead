package io.ope4j.synthetic;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;

/** Rows {@code [firstRow, firstRow + rows)} of a synthetic bandit, batch by batch. */
final class SyntheticSource implements BatchSource {

  private final SyntheticBandit bandit;
  private final long end;
  private long next;

  SyntheticSource(SyntheticBandit bandit, long firstRow, long rows) {
    this.bandit = bandit;
    this.next = firstRow;
    this.end = firstRow + rows;
  }

  @Override
  public LogLayout layout() {
    return bandit.layout();
  }

  @Override
  public boolean next(BanditBatch batch) {
    if (next >= end) {
      batch.setRows(end, 0);
      return false;
    }
    int size = (int) Math.min(batch.capacity(), end - next);
    bandit.fill(batch, next, size);
    next += size;
    return true;
  }

  @Override
  public void close() {
    // Nothing to release: rows are computed, not read.
  }
}
