package io.ope4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sidecar JSON of true policy values that {@code simulate} writes. */
final class TruthFile {

  private TruthFile() {}

  /** Reads {@code {"policies": {"name": value, ...}}}. */
  static Map<String, Double> read(Path path) throws IOException {
    JsonNode root = new ObjectMapper().readTree(path.toFile());
    JsonNode policies = root == null ? null : root.get("policies");
    if (policies == null || !policies.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object \"policies\" of true values");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = policies.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isNumber()) {
        throw new IllegalArgumentException(path + ": true value of " + entry.getKey() + " is not a number");
      }
      values.put(entry.getKey(), entry.getValue().asDouble());
    }
    return values;
  }
}
