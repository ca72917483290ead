package io.ope4j.report;

import static io.ope4j.report.Html.escape;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the parts of the report page as HTML text. */
final class PageWriter {

  /** Blocks every request: the page must draw from what it holds. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

  private PageWriter() {}

  static String page(String title, CharSequence body, String echarts, String script, String css, String chartsJson) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + css + "\n</style>\n"
        // Records errors and blocked requests in the page itself, before any other script runs.
        + "<script>window.ope4jProblems=[];function ope4jProblem(t){window.ope4jProblems.push(t);"
        + "document.documentElement.setAttribute('data-problems',window.ope4jProblems.join(' | '));}"
        + "window.addEventListener('error',function(e){ope4jProblem('error: '+e.message);});"
        + "document.addEventListener('securitypolicyviolation',function(e){ope4jProblem('blocked request: '+e.blockedURI);});"
        + "</script>\n</head>\n<body>\n" + body
        + "<script>\n" + echarts + "\n</script>\n"
        + "<script type=\"application/json\" id=\"ope4j-charts\">" + Html.scriptJson(chartsJson) + "</script>\n"
        + "<script>\n" + script + "\n</script>\n</body>\n</html>\n";
  }

  static void header(StringBuilder out, RunInfo run, List<Section> sections) {
    out.append("<header>\n<h1>").append(escape(run.title())).append("</h1>\n<p class=\"meta\">ope4j ")
        .append(escape(run.version())).append(" · started ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.started().atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC · took ").append(escape(duration(run.elapsed().toMillis()))).append("</p>\n");
    out.append("<pre class=\"command\">$ ").append(escape(run.commandLine())).append("</pre>\n");
    if (!run.inputs().isEmpty()) {
      out.append("<table class=\"inputs\"><thead><tr><th>input</th><th>size</th><th>SHA-256</th></tr></thead><tbody>\n");
      for (InputFile input : run.inputs()) {
        out.append("<tr><td>").append(escape(input.name())).append("</td><td>")
            .append(input.bytes() < 0 ? "—" : escape(bytes(input.bytes()))).append("</td><td class=\"hash\">")
            .append(input.sha256() == null ? "— (not a regular file)" : input.sha256()).append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    if (!run.settings().isEmpty()) {
      out.append("<dl class=\"settings\">");
      for (Map.Entry<String, String> setting : run.settings().entrySet()) {
        out.append("<div><dt>").append(escape(setting.getKey())).append("</dt><dd>").append(escape(setting.getValue()))
            .append("</dd></div>");
      }
      out.append("</dl>\n");
    }
    out.append("<nav>");
    for (int s = 0; s < sections.size(); s++) {
      out.append("<a href=\"#s").append(s + 1).append("\">").append(escape(sections.get(s).title())).append("</a>");
    }
    out.append("</nav>\n</header>\n<main>\n");
  }

  static void section(StringBuilder out, String id, Section section, ObjectNode charts) {
    out.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(section.title())).append("</h2>\n");
    out.append("<p class=\"how\"><b>How to read this:</b> ").append(escape(section.howToRead())).append("</p>\n");
    if (!section.facts().isEmpty()) {
      out.append("<div class=\"facts\">");
      for (Section.Fact fact : section.facts()) {
        out.append("<div class=\"fact\"><span>").append(escape(fact.label())).append("</span><b>")
            .append(escape(fact.value())).append("</b></div>");
      }
      out.append("</div>\n");
    }
    for (String warning : section.warnings()) {
      out.append("<p class=\"warning\">⚠ ").append(escape(warning)).append("</p>\n");
    }
    for (int c = 0; c < section.charts().size(); c++) {
      Chart chart = section.charts().get(c);
      String chartId = id + "c" + (c + 1);
      ObjectNode spec = charts.putObject(chartId);
      spec.put("kind", chart.kind());
      spec.set("data", chart.data());
      out.append("<figure>\n<figcaption>").append(escape(chart.title())).append("</figcaption>\n");
      out.append("<div class=\"chart\" data-chart=\"").append(chartId).append("\" style=\"height:")
          .append(height(chart)).append("px\"></div>\n");
      table(out, chart.table(), false);
      out.append("</figure>\n");
    }
    for (Table table : section.tables()) {
      table(out, table, true);
    }
    for (String note : section.notes()) {
      out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
    }
    out.append("</section>\n");
  }

  static void footer(StringBuilder out) {
    out.append("</main>\n<footer>Charts drawn by Apache ECharts ").append(HtmlReport.ECHARTS_VERSION)
        .append(" (Apache-2.0), inlined in this file: the page makes no network request."
            + " Hover over a chart for its numbers; every chart's table is under it.</footer>\n");
  }

  private static void table(StringBuilder out, Table table, boolean open) {
    out.append(open ? "<details open>" : "<details>").append("<summary>").append(escape(table.caption()))
        .append("</summary>\n<table><thead><tr>");
    for (String name : table.header()) {
      out.append("<th>").append(escape(name)).append("</th>");
    }
    out.append("</tr></thead><tbody>\n");
    for (List<String> row : table.rows()) {
      out.append("<tr>");
      for (String cell : row) {
        out.append("<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></details>\n");
  }

  /** Interval charts grow with their rows; the others have one height. */
  private static int height(Chart chart) {
    if (chart.kind().equals("intervals")) {
      return 70 + 30 * chart.data().get("categories").size();
    }
    return 340;
  }

  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %d s", millis / 60_000, millis / 1000 % 60);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
