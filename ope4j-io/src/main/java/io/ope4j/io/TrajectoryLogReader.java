package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import io.ope4j.internal.data.WideForm;
import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.EpisodeSteps;
import java.io.IOException;
import java.util.List;

/**
 * The trajectory schema (docs/formats.md, "Trajectory log") read from any format through a
 * {@link TableReader}: one row per step, the rows of an episode contiguous, steps 0, 1, 2, ...
 * in order, {@code done} (if present) 1 on an episode's last row only. Values are checked by the
 * core's {@link LogValidator}; the first problem throws an {@link InvalidDataException} naming
 * source, row and column. One reader per thread.
 */
public final class TrajectoryLogReader implements EpisodeSource {

  private final TableReader table;
  private final TrajectoryColumns columns;
  private final LogValidator check;
  private final double piSumTolerance;
  private final double[] policyRow;
  private final double[] modelRow;
  private final double[] stateRow;
  private final ContiguousGroups groups;

  private TrajectoryLogReader(TableReader table, TrajectoryReadOptions options) {
    try {
      this.table = table;
      this.columns = new TrajectoryColumns(table.header(), options, table.source());
      int[] used = columns.used();
      table.select(used, TableReader.numberKinds(used, columns::isInteger));
      this.check = new LogValidator(table.source(), columns.header, columns.nActions,
          table::describe);
      this.piSumTolerance = options.piSumTolerance();
      this.groups = new ContiguousGroups(table, check, columns.episode, "episode", "episode");
      int k = Math.max(columns.nActions, 0);
      this.policyRow = new double[k];
      this.modelRow = new double[k];
      this.stateRow = new double[columns.states.length];
    } catch (RuntimeException failure) {
      Closing.closeAfter(failure, table);
      throw failure;
    }
  }

  /** Opens {@code input} as a trajectory log; the reader owns the table. */
  public static TrajectoryLogReader open(LogInput input, TrajectoryReadOptions options)
      throws IOException {
    return new TrajectoryLogReader(input.openNumericTable(), options);
  }

  /**
   * Reads {@code table} (header read, nothing selected yet) as a trajectory log; the reader owns
   * the table. For engines that bring their own tables, e.g. Spark's rows.
   */
  public static TrajectoryLogReader over(TableReader table, TrajectoryReadOptions options) {
    return new TrajectoryLogReader(table, options);
  }

  /**
   * The error of an episode whose rows come in two places, for an engine that finds it by
   * itself: {@code row} (1-based) is the first row of its second run.
   */
  public static InvalidDataException episodeAppearsAgain(String source, long row, long episode) {
    return ContiguousGroups.appearsAgain(source, row, "episode", "episode", episode);
  }

  /** The column holding the episode id, by header index. */
  public int episodeColumn() {
    return columns.episode;
  }

  /** Whether a header is a trajectory log's: it has an {@code episode} column. */
  public static boolean isTrajectoryHeader(List<String> header) {
    return header.contains("episode");
  }

  @Override
  public String name() {
    return table.source();
  }

  @Override
  public List<String> policyNames() {
    return List.copyOf(columns.policyNames);
  }

  @Override
  public boolean hasModel() {
    return columns.hasModel();
  }

  @Override
  public boolean next(EpisodeSteps episode) throws IOException {
    if (!groups.nextGroup()) {
      return false;
    }
    long id = groups.id();
    episode.start(id);
    double[] values = table.values();
    long doneRow = -1;
    episode.setEnded(columns.done < 0);
    do {
      if (doneRow >= 0) {
        throw new InvalidDataException(table.source(), doneRow, "done", "episode " + id
            + " is marked done before its last row (row " + table.row() + " continues it)");
      }
      if (readStep(values, episode)) {
        doneRow = table.row();
        episode.setEnded(true);
      }
    } while (groups.nextRowInGroup());
    return true;
  }

  /** Appends the current row as a step; returns whether it is marked done. */
  private boolean readStep(double[] values, EpisodeSteps episode) {
    check.atRow(table.row());
    int t = episode.append();
    int step = check.position(columns.step, values[columns.step]);
    if (step != t) {
      throw new InvalidDataException(table.source(), table.row(), "step", "must be " + t
          + " (steps of an episode are 0, 1, 2, ... in order), got " + table.describe(columns.step));
    }
    boolean done = false;
    if (columns.done >= 0) {
      double flag = values[columns.done];
      if (flag != 0 && flag != 1) {
        throw new InvalidDataException(table.source(), table.row(), "done",
            "must be 0 or 1, got " + table.describe(columns.done));
      }
      done = flag == 1;
    }
    int action = check.action(columns.action, values[columns.action]);
    double reward = check.finite(columns.reward, values[columns.reward]);
    double pscore = check.pscore(columns.pscore, values[columns.pscore]);
    double qLogged = Double.NaN;
    if (columns.modelWide != null) {
      for (int a = 0; a < modelRow.length; a++) {
        modelRow[a] = check.finite(columns.modelWide[a], values[columns.modelWide[a]]);
      }
      qLogged = modelRow[action];
    } else if (columns.modelNarrow >= 0) {
      qLogged = check.finite(columns.modelNarrow, values[columns.modelNarrow]);
    }
    double givenValue = columns.value >= 0
        ? check.finite(columns.value, values[columns.value]) : Double.NaN;
    episode.set(t, reward, pscore, qLogged);
    if (stateRow.length > 0) {
      readState(values, episode, t, action);
    }
    for (int p = 0; p < columns.policyNames.size(); p++) {
      int[] wide = columns.policyWide.get(p);
      if (wide == null) {
        double pi = check.probability(columns.narrowPolicy, values[columns.narrowPolicy]);
        episode.setPolicy(p, t, pi, givenValue);
        continue;
      }
      double sum = 0.0;
      for (int a = 0; a < wide.length; a++) {
        policyRow[a] = check.probability(wide[a], values[wide[a]]);
        sum += policyRow[a];
      }
      check.probabilitySum(columns.header.get(wide[0]) + ".." + columns.header.get(
          wide[wide.length - 1]), columns.policyNames.get(p), sum, piSumTolerance);
      double v = columns.modelWide != null
          ? WideForm.expectedModelValue(policyRow, 0, modelRow, 0, wide.length) : givenValue;
      episode.setPolicy(p, t, policyRow[action], v);
      if (stateRow.length > 0) {
        episode.setPolicyRow(p, t, policyRow, wide.length);
      }
    }
    return done;
  }

  /** Reads step {@code t}'s state: a tabular index (an integer >= 0) or finite features. */
  private void readState(double[] values, EpisodeSteps episode, int t, int action) {
    for (int c = 0; c < stateRow.length; c++) {
      int column = columns.states[c];
      stateRow[c] = columns.tabularState ? check.position(column, values[column])
          : check.finite(column, values[column]);
    }
    episode.setState(t, action, stateRow, 0, stateRow.length);
  }

  /** Whether the state is a tabular index (the {@code state} column) rather than features. */
  public boolean tabularState() {
    return columns.tabularState;
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
