package io.ope4j.slate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.internal.stats.PoissonMultiplicities;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two slates of two positions, every estimate worked out by hand (docs/slates.md):
 *
 * <pre>
 * slate  rewards  slate w  item-position w  cascade w    Q-hat logged  sum_a pi_e Q-hat
 *   0    1, 0     2        0.5, 2           0.5, 1.5     0.4, 0.2      0.6, 0.3
 *   1    0, 1     0.5      1.5, 0.25        1.5, 0.5     0.5, 0.1      0.7, 0.2
 * </pre>
 */
class SlateEstimatorHandTest {

  private static final double EXACT = 1e-15;

  private static SlateBatch batch() {
    SlateBatch batch = new SlateBatch(2, 4);
    double[][] rewards = {{1, 0}, {0, 1}};
    double[] slate = {2, 0.5};
    double[][] position = {{0.5, 2}, {1.5, 0.25}};
    double[][] prefix = {{0.5, 1.5}, {1.5, 0.5}};
    double[][] logged = {{0.4, 0.2}, {0.5, 0.1}};
    double[][] policy = {{0.6, 0.3}, {0.7, 0.2}};
    for (int s = 0; s < 2; s++) {
      batch.startSlate(s);
      batch.setSlateWeight(s, slate[s]);
      for (int l = 0; l < 2; l++) {
        batch.setReward(s, l, rewards[s][l]);
        batch.setPositionWeight(s, l, position[s][l]);
        batch.setPrefixWeight(s, l, prefix[s][l]);
        batch.setModel(s, l, logged[s][l], policy[s][l]);
      }
    }
    return batch;
  }

  /** A source of {@link #batch()}. */
  private static SlateSource source() {
    return new SlateSource() {
      private boolean given;

      @Override
      public String name() {
        return "hand";
      }

      @Override
      public int slateLength() {
        return 2;
      }

      @Override
      public boolean supports(SlateEstimator estimator) {
        return true;
      }

      @Override
      public int next(SlateBatch into) {
        into.clear();
        if (given) {
          return 0;
        }
        given = true;
        SlateBatch hand = batch();
        for (int s = 0; s < hand.count(); s++) {
          into.startSlate(hand.id(s));
        }
        System.arraycopy(hand.reward, 0, into.reward, 0, 4);
        System.arraycopy(hand.slateWeight, 0, into.slateWeight, 0, 2);
        System.arraycopy(hand.positionWeight, 0, into.positionWeight, 0, 4);
        System.arraycopy(hand.prefixWeight, 0, into.prefixWeight, 0, 4);
        System.arraycopy(hand.modelLogged, 0, into.modelLogged, 0, 4);
        System.arraycopy(hand.modelPolicy, 0, into.modelPolicy, 0, 4);
        return into.count();
      }

      @Override
      public void close() {}
    };
  }

  private static SlateResult evaluate(SlateConfig config) throws IOException {
    return SlateEvaluator.evaluate(source(), config, 1);
  }

  private static void assertPositions(SlateResult result, SlateEstimator estimator,
      double first, double second) {
    SlateEstimate estimate = result.estimate(estimator);
    assertThat(estimate.positionValues()[0]).as(estimator + " position 0")
        .isCloseTo(first, within(EXACT));
    assertThat(estimate.positionValues()[1]).as(estimator + " position 1")
        .isCloseTo(second, within(EXACT));
    assertThat(estimate.value()).as(estimator.id()).isCloseTo(first + second, within(EXACT));
  }

