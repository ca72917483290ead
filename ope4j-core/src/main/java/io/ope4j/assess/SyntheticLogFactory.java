package io.ope4j.assess;

import io.ope4j.selection.KnownValues;
import io.ope4j.synthetic.GroundTruth;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.List;
import java.util.Locale;

/**
 * Logs of a synthetic bandit: replication {@code r} is rows {@code [r n, (r + 1) n)} of one
 * seeded {@link SyntheticBandit}, so replications are independent, reproducible and need no
 * seed bookkeeping. The truth is exact ({@link GroundTruth}) and the same for every replication;
 * the safety threshold is the behaviour policy's value (a candidate is unsafe when it is worse
 * than the policy that logged the data).
 */
public final class SyntheticLogFactory implements LogFactory {

  private final SyntheticBandit bandit;
  private final long rowsPerLog;
  private final RowRangeLogFactory rows;

  /**
   * @param rowsPerLog logged rounds n of each replication, at least 1
   * @throws IllegalArgumentException if {@code rowsPerLog < 1} or the bandit has fewer than two
   *     evaluation policies
   */
  public SyntheticLogFactory(SyntheticBandit bandit, long rowsPerLog) {
    this.bandit = bandit;
    this.rowsPerLog = rowsPerLog;
    GroundTruth exact = bandit.truth();
    this.rows = new RowRangeLogFactory(bandit::source, KnownValues.of(exact.policies(), exact.values(),
        exact.behaviourValue()), rowsPerLog, "synthetic bandit");
  }

  /** A factory over a new bandit drawn from {@code config}. */
  public static SyntheticLogFactory of(SyntheticConfig config, long rowsPerLog) {
    return new SyntheticLogFactory(SyntheticBandit.of(config), rowsPerLog);
  }

  @Override
  public List<String> candidates() {
    return rows.candidates();
  }

  /** The exact truth every replication is judged against. */
  public KnownValues truth() {
    return rows.truth();
  }

  @Override
  public LogWithTruth replicate(int replication) {
    return rows.replicate(replication);
  }

  @Override
  public String describe() {
    SyntheticConfig config = bandit.config();
    return String.format(Locale.ROOT,
        "synthetic bandit: %d rows per log, %d actions, behaviour temperature %s, reward noise %s,"
            + " %d candidates, seed %d",
        rowsPerLog, config.nActions(), config.behaviourTemperature(), config.rewardNoise(),
        config.policies().size(), config.seed());
  }
}
