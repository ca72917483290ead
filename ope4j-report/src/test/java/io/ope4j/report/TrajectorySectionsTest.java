package io.ope4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.sequential.StepDiagnostics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectorySectionsTest {

  private static final SequentialConfig CONFIG =
      SequentialConfig.of(List.of(SequentialEstimator.PDIS, SequentialEstimator.TIS), 0.9);

  private static SequentialResult result() {
    Interval narrow = new Interval(1.0, 2.0, 0.95, IntervalMethod.T, Double.NaN, Double.NaN, null, 0);
    Interval wide = new Interval(0.0, 4.0, 0.95, IntervalMethod.T, Double.NaN, Double.NaN, null, 0);
    StepDiagnostics steps = new StepDiagnostics("pi", new long[] {100, 60, 20},
        new double[] {90, 12, 0.1}, new double[] {2, 40, 0}, 0.25, 0, 0);
    return new SequentialResult(100, List.of(
        new SequentialEstimate("pi", SequentialEstimator.PDIS, 1.5, 0.2, narrow, 100),
        new SequentialEstimate("pi", SequentialEstimator.TIS, 2.5, 1.0, wide, 100)), List.of(steps));
  }

  @Test
  void estimates_markTheIntervalThatMissesTheTruth() {
    Section section = TrajectorySections.estimates(result(), CONFIG, Map.of("pi", 3.0));
    assertThat(section.facts()).contains(new Section.Fact("discount γ", "0.9"),
        new Section.Fact("intervals missing the truth", "1"));
    Chart chart = section.charts().get(0);
    assertThat(chart.kind()).isEqualTo("intervals");
    assertThat(chart.data().get("categories").toString()).isEqualTo("[\"pdis\",\"tis\"]");
    assertThat(chart.data().get("truth").toString()).isEqualTo("[3.0,3.0]");
    assertThat(chart.table().rows()).extracting(row -> row.get(8)).containsExactly("no", "yes");
  }

  @Test
  void steps_chartEssAndMaxWeightOnLogAxes_withAGapForZero() {
    Section section = TrajectorySections.steps(result());
    assertThat(section.charts()).hasSize(2);
    assertThat(section.warnings()).anySatisfy(w -> assertThat(w).contains("from step 2"))
        .anySatisfy(w -> assertThat(w).contains("25.00% of the episodes"));
    Chart ess = section.charts().get(0);
    assertThat(ess.title()).contains("ESS by step").contains("zero-probability share 25.00%");
    assertThat(ess.data().get("yLog").asBoolean()).isTrue();
    assertThat(ess.data().get("x").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
    Chart max = section.charts().get(1);
    assertThat(max.data().get("series").get(0).get("values").toString()).isEqualTo("[2.0,40.0,null]");
    assertThat(max.table().rows()).hasSize(3);
    assertThat(max.table().rows().get(2)).containsExactly("2", "20", "0.100000", "0.5%", "0.00000");
  }

  @Test
  void page_holdsOneChartPerPolicyForEstimatesAndTwoForSteps() {
    String html = HtmlReport.builder().sections(TrajectorySections.of(result(), CONFIG, Map.of())).build().html();
    assertThat(html.split("data-chart=\"", -1)).hasSize(4);
    assertThat(html).contains("Weights by step").contains("How to read this:");
  }
}
