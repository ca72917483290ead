package io.ope4j.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The candidates of a trajectory log ranked by one criterion (docs/distribution.md): rank, the
 * top-k mark, the score ranked by and the mean estimate, as a table, JSON or CSV.
 *
 * @param estimator the estimator id the scores come from
 * @param criterion the criterion as typed
 * @param topK how many are selected
 * @param episodes the episodes the estimates rest on
 * @param names the candidates in log order
 * @param scores per candidate, the number ranked by
 * @param values per candidate, the mean estimate
 * @param order the candidates' indices, best first
 */
public record TrajectorySelectionReport(String estimator, String criterion, int topK, long episodes,
    List<String> names, double[] scores, double[] values, int[] order) implements Report {

  @Override
  public void writeTable(PrintWriter out) {
    out.printf(Locale.ROOT, "%,d logged episodes. Estimator %s; %d candidates ranked by %s; top %d selected (*).%n%n",
        episodes, estimator, names.size(), criterion, topK);
    TextTable table = new TextTable();
    table.header(List.of("rank", "policy", "top", criterion, "mean"));
    for (int r = 0; r < order.length; r++) {
      int p = order[r];
      table.row(List.of(Integer.toString(r + 1), names.get(p), r < topK ? "*" : "",
          Formats.num(scores[p]), Formats.num(values[p])));
    }
    table.print(out);
    out.println();
    out.println("Selected for the online test: " + String.join(", ", selected()));
  }

  @Override
  public void writeJson(PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "trajectory-selection");
    root.put("n_episodes", episodes);
    root.put("estimator", estimator);
    root.put("criterion", criterion);
    root.put("top_k", topK);
    ArrayNode ranking = root.putArray("ranking");
    for (int r = 0; r < order.length; r++) {
      int p = order[r];
      ObjectNode node = ranking.addObject();
      node.put("rank", r + 1);
      node.put("policy", names.get(p));
      node.put("selected", r < topK);
      Formats.put(node, "score", scores[p]);
      Formats.put(node, "value", values[p]);
    }
    ArrayNode chosen = root.putArray("selected");
    selected().forEach(chosen::add);
    out.println(mapper.writeValueAsString(root));
  }

  @Override
  public void writeCsv(PrintWriter out) {
    out.println("rank,policy,selected,score,value");
    for (int r = 0; r < order.length; r++) {
      int p = order[r];
      out.println(String.join(",", Integer.toString(r + 1), names.get(p), Boolean.toString(r < topK),
          Formats.csv(scores[p]), Formats.csv(values[p])));
    }
  }

  private List<String> selected() {
    List<String> chosen = new ArrayList<>();
    for (int r = 0; r < topK; r++) {
      chosen.add(names.get(order[r]));
    }
    return chosen;
  }
}
