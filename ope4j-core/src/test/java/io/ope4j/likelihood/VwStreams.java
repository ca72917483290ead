package io.ope4j.likelihood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The vw-estimators reference streams of {@code testdata/vw_cs}: weights {@code p_pred / p_log},
 * rewards, and the expected snapshots after given numbers of rows.
 */
public record VwStreams(String name, double[] weights, double[] rewards, JsonNode expected) {

  public static final List<String> NAMES = List.of("vw_alternating_shared", "vw_sim_shared");

  public static VwStreams load(String name) {
    Path dir = Path.of("..", "testdata", "vw_cs");
    try {
      List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
      int n = lines.size() - 1;
      double[] w = new double[n];
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 1).split(",");
        w[i] = Double.parseDouble(f[3]) / Double.parseDouble(f[1]);
        r[i] = Double.parseDouble(f[2]);
      }
      JsonNode json = new ObjectMapper().readTree(dir.resolve(name + "_expected.json").toFile());
      return new VwStreams(name, w, r, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshots, each with its row count {@code t}. */
  public Iterable<JsonNode> snapshots() {
    return expected.get("snapshots");
  }

  /** A JSON number, or an infinity written as a string. */
  public static double number(JsonNode node) {
    return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
  }
}
