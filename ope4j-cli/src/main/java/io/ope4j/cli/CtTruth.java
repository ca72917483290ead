package io.ope4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.ct.Bases;
import io.ope4j.ct.Features;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed-form value function of a simulated continuous-time process, as {@code ct-simulate}
 * writes it beside the paths: the setting, β and horizon it holds for, and J as a sum of basis
 * terms ({@code {"x^2": 0.4, "1": 0.2}}, terms in the grammar of {@code --basis}), plus the
 * average reward V in the ergodic setting. {@code ct-evaluate --truth} reads it to put the fit
 * beside the closed form.
 *
 * @param beta the discount rate (NaN for ergodic)
 * @param horizon T of the finite setting (NaN otherwise)
 * @param averageReward V of the ergodic setting (NaN otherwise)
 */
record CtTruth(String setting, double beta, double horizon, Map<String, Double> terms, double averageReward) {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  void write(Path file) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("setting", setting);
    putIfNumber(root, "beta", beta);
    putIfNumber(root, "horizon", horizon);
    ObjectNode value = root.putObject("value_terms");
    terms.forEach(value::put);
    putIfNumber(root, "average_reward", averageReward);
    Files.writeString(file, MAPPER.writeValueAsString(root) + "\n");
  }

  private static void putIfNumber(ObjectNode node, String key, double value) {
    if (!Double.isNaN(value)) {
      node.put(key, value);
    }
  }

  /** Reads a file {@link #write} wrote; anything else is an error naming the file and key. */
  static CtTruth read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidDataException(file.toString(), 0, null, "not a JSON truth file: "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("setting").isTextual() || !root.path("value_terms").isObject()) {
      throw new InvalidDataException(file.toString(), 0, null,
          "a truth file of ct-simulate needs \"setting\" and \"value_terms\"");
    }
    Map<String, Double> terms = new LinkedHashMap<>();
    var fields = root.get("value_terms").fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!field.getValue().isNumber()) {
        throw new InvalidDataException(file.toString(), 0, "value_terms." + field.getKey(), "must be a number");
      }
      terms.put(field.getKey(), field.getValue().doubleValue());
    }
    return new CtTruth(root.get("setting").asText(), number(root, "beta"), number(root, "horizon"), terms,
        number(root, "average_reward"));
  }

  private static double number(JsonNode root, String key) {
    return root.path(key).isNumber() ? root.get(key).doubleValue() : Double.NaN;
  }

  /** Refuses a truth for another setting, β or horizon than the evaluation's. */
  void checkMatches(Path file, String evaluatedSetting, double evaluatedBeta, double evaluatedHorizon) {
    if (!setting.equals(evaluatedSetting)) {
      throw new UsageException(file + " is the truth of the " + setting + " setting, not " + evaluatedSetting);
    }
    if (!Double.isNaN(beta) && !evaluatedSetting.equals("ergodic") && Math.abs(beta - evaluatedBeta) > 1e-12) {
      throw new UsageException(file + " holds for beta = " + beta + ", the evaluation uses --beta " + evaluatedBeta);
    }
    if (!Double.isNaN(horizon) && evaluatedSetting.equals("finite") && Math.abs(horizon - evaluatedHorizon) > 1e-9) {
      throw new UsageException(file + " holds for horizon " + horizon + ", the evaluation uses " + evaluatedHorizon);
    }
  }

  /** J as a function of (t, τ, x), over the evaluation's state names. */
  Value value(List<String> stateNames) {
    Features features = Bases.parse(String.join(",", terms.keySet()), stateNames);
    double[] coefficients = terms.values().stream().mapToDouble(Double::doubleValue).toArray();
    return (t, tau, x) -> {
      double[] phi = new double[coefficients.length];
      features.values(t, tau, x, 0, phi, 0);
      double v = 0;
      for (int k = 0; k < phi.length; k++) {
        v += coefficients[k] * phi[k];
      }
      return v;
    };
  }

  /** A closed-form J. */
  interface Value {
    double at(double t, double tau, double[] x);
  }

  /** The terms as {@code c term} text, e.g. {@code 0.4 x^2 + 0.2}, for people. */
  String describe() {
    List<String> parts = new ArrayList<>();
    terms.forEach((term, c) -> parts.add(term.equals("1") ? io.ope4j.io.report.Formats.num(c)
        : io.ope4j.io.report.Formats.num(c) + " " + term));
    return String.join(" + ", parts);
  }
}
