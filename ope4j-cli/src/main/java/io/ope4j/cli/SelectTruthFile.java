package io.ope4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the true values a selection is judged against: the JSON that {@code simulate} writes,
 * {@code {"policies": {"name": value, ...}, "behaviour_value": value}}. {@code behaviour_value}
 * (the baseline of SharpeRatio@k and the safety threshold) may be absent; {@code
 * "safety_threshold"} may override the threshold.
 */
final class SelectTruthFile {

  private SelectTruthFile() {}

  /**
   * The truth for {@code candidates}, in their order.
   *
   * @throws IllegalArgumentException naming the file when it is not JSON, lacks the policies
   *     object, holds a non-number, or does not name every candidate
   * @throws NoSuchFileException if there is no such file
   */
  static KnownValues read(Path path, List<String> candidates) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(path.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode policies = root == null ? null : root.get("policies");
    if (policies == null || !policies.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object \"policies\" of true values");
    }
    List<String> missing = new ArrayList<>();
    double[] values = new double[candidates.size()];
    for (int p = 0; p < values.length; p++) {
      JsonNode value = policies.get(candidates.get(p));
      if (value == null) {
        missing.add(candidates.get(p));
      } else {
        values[p] = number(path, "true value of " + candidates.get(p), value);
      }
    }
    if (!missing.isEmpty()) {
      List<String> named = new ArrayList<>();
      policies.fieldNames().forEachRemaining(named::add);
      throw new IllegalArgumentException(path + ": no true value for candidate" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + "; the file has " + named + ". Every candidate needs one");
    }
    double behaviour = optional(path, root, "behaviour_value");
    double threshold = root.has("safety_threshold") ? optional(path, root, "safety_threshold") : behaviour;
    return new KnownValues(candidates, values, behaviour, threshold);
  }

  private static double optional(Path path, JsonNode root, String key) {
    JsonNode node = root.get(key);
    return node == null || node.isNull() ? Double.NaN : number(path, key, node);
  }

  private static double number(Path path, String what, JsonNode node) {
    if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw new IllegalArgumentException(path + ": " + what + " must be a finite number, got " + node);
    }
    return node.asDouble();
  }
}
