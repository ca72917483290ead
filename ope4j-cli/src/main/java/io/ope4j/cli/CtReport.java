package io.ope4j.cli;

import io.ope4j.report.Chart;
import io.ope4j.report.EvaluationSections;
import io.ope4j.report.Section;
import io.ope4j.report.Table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import io.ope4j.io.report.Report;
import io.ope4j.io.report.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What ct-evaluate prints: the fitted parameters (with standard errors where the method gives
 * them), the average reward in the ergodic setting, Ĵ at the requested points and diagnostics; as
 * a table, JSON or CSV. Non-finite numbers are JSON null and empty CSV fields.
 */
final class CtReport implements Report {

  /** Normal 97.5% quantile: the HTML report's bars are ±1.96 standard errors. */
  private static final double Z95 = 1.959963984540054;

  record Parameter(String name, double value, double stderr, double averaged) {}

  /** Ĵ at a requested point, and the closed form there (NaN when none is known). */
  record Point(double t, double[] x, double value, double stderr, double truth) {}

  /** Ĵ and the closed-form J over a grid of a one-dimensional state, at one time. */
  record Curve(double t, double[] x, double[] fitted, double[] truth) {

    static final int POINTS = 41;

    interface Fitted {
      double value(double t, double[] x);
    }

    static Curve of(double t, double tau, double[] range, Fitted fitted, CtTruth.Value truth) {
      double[] x = new double[POINTS];
      double[] f = new double[POINTS];
      double[] j = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        x[i] = range[0] + (range[1] - range[0]) * i / (POINTS - 1);
        double[] state = {x[i]};
        f[i] = fitted.value(t, state);
        j[i] = truth.at(t, tau, state);
      }
      return new Curve(t, x, f, j);
    }
  }

  String method;
  String setting;
  List<String> stateNames = List.of();
  final List<Parameter> parameters = new ArrayList<>();
  Parameter averageReward;
  final List<Point> points = new ArrayList<>();
  final Map<String, Object> diagnostics = new LinkedHashMap<>();
  final List<String> warnings = new ArrayList<>();
  boolean online;
  CtTruth closedForm;
  Curve curve;
  /** --dt-study: per fit, {mean step, RMS of Ĵ − J}; null without it. */
  List<double[]> stepErrors;


  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("method", method);
    root.put("setting", setting);
    ArrayNode params = root.putArray("parameters");
    for (Parameter p : parameters) {
      params.add(parameter(params.objectNode(), p));
    }
    if (averageReward != null) {
      parameter(root.putObject("average_reward"), averageReward);
    }
    ArrayNode values = root.putArray("values");
    for (Point p : points) {
      ObjectNode node = values.addObject();
      node.put("t", p.t());
      ObjectNode x = node.putObject("x");
      for (int i = 0; i < p.x().length; i++) {
        x.put(stateNames.get(i), p.x()[i]);
      }
      Formats.put(node, "value", p.value());
      Formats.put(node, "stderr", p.stderr());
      if (closedForm != null) {
        Formats.put(node, "true_value", p.truth());
      }
    }
    if (stepErrors != null) {
      ArrayNode study = root.putArray("dt_study");
      for (double[] e : stepErrors) {
        ObjectNode node = study.addObject();
        node.put("dt", e[0]);
        Formats.put(node, "rms_error", e[1]);
      }
    }
    if (closedForm != null) {
      root.put("truth", closedForm.describe());
      if (!Double.isNaN(closedForm.averageReward())) {
        root.put("true_average_reward", closedForm.averageReward());
      }
    }
    ObjectNode diag = root.putObject("diagnostics");
    for (Map.Entry<String, Object> e : diagnostics.entrySet()) {
      if (e.getValue() instanceof Number n) {
        if (n instanceof Long || n instanceof Integer) {
          diag.put(e.getKey(), n.longValue());
        } else {
          Formats.put(diag, e.getKey(), n.doubleValue());
        }
      } else {
        diag.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    ArrayNode w = root.putArray("warnings");
    warnings.forEach(w::add);
    out.println(mapper.writeValueAsString(root));
  }

  private ObjectNode parameter(ObjectNode node, Parameter p) {
    node.put("name", p.name());
    Formats.put(node, "value", p.value());
    Formats.put(node, "stderr", p.stderr());
    if (online) {
      Formats.put(node, "polyak_average", p.averaged());
    }
    return node;
  }

  @Override
  public void writeCsv(PrintWriter out) {
    List<String> header = new ArrayList<>(List.of("section", "name", "t"));
    header.addAll(stateNames);
    header.addAll(List.of("value", "stderr"));
    out.println(String.join(",", header));
    String blanks = ",".repeat(1 + stateNames.size());
    for (Parameter p : parameters) {
      out.println("parameter," + quote(p.name()) + blanks + "," + Formats.csv(p.value()) + "," + Formats.csv(p.stderr()));
    }
    if (averageReward != null) {
      out.println("average_reward,V" + blanks + "," + Formats.csv(averageReward.value()) + "," + Formats.csv(averageReward.stderr()));
    }
    for (Point p : points) {
      StringBuilder line = new StringBuilder("value,J,").append(Formats.csv(p.t()));
      for (double x : p.x()) {
        line.append(',').append(Formats.csv(x));
      }
      out.println(line.append(',').append(Formats.csv(p.value())).append(',').append(Formats.csv(p.stderr())));
    }
    for (Map.Entry<String, Object> e : diagnostics.entrySet()) {
      String value = e.getValue() instanceof Double d ? Formats.csv(d) : quote(String.valueOf(e.getValue()));
      out.println("diagnostic," + e.getKey() + blanks + "," + value + ",");
    }
  }

  private static String quote(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  @Override
  public void writeTable(PrintWriter out) {
    out.printf(Locale.ROOT, "%s, %s setting%n%n", method, setting);
    TextTable params = new TextTable();
    params.header(online ? List.of("parameter", "value (last)", "Polyak average") : List.of("parameter", "value", "stderr"));
    for (Parameter p : parameters) {
      params.row(List.of(p.name(), Formats.num(p.value()), Formats.num(online ? p.averaged() : p.stderr())));
    }
    if (averageReward != null) {
      params.row(List.of("V (average reward)", Formats.num(averageReward.value()),
          Formats.num(online ? averageReward.averaged() : averageReward.stderr())));
    }
    params.print(out);
    if (!points.isEmpty()) {
      out.println();
      TextTable values = new TextTable();
      List<String> header = new ArrayList<>(List.of("t"));
      header.addAll(stateNames);
      header.addAll(List.of("J", "stderr"));
      values.header(header);
      for (Point p : points) {
        List<String> row = new ArrayList<>(List.of(Formats.num(p.t())));
        for (double x : p.x()) {
          row.add(Formats.num(x));
        }
        row.add(Formats.num(p.value()));
        row.add(Formats.num(p.stderr()));
        values.row(row);
      }
      values.print(out);
    }
    out.println();
    out.println("Diagnostics:");
    for (Map.Entry<String, Object> e : diagnostics.entrySet()) {
      Object v = e.getValue();
      out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), v instanceof Double d ? Formats.num(d) : String.valueOf(v));
    }
  }


  /** The HTML report's sections: the fitted parameters and Ĵ at the requested points, with ±1.96 stderr. */
  List<Section> sections() {
    List<Parameter> all = new ArrayList<>(parameters);
    if (averageReward != null) {
      all.add(averageReward);
    }
    Table table = Table.of("Table: parameters", "parameter", "value", "stderr");
    for (Parameter p : all) {
      table = table.withRow(p.name(), Formats.num(p.value()), Formats.num(p.stderr()));
    }
    Section fit = Section.of("Fitted value function (" + method + ")",
        "each dot is a fitted parameter of the value function and the bar ±1.96 standard errors where the method gives"
            + " them (none for online methods); a bar crossing 0 means the feature's weight is not sure.")
        .withFact("method", method).withFact("setting", setting).withWarnings(warnings)
        .withChart(bands("parameters", all.stream().map(Parameter::name).toList(),
            all.stream().mapToDouble(Parameter::value).toArray(), all.stream().mapToDouble(Parameter::stderr).toArray(),
            trueParameters(all), table));
    List<Section> sections = new ArrayList<>(List.of(closedForm == null
        ? fit.withNote("Not shown: the fit against a closed form; give the truth file of ct-simulate (--truth) to see it.")
        : fit.withFact("closed form", "J = " + closedForm.describe())));
    if (curve != null) {
      sections.add(curveSection());
    }
    if (stepErrors != null) {
      sections.add(stepSection());
    }
    if (points.isEmpty()) {
      return sections;
    }
    Table pointTable = closedForm == null ? Table.of("Table: Ĵ at the requested points", "t", "x", "value", "stderr")
        : Table.of("Table: Ĵ at the requested points", "t", "x", "value", "stderr", "closed form");
    List<String> names = new ArrayList<>();
    for (Point p : points) {
      names.add("t=" + Formats.num(p.t()) + " x=" + java.util.Arrays.toString(p.x()));
      String[] cells = {Formats.num(p.t()), java.util.Arrays.toString(p.x()), Formats.num(p.value()),
          Formats.num(p.stderr()), Formats.num(p.truth())};
      pointTable = pointTable.withRow(closedForm == null ? java.util.Arrays.copyOf(cells, 4) : cells);
    }
    double[] truths = closedForm == null ? null : points.stream().mapToDouble(Point::truth).toArray();
    sections.add(Section.of("Value at the requested points",
        "Ĵ(t, x), the expected discounted reward from state x at time t, with ±1.96 standard errors where known"
            + (closedForm == null ? "." : "; the green diamond is the closed form, and a red bar misses it."))
        .withChart(bands("Ĵ(t, x)", names, points.stream().mapToDouble(Point::value).toArray(),
            points.stream().mapToDouble(Point::stderr).toArray(), truths, pointTable)));
    return sections;
  }

  /**
   * The closed form's coefficient of each fitted parameter (0 for a basis term it lacks, V for the
   * average reward), or null when the closed form has a term the basis lacks.
   */
  private double[] trueParameters(List<Parameter> all) {
    List<String> names = all.stream().map(Parameter::name).toList();
    if (closedForm == null || !names.containsAll(closedForm.terms().keySet())) {
      return null;
    }
    double[] truths = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Parameter p = all.get(i);
      truths[i] = p == averageReward ? closedForm.averageReward() : closedForm.terms().getOrDefault(p.name(), 0.0);
    }
    return truths;
  }

  /** --dt-study: the error against the closed form by time step, on log-log axes, and its slope. */
  private Section stepSection() {
    Table table = Table.of("Table: error by time step", "Δt", "RMS of Ĵ − J");
    List<String> steps = new ArrayList<>();
    double[] errors = new double[stepErrors.size()];
    for (int i = 0; i < errors.length; i++) {
      steps.add(Formats.num(stepErrors.get(i)[0]));
      errors[i] = stepErrors.get(i)[1];
      table = table.withRow(steps.get(i), Formats.num(errors[i]));
    }
    com.fasterxml.jackson.databind.node.ObjectNode data = new ObjectMapper().createObjectNode()
        .put("xName", "time step Δt (doubling)").put("yName", "RMS of Ĵ − J (log scale)").put("yLog", true);
    ArrayNode x = data.putArray("x");
    steps.forEach(x::add);
    Formats.putArray(data.putArray("series").addObject().put("name", "RMS error"), "values", errors);
    return Section.of("Error against the time step",
        "the same paths sampled 1, 2, 4 and 8 times more coarsely, each fitted alike; the steps double, so on these"
            + " log-log axes a straight line of slope s means error ∝ Δt^s. Sampling noise does not shrink with Δt:"
            + " it is the floor the line flattens onto.")
        .withFact("log-log slope", Formats.num(logLogSlope()))
        .withChart(new Chart("lines", "error against Δt", data, table));
  }

  /** Least-squares slope of log(error) on log(step). */
  private double logLogSlope() {
    int n = stepErrors.size();
    double mx = 0;
    double my = 0;
    for (double[] e : stepErrors) {
      mx += Math.log(e[0]) / n;
      my += Math.log(e[1]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (double[] e : stepErrors) {
      sxy += (Math.log(e[0]) - mx) * (Math.log(e[1]) - my);
      sxx += (Math.log(e[0]) - mx) * (Math.log(e[0]) - mx);
    }
    return sxy / sxx;
  }

  /** The fitted value function against the closed form over the states of the first path. */
  private Section curveSection() {
    List<String> xs = new ArrayList<>();
    Table table = Table.of("Table: Ĵ and J at t = " + Formats.num(curve.t()), "x", "fitted Ĵ", "closed form J", "error");
    double worst = 0;
    for (int i = 0; i < curve.x().length; i++) {
      xs.add(Formats.num(curve.x()[i]));
      double error = curve.fitted()[i] - curve.truth()[i];
      worst = Math.max(worst, Math.abs(error));
      table = table.withRow(Formats.num(curve.x()[i]), Formats.num(curve.fitted()[i]), Formats.num(curve.truth()[i]),
          Formats.num(error));
    }
    com.fasterxml.jackson.databind.node.ObjectNode data = new ObjectMapper().createObjectNode()
        .put("xName", stateNames.get(0)).put("yName", "value at t = " + Formats.num(curve.t()));
    ArrayNode x = data.putArray("x");
    xs.forEach(x::add);
    ArrayNode series = data.putArray("series");
    Formats.putArray(series.addObject().put("name", "fitted Ĵ"), "values", curve.fitted());
    Formats.putArray(series.addObject().put("name", "closed form J").put("dashed", true), "values", curve.truth());
    return Section.of("Fitted against the closed form",
        "the fitted value function (solid) and the closed form of the simulated process (dashed) over the states"
            + " the first path visits; the gap is the fit's error, from sampling, the time step and the basis.")
        .withFact("largest |Ĵ − J| on the grid", Formats.num(worst))
        .withChart(new Chart("lines", "Ĵ and J at t = " + Formats.num(curve.t()), data, table));
  }

  /** Values with bars of ±1.96 standard errors (none where the error is unknown). */
  private static Chart bands(String title, List<String> names, double[] value, double[] stderr, Table table) {
    return bands(title, names, value, stderr, null, table);
  }

  /** As above, with the true value of each row marked (null: none). */
  private static Chart bands(String title, List<String> names, double[] value, double[] stderr, double[] truth,
      Table table) {
    double[] lower = new double[value.length];
    double[] upper = new double[value.length];
    for (int i = 0; i < value.length; i++) {
      double half = Double.isFinite(stderr[i]) ? Z95 * stderr[i] : 0.0;
      lower[i] = value[i] - half;
      upper[i] = value[i] + half;
    }
    return EvaluationSections.intervalChart(title, names, value, lower, upper, truth, table);
  }
}
