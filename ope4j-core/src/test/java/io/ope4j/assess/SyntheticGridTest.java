package io.ope4j.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticGridTest {

  private static SyntheticGrid grid() {
    Map<String, List<PolicySpec>> pools = new LinkedHashMap<>();
    pools.put("default", CandidatePools.defaults());
    pools.put("softmax:3", CandidatePools.softmaxLadder(3));
    return new SyntheticGrid(SyntheticConfig.defaults(7), List.of(100L, 1000L), List.of(5), List.of(0.5, 2.0),
        List.of(0.5), pools);
  }

  @Test
  void points_coverEveryCombinationWithSampleSizesInnermost() {
    List<GridPoint> points = grid().points();
    assertThat(points).hasSize(2 * 2 * 2);
    assertThat(points.get(0)).isEqualTo(new GridPoint(100, 5, 0.5, 0.5, "default"));
    assertThat(points.get(1)).isEqualTo(new GridPoint(1000, 5, 0.5, 0.5, "default"));
    assertThat(points.get(2)).isEqualTo(new GridPoint(100, 5, 2.0, 0.5, "default"));
    assertThat(points.get(7)).isEqualTo(new GridPoint(1000, 5, 2.0, 0.5, "softmax:3"));
    assertThat(points.get(2).label()).isEqualTo("rows=100 actions=5 behaviour-temperature=2 reward-noise=0.5 pool=default");
  }

  @Test
  void config_appliesThePointToTheBase() {
    SyntheticConfig config = grid().config(new GridPoint(100, 5, 2.0, 0.5, "softmax:3"));
    assertThat(config.nActions()).isEqualTo(5);
    assertThat(config.behaviourTemperature()).isEqualTo(2.0);
    assertThat(config.policyNames()).containsExactly("softmax-01", "softmax-02", "softmax-03");
    assertThat(config.seed()).isEqualTo(7);
    assertThat(grid().factory(new GridPoint(100, 5, 2.0, 0.5, "default")).candidates()).hasSize(4);
  }

  @Test
  void badGrids_areRejected() {
    assertThatThrownBy(() -> new SyntheticGrid(SyntheticConfig.defaults(), List.of(), List.of(5), List.of(1.0),
        List.of(0.5), Map.of("d", CandidatePools.defaults())))
        .hasMessage("every grid dimension needs at least one value");
    assertThatThrownBy(() -> new SyntheticGrid(SyntheticConfig.defaults(), List.of(10L), List.of(5), List.of(1.0),
        List.of(0.5), Map.of("one", CandidatePools.softmaxLadder(1))))
        .hasMessage("candidate pool one needs at least two policies, got 1");
  }

  @Test
  void ladders_spanBothSidesOfTheLoggingPolicy() {
    List<PolicySpec> ladder = CandidatePools.softmaxLadder(5);
    assertThat(((PolicySpec.Softmax) ladder.get(0)).temperature()).isEqualTo(0.2);
    assertThat(((PolicySpec.Softmax) ladder.get(2)).temperature()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(((PolicySpec.Softmax) ladder.get(4)).temperature()).isEqualTo(5.0, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(CandidatePools.epsilonGreedyLadder(2)).extracting(PolicySpec::name).containsExactly("egreedy-01", "egreedy-02");
    assertThat(CandidatePools.mixed(5)).extracting(PolicySpec::name)
        .containsExactly("softmax-01", "softmax-02", "softmax-03", "egreedy-01", "egreedy-02");
  }
}
