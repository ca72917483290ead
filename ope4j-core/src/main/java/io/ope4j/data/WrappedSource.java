package io.ope4j.data;

import java.io.IOException;

/**
 * A {@link BatchSource} that adds to the batches of another what that one lacks: evaluation
 * policies computed from the contexts, a reward model's predictions, estimated propensities.
 * Each call reads the next batch of the wrapped source into a batch of its own (same capacity),
 * copies the rows over ({@link BanditBatch#copyFrom}) and lets the subclass fill the rest. Memory
 * is one extra batch; nothing is held across batches. Closing closes the wrapped source.
 */
public abstract class WrappedSource implements BatchSource {

  private static final double[] NO_CONTEXTS = new double[0];

  private final BatchSource wrapped;
  private LogLayout layout;
  private BanditBatch from;

  /** Subclasses set their layout with {@link #setLayout} in their constructor. */
  protected WrappedSource(BatchSource wrapped) {
    this.wrapped = wrapped;
  }

  /** Sets what this source's batches hold. */
  protected final void setLayout(LogLayout produced) {
    this.layout = produced;
  }

  /** The wrapped source's name. */
  @Override
  public String name() {
    return wrapped.name();
  }

  @Override
  public final LogLayout layout() {
    return layout;
  }

  /** The batch's context block, or an empty array when the log has no context column. */
  protected static double[] contexts(BanditBatch batch) {
    return batch.contexts() == null ? NO_CONTEXTS : batch.contexts();
  }

  /** The layout of the wrapped source. */
  protected final LogLayout wrappedLayout() {
    return wrapped.layout();
  }

  @Override
  public final boolean next(BanditBatch batch) throws IOException {
    if (from == null || from.capacity() != batch.capacity()) {
      from = new BanditBatch(wrapped.layout(), batch.capacity());
    }
    if (!wrapped.next(from) || from.size() == 0) {
      batch.setRows(from.firstRow(), 0);
      return false;
    }
    batch.copyFrom(from);
    fill(from, batch);
    return true;
  }

  /**
   * Completes {@code batch}, whose rows were copied from {@code from} (the wrapped source's
   * batch, same rows).
   *
   * @param from the wrapped source's batch; not modified
   * @param batch the batch to complete; modified
   */
  protected abstract void fill(BanditBatch from, BanditBatch batch);

  @Override
  public void close() throws IOException {
    wrapped.close();
  }
}
