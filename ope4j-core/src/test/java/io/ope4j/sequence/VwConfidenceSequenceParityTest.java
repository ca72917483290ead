package io.ope4j.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import io.ope4j.likelihood.VwStreams;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with vw-estimators 0.2.2 {@code cs.Interval} ({@code testdata/vw_cs}), checkpoint by
 * checkpoint: the arguments of each one-sided search (sum and variance process) to 1e-12, and the
 * interval to 5e-12 of both the crossing solved to the last bit ({@code result_precise_root}) and the
 * reference's own Brent result, which stops within about 2e-12 of it (the oracle README's tolerance).
 */
class VwConfidenceSequenceParityTest {


  @ParameterizedTest
  @ValueSource(strings = {"vw_alternating_shared", "vw_sim_shared"})
  void everyCheckpoint_matchesTheReference(String name) {
    VwStreams stream = VwStreams.load(name);
    OffPolicyBettingSequence sequence = new OffPolicyBettingSequence(0, 1);
    int row = 0;
    int checked = 0;
    for (JsonNode snapshot : stream.snapshots()) {
      int t = snapshot.get("t").asInt();
      for (; row < t; row++) {
        sequence.add(stream.weights()[row], stream.rewards()[row]);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = snapshot.get("cs_interval").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = name + " t=" + t + " alpha=" + e.getKey();
        double alpha = Double.parseDouble(e.getKey());
        JsonNode search = snapshot.get("cs_lower_bound_search").get(e.getKey());
        close(sequence.sumLow(), search.get("low").get("sumXt").asDouble(), 1e-12, at + " S low");
        close(sequence.varianceLow(), search.get("low").get("v").asDouble(), 1e-12, at + " V low");
        close(sequence.sumHigh(), search.get("high").get("sumXt").asDouble(), 1e-12, at + " S high");
        close(sequence.varianceHigh(), search.get("high").get("v").asDouble(), 1e-12, at + " V high");
        SequenceInterval interval = sequence.interval(alpha);
        double preciseLow = search.get("low").get("result_precise_root").asDouble();
        double preciseHigh = 1 - search.get("high").get("result_precise_root").asDouble();
        close(interval.lower(), preciseLow, 5e-12, at + " lower vs precise root");
        close(interval.upper(), preciseHigh, 5e-12, at + " upper vs precise root");
        close(interval.lower(), VwStreams.number(e.getValue().get(0)), 5e-12, at + " lower vs reference");
        close(interval.upper(), VwStreams.number(e.getValue().get(1)), 5e-12, at + " upper vs reference");
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8);
  }

  private static void close(double actual, double expected, double relative, String what) {
    if (expected == 0) {
      assertThat(Math.abs(actual)).as(what).isLessThanOrEqualTo(1e-15);
    } else {
      assertThat(actual).as(what).isCloseTo(expected, withinPercentage(relative * 100));
    }
  }
}
