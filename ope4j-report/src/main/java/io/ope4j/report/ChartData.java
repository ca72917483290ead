package io.ope4j.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import java.util.List;

/** Builds the JSON of charts: numbers that are not finite become null (a gap in the chart). */
final class ChartData {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChartData() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode axes(String xName, String yName) {
    return object().put("xName", xName).put("yName", yName);
  }

  /** Axes whose x values are the indices 0 .. count - 1 (steps, positions). */
  static ObjectNode indexAxes(String xName, int count, String yName) {
    ObjectNode data = axes(xName, yName);
    ArrayNode x = data.putArray("x");
    for (int i = 0; i < count; i++) {
      x.add(Integer.toString(i));
    }
    return data;
  }

  static void strings(ObjectNode node, String key, List<String> values) {
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
  }

  static void numbers(ObjectNode node, String key, double[] values) {
    Formats.putArray(node, key, values);
  }

  /** Adds a named series of values to the node's {@code series}. */
  static ObjectNode series(ObjectNode node, String name, double[] values) {
    ArrayNode all = node.has("series") ? (ArrayNode) node.get("series") : node.putArray("series");
    ObjectNode series = all.addObject().put("name", name);
    numbers(series, "values", values);
    return series;
  }

  /** Six significant digits, as in the text tables. */
  static String num(double value) {
    return Formats.num(value);
  }
}
