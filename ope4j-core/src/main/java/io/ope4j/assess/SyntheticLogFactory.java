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
  private final KnownValues truth;

  /**
   * @param rowsPerLog logged rounds n of each replication, at least 1
   * @throws IllegalArgumentException if {@code rowsPerLog < 1} or the bandit has fewer than two
   *     evaluation policies
   */
  public SyntheticLogFactory(SyntheticBandit bandit, long rowsPerLog) {
    if (rowsPerLog < 1) {
      throw new IllegalArgumentException("rows per log must be at least 1, got " + rowsPerLog);
    }
    this.bandit = bandit;
    this.rowsPerLog = rowsPerLog;
    GroundTruth exact = bandit.truth();
    this.truth = KnownValues.of(exact.policies(), exact.values(), exact.behaviourValue());
  }

  /** A factory over a new bandit drawn from {@code config}. */
  public static SyntheticLogFactory of(SyntheticConfig config, long rowsPerLog) {
    return new SyntheticLogFactory(SyntheticBandit.of(config), rowsPerLog);
  }

  @Override
  public List<String> candidates() {
    return truth.candidates();
  }

  /** The exact truth every replication is judged against. */
  public KnownValues truth() {
    return truth;
  }

  @Override
  public LogWithTruth replicate(int replication) {
    if (replication < 0 || replication > (Long.MAX_VALUE - rowsPerLog) / rowsPerLog) {
      throw new IllegalArgumentException("replication must be in [0, " + (Long.MAX_VALUE / rowsPerLog - 1)
          + "], got " + replication);
    }
    return new LogWithTruth(bandit.source(replication * rowsPerLog, rowsPerLog), truth);
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
