package io.ope4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final SyntheticBandit BANDIT = SyntheticBandit.of(SyntheticConfig.defaults(3L));

  private static EvaluationResult evaluate(long rows) throws Exception {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dm,ipw,snipw,dr")).withThreads(2);
    return new Evaluator(config).evaluate(BANDIT.source(rows));
  }

  private static Map<String, Double> truths() {
    return BANDIT.truth().toMap();
  }

  private static String page(EvaluationResult result) {
    return HtmlReport.builder().header("ope4j evaluate", "ope4j evaluate --data logs.csv", "test")
        .elapsed(Duration.ofMillis(1234)).sections(EvaluationSections.of(result, truths())).build().html();
  }

  @Test
  void page_isSelfContained() throws Exception {
    String html = page(evaluate(10_000));
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'")
        .contains("id=\"ope4j-charts\"").contains("took 1.2 s").contains("How to read this:");
    assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
        .doesNotContainPattern("<img[^>]+src=\"http");
    // one chart container per policy for the estimates and one for the weights, each with its table
    int policies = BANDIT.layout().policies().size();
    assertThat(html.split("data-chart=\"", -1)).hasSize(2 * policies + 1);
    assertThat(html.split("<details>", -1)).hasSize(2 * policies + 1);
  }

  /** The charts summarise: a thousand times more rows add digits to counts, nothing more. */
  @Test
  void size_doesNotGrowWithTheRows() throws Exception {
    int small = page(evaluate(10_000)).getBytes(StandardCharsets.UTF_8).length;
    int large = page(evaluate(10_000_000)).getBytes(StandardCharsets.UTF_8).length;
    assertThat(large).as("10^4 rows: %d bytes, 10^7 rows: %d bytes", small, large)
        .isLessThan(3 << 20).isLessThanOrEqualTo(small + small / 200);
  }

  @Test
  void textFromTheData_cannotEndTheScriptOrInjectMarkup() {
    Table table = Table.of("a </script><b>", "name").withRow("<img src=x onerror=alert(1)>");
    com.fasterxml.jackson.databind.node.ObjectNode data = ChartData.axes("x", "y");
    ChartData.strings(data, "labels", List.of("</script><script>alert(1)</script>"));
    ChartData.numbers(data, "counts", new double[] {1});
    String html = HtmlReport.builder().header("t", "ope4j '<x>'", "test")
        .section(Section.of("s", "h").withChart(new Chart("histogram", "t", data, table))).build().html();
    assertThat(html).doesNotContain("<img src=x").doesNotContain("</script><script>alert")
        .contains("\\u003c/script>").contains("&lt;img src=x");
  }

  @Test
  void tableRows_mustMatchTheHeader() {
    assertThatThrownBy(() -> Table.of("t", "a", "b").withRow("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, the header 2");
  }
}
