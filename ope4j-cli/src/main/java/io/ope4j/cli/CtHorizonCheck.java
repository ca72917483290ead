package io.ope4j.cli;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.PathBlock;
import io.ope4j.ct.PathSource;
import io.ope4j.ct.Setting;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;

/**
 * Passes paths through, refusing (finite horizon) a path that goes past T: its time-to-go would
 * be negative. The message names the file, the row and the column t.
 */
final class CtHorizonCheck extends io.ope4j.ct.ForwardingPathSource {

  private final CtProblem problem;

  CtHorizonCheck(PathSource source, CtProblem problem) {
    super(source);
    this.problem = problem;
  }

  @Override
  public boolean next(PathBlock block, int targetRows) throws IOException {
    boolean any = source.next(block, targetRows);
    if (any) {
      check(block);
    }
    return any;
  }

  void check(PathBlock block) {
    if (problem.setting() != Setting.FINITE) {
      return;
    }
    double limit = problem.horizon() * (1 + 1e-9) + 1e-12;
    for (int p = 0; p < block.paths(); p++) {
      int last = block.offsets()[p + 1] - 1;
      if (block.t()[last] > limit) {
        int count = block.rowsOf(p);
        int firstBeyond = last;
        while (firstBeyond - 1 >= block.offsets()[p] && block.t()[firstBeyond - 1] > limit) {
          firstBeyond--;
        }
        long row = block.firstDataRows()[p] + (firstBeyond - block.offsets()[p]);
        throw new InvalidDataException(name(), row, "t", "t = " + block.t()[firstBeyond] + " is beyond the horizon T = "
            + problem.horizon() + " (path " + block.ids()[p] + " of " + count + " rows); give --horizon or end paths at T");
      }
    }
  }
}