  @Test
  void everyEstimator_matchesTheHandComputation() throws IOException {
    SlateResult result = evaluate(SlateConfig.of(List.of(SlateEstimator.values())));
    // sips: w * r = (2, 0) and (0, 0.5)
    assertPositions(result, SlateEstimator.SIPS, 1.0, 0.25);
    // iips: (0.5, 0) and (0, 0.25)
    assertPositions(result, SlateEstimator.IIPS, 0.25, 0.125);
    // rips: (0.5, 0) and (0, 0.5)
    assertPositions(result, SlateEstimator.RIPS, 0.25, 0.25);
    // snsips: 2 / 2.5 and 0.5 / 2.5
    assertPositions(result, SlateEstimator.SNSIPS, 0.8, 0.2);
    // sniips: 0.5 / (0.5 + 1.5) and 0.25 / (2 + 0.25)
    assertPositions(result, SlateEstimator.SNIIPS, 0.25, 1.0 / 9);
    // snrips: 0.5 / 2 and 0.5 / 2
    assertPositions(result, SlateEstimator.SNRIPS, 0.25, 0.25);
    // cascade-dr: slate 0: 0.5 (1 - 0.4) + 0.6 = 0.9, 1.5 (0 - 0.2) + 0.5 * 0.3 = -0.15;
    // slate 1: 1.5 (0 - 0.5) + 0.7 = -0.05, 0.5 (1 - 0.1) + 1.5 * 0.2 = 0.75
    assertPositions(result, SlateEstimator.CASCADE_DR, 0.425, 0.3);
    // pi-slate: weights 0.5 + 2 - 1 = 1.5 and 1.5 + 0.25 - 1 = 0.75
    assertPositions(result, SlateEstimator.PI_SLATE, 0.75, 0.375);
  }

  @Test
  void standardErrors_matchTheHandComputation() throws IOException {
    SlateResult result = evaluate(SlateConfig.of(List.of(SlateEstimator.SIPS,
        SlateEstimator.SNIIPS)));
    // sips: slate totals 2 and 0.5: sample variance 1.125, over n = 2
    assertThat(result.estimate(SlateEstimator.SIPS).stderr()).isCloseTo(0.75, within(EXACT));
    // sniips (delta method): influence values +-(0.375 - 16/81), so the standard error is that
    assertThat(result.estimate(SlateEstimator.SNIIPS).stderr())
        .isCloseTo(0.375 - 16.0 / 81, within(EXACT));
    // sips position 0: values 2 and 0: sample variance 2, over n = 2
    assertThat(result.estimate(SlateEstimator.SIPS).positionStderrs()[0])
        .isCloseTo(1.0, within(EXACT));
  }

  @Test
  void poissonBootstrap_renormalisesEachReplicate() throws IOException {
    long seed = 11;
    int replicates = 5;
    SlateConfig config = SlateConfig.of(List.of(SlateEstimator.SNIIPS, SlateEstimator.SIPS))
        .withInterval(IntervalMethod.BOOTSTRAP, replicates, seed);
    SlateState state = SlateEvaluator.fold(source(), config, 1);
    double[] sniips = state.moments(0).replicateValues(state.totalMultiplicity());
    double[] sips = state.moments(1).replicateValues(state.totalMultiplicity());
    for (int b = 0; b < replicates; b++) {
      int m0 = PoissonMultiplicities.of(seed, 0, b);
      int m1 = PoissonMultiplicities.of(seed, 1, b);
      double expected = (m0 * 0.5) / (m0 * 0.5 + m1 * 1.5) + (m1 * 0.25) / (m0 * 2 + m1 * 0.25);
      assertThat(sniips[b]).as("replicate " + b).isEqualTo(expected, within(EXACT));
      assertThat(sips[b]).as("replicate " + b).isEqualTo((m0 * 2 + m1 * 0.5) / (m0 + m1),
          within(EXACT));
    }
  }

  @Test
  void obpSlateTotals_keepTheWholeLogNormaliser() throws IOException {
    SlateConfig config = SlateConfig.of(List.of(SlateEstimator.SNIIPS))
        .withInterval(IntervalMethod.BOOTSTRAP, 2, 0).withCompatibility(SlateCompatibility.OBP);
    SlateState state = SlateEvaluator.fold(source(), config, 1);
    // mean weights 1 and 1.125: slate totals 0.5 / 1 and 0.25 / 1.125
    assertThat(state.moments(0).slateTotals()).containsExactly(0.5, 0.25 / 1.125);
  }

  @Test
  void unknownEstimator_isRefusedWithTheKnownIds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlateEstimator.parse("dr"))
        .hasMessageContaining("unknown slate estimator 'dr'").hasMessageContaining("cascade-dr");
  }
}
