package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.rewardmodel.ModelCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reward model's section: calibration of its out-of-fold predictions, and its error per fold. */
public final class RewardModelSections {

  private RewardModelSections() {}

  /** One section for the fitted models (one per weighted policy), or none without a fitted model. */
  public static List<Section> of(List<ModelCalibration> calibrations) {
    if (calibrations.isEmpty()) {
      return List.of();
    }
    boolean crossFitted = calibrations.get(0).crossFitted();
    Section section = Section.of("Reward model",
        "rows are binned by the model's prediction at the logged action" + (crossFitted
            ? " (each from the fold model that did not see the row)" : " (fitted on these rows: in-sample)")
            + "; a calibrated model's mean prediction (dashed) follows the mean observed reward in every bin."
            + " The bars give each fold's mean squared error on its held-out rows: folds far apart mean an"
            + " unstable fit. DM rests on this model; DR only needs it for variance.");
    for (ModelCalibration c : calibrations) {
      String suffix = c.policy() == null ? "" : " (fitted for policy " + c.policy() + ")";
      section = section.withChart(new Chart("lines", "calibration" + suffix, calibrationData(c), calibrationTable(c)));
      section = section.withChart(new Chart("stacked", "mean squared error per fold" + suffix, foldData(c),
          foldTable(c)));
      if (c.outsideRange() > 0) {
        section = section.withNote(String.format(Locale.ROOT, "%,d predictions%s fell outside the fitted rewards'"
            + " range [%s, %s] and are counted in the end bins.", c.outsideRange(), suffix, ChartData.num(c.lo()),
            ChartData.num(c.hi())));
      }
    }
    return List.of(section);
  }

  private static List<String> binLabels(ModelCalibration c) {
    List<String> labels = new ArrayList<>();
    double width = (c.hi() - c.lo()) / ModelCalibration.BINS;
    for (int b = 0; b < ModelCalibration.BINS; b++) {
      labels.add(ChartData.num(c.lo() + b * width) + "–" + ChartData.num(c.lo() + (b + 1) * width));
    }
    return labels;
  }

  private static ObjectNode calibrationData(ModelCalibration c) {
    ObjectNode data = ChartData.axes("predicted reward (bin)", "mean reward");
    ChartData.strings(data, "x", binLabels(c));
    ChartData.series(data, "mean observed reward", c.meanObserved());
    ChartData.series(data, "mean prediction", c.meanPredicted()).put("dashed", true);
    return data;
  }

  private static Table calibrationTable(ModelCalibration c) {
    Table table = Table.of("Table: calibration", "predicted (bin)", "rows", "mean prediction", "mean observed");
    List<String> labels = binLabels(c);
    long[] counts = c.counts();
    double[] predicted = c.meanPredicted();
    double[] observed = c.meanObserved();
    for (int b = 0; b < labels.size(); b++) {
      table = table.withRow(labels.get(b), String.format(Locale.ROOT, "%,d", counts[b]),
          ChartData.num(predicted[b]), ChartData.num(observed[b]));
    }
    return table;
  }

  private static ObjectNode foldData(ModelCalibration c) {
    ObjectNode data = ChartData.axes("fold", "mean squared error");
    ChartData.strings(data, "categories", foldLabels(c));
    ChartData.series(data, "held-out mean squared error", c.foldMeanSquaredError());
    return data;
  }

  private static List<String> foldLabels(ModelCalibration c) {
    List<String> labels = new ArrayList<>();
    for (int f = 0; f < c.foldRows().length; f++) {
      labels.add("fold " + (f + 1));
    }
    return labels;
  }

  private static Table foldTable(ModelCalibration c) {
    Table table = Table.of("Table: folds", "fold", "held-out rows", "mean squared error");
    long[] rows = c.foldRows();
    double[] mse = c.foldMeanSquaredError();
    List<String> labels = foldLabels(c);
    for (int f = 0; f < rows.length; f++) {
      table = table.withRow(labels.get(f), String.format(Locale.ROOT, "%,d", rows[f]), ChartData.num(mse[f]));
    }
    return table;
  }
}
