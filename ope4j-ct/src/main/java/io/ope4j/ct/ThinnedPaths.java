package io.ope4j.ct;

import java.io.IOException;

/**
 * The paths of another source sampled {@code factor} times more coarsely: each path keeps its
 * rows 0, factor, 2·factor, ... (the rewards at those times), so an evaluator sees the same
 * paths at step {@code factor · Δt}. Used to measure how the error of a fit grows with the time
 * step (continuous_time.md). A path whose last row would be dropped is refused when {@code
 * keepEnds} (a finite-horizon path must still end at T).
 */
public final class ThinnedPaths extends ForwardingPathSource {

  private final int factor;
  private final boolean keepEnds;
  private final PathBlock full;

  /**
   * @throws IllegalArgumentException unless {@code factor >= 1}
   */
  public ThinnedPaths(PathSource source, int factor, boolean keepEnds) {
    super(source);
    if (factor < 1) {
      throw new IllegalArgumentException("thinning factor must be at least 1, got " + factor);
    }
    this.factor = factor;
    this.keepEnds = keepEnds;
    this.full = new PathBlock(source.stateNames().size());
  }

  /**
   * @throws IllegalStateException when {@code keepEnds} and a path's last row is not kept
   */
  @Override
  public boolean next(PathBlock block, int targetRows) throws IOException {
    block.clear();
    if (!source.next(full, targetRows * factor)) {
      return false;
    }
    int dim = full.dim();
    for (int p = 0; p < full.paths(); p++) {
      int from = full.offsets()[p];
      int rows = full.rowsOf(p);
      if (keepEnds && (rows - 1) % factor != 0) {
        throw new IllegalStateException("path " + full.ids()[p] + " has " + rows + " rows: thinned by " + factor
            + " it would not end at its last time");
      }
      block.startPath(full.ids()[p], full.firstDataRows()[p]);
      for (int i = 0; i < rows; i += factor) {
        block.addRow(full.t()[from + i], full.x(), (from + i) * dim, full.r()[from + i]);
      }
      block.endPath(full.payoff()[p]);
    }
    return true;
  }
}
