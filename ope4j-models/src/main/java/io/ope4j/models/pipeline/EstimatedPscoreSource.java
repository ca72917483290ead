package io.ope4j.models.pipeline;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.data.WrappedSource;

/** Replaces the propensities of a source by estimated ones, held per row of the log. */
final class EstimatedPscoreSource extends WrappedSource {

  private final double[] pscore;

  EstimatedPscoreSource(BatchSource log, double[] pscore) {
    super(log);
    this.pscore = pscore;
    setLayout(log.layout().withPscore());
  }

  @Override
  protected void fill(BanditBatch from, BanditBatch batch) {
    int first = Math.toIntExact(batch.firstRow());
    if (first + batch.size() > pscore.length) {
      throw new IllegalStateException("the log has more rows than on its first reading (" + pscore.length + ")");
    }
    System.arraycopy(pscore, first, batch.pscore(), 0, batch.size());
  }
}
