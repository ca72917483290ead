package io.ope4j.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.InvalidDataException;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * True policy values, as {@code simulate} writes them beside a log: {@code {"policies": {"name":
 * value, ...}, "behavior_value": value, "safety_threshold": value}}. Only {@code policies} is
 * required; other keys ({@code config}, {@code note}, ...) are ignored. Files written before the
 * key was spelled {@code behavior_value} say {@code behaviour_value}, which is read too.
 *
 * @param source the file, as named in messages
 * @param policies each policy's true value, in the file's order
 * @param behaviourValue the behaviour policy's value (the baseline of SharpeRatio@k), NaN if absent
 * @param safetyThreshold the value below which a policy is unsafe: {@code safety_threshold}, else
 *     the behaviour value
 */
public record TruthFile(String source, Map<String, Double> policies, double behaviourValue, double safetyThreshold) {

  /** The key of the behaviour policy's value. */
  public static final String BEHAVIOR_VALUE = "behavior_value";

  public TruthFile {
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /**
   * Reads {@code path}.
   *
   * @throws InvalidDataException naming the file when it is not JSON, has no {@code policies}
   *     object, or holds a value that is not a finite number
   * @throws NoSuchFileException if there is no such file
   */
  public static TruthFile read(Path path) throws IOException {
    String source = path.toString();
    if (!Files.exists(path)) {
      throw new NoSuchFileException(source);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(path.toFile());
    } catch (JacksonException e) {
      throw invalid(source, "not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode policies = root == null ? null : root.get("policies");
    if (policies == null || !policies.isObject()) {
      throw invalid(source, "expected an object \"policies\" of true values");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = policies.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      values.put(entry.getKey(), number(source, "true value of " + entry.getKey(), entry.getValue()));
    }
    double behaviour = optional(source, root, root.has(BEHAVIOR_VALUE) ? BEHAVIOR_VALUE : "behaviour_value");
    double threshold = root.has("safety_threshold") ? optional(source, root, "safety_threshold") : behaviour;
    return new TruthFile(source, values, behaviour, threshold);
  }

  /**
   * The true values of those of {@code logPolicies} the file names, to show beside estimates.
   *
   * @throws InvalidDataException naming the file and the log's policies when it names none of
   *     them (the truth of another log)
   */
  public Map<String, Double> valuesOf(Collection<String> logPolicies) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (String policy : logPolicies) {
      if (policies.containsKey(policy)) {
        named.put(policy, policies.get(policy));
      }
    }
    if (named.isEmpty()) {
      throw invalid(source, "names none of the log's policies " + logPolicies + " (it names " + policies.keySet()
          + "): is it the truth of another log?");
    }
    return named;
  }

  /**
   * The true values of {@code candidates}, in their order, to judge a selection.
   *
   * @throws InvalidDataException naming the file when a candidate has no true value
   */
  public KnownValues knownValues(List<String> candidates) {
    List<String> missing = new ArrayList<>();
    double[] values = new double[candidates.size()];
    for (int p = 0; p < values.length; p++) {
      Double value = policies.get(candidates.get(p));
      if (value == null) {
        missing.add(candidates.get(p));
      } else {
        values[p] = value;
      }
    }
    if (!missing.isEmpty()) {
      throw invalid(source, "no true value for candidate" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + "; the file has " + policies.keySet() + ". Every candidate needs one");
    }
    return new KnownValues(candidates, values, behaviourValue, safetyThreshold);
  }

  private static double optional(String source, JsonNode root, String key) {
    JsonNode node = root.get(key);
    return node == null || node.isNull() ? Double.NaN : number(source, key, node);
  }

  private static double number(String source, String what, JsonNode node) {
    if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw invalid(source, what + " must be a finite number, got " + node);
    }
    return node.asDouble();
  }

  private static InvalidDataException invalid(String source, String problem) {
    return new InvalidDataException(source, -1, null, problem);
  }
}
