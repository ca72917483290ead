package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.selection.CandidateResults;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate column groups of slate and continuous-action logs (formats.md), read by hand. */
class CandidateColumnsTest {

  @TempDir Path dir;

  private LogInput write(String text) throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, text);
    return LogInput.of(file.toString());
  }

  @Test
  void slateCandidatesAreTheNamesOfTheirEvaluationColumns_andEachIsReadAlone() throws IOException {
    // two slates of one position; candidate "x_pscore" shows that the longest suffix decides
    LogInput log = write("slate_id,position,action,reward,pscore,evaluation_policy_a_pscore,"
        + "evaluation_policy_x_pscore_pscore\n1,0,0,1,0.5,0.25,1.0\n2,0,1,0,0.5,0.5,0.2\n");
    List<String> header;
    try (TableReader table = log.openTable()) {
      header = table.header();
    }
    List<String> names = SlateLogReader.candidates(header);
    assertThat(names).containsExactly("a", "x_pscore");
    SlateConfig config = SlateConfig.of(List.of(SlateEstimator.SIPS));
    List<SlateResult> results = new ArrayList<>();
    for (String name : names) {
      try (SlateLogReader reader = SlateLogReader.openCandidate(log, 1e-6, name)) {
        results.add(SlateEvaluator.evaluate(reader, config, 1));
      }
    }
    EvaluationResult gathered = CandidateResults.ofSlates(names, results, SlateEstimator.SIPS);
    // SIPS: mean of (pi_e / pscore) * reward: a (0.5 * 1 + 1 * 0) / 2, x_pscore (2 * 1 + 0.4 * 0) / 2
    assertThat(gathered.estimate("a", "sips").value()).isCloseTo(0.25, within(1e-15));
    assertThat(gathered.estimate("x_pscore", "sips").value()).isCloseTo(1.0, within(1e-15));
    // the joint weights of x_pscore are 2 and 0.4: mean 1.2, ESS 2.4^2 / 4.16
    assertThat(gathered.diagnostics().get("x_pscore").meanWeight()).isCloseTo(1.2, within(1e-15));
    assertThat(gathered.diagnostics().get("x_pscore").effectiveSampleSize()).isCloseTo(2.4 * 2.4 / 4.16,
        within(1e-12));
    assertThat(gathered.diagnostics().get("x_pscore").maxWeight()).isEqualTo(2.0);
    assertThatThrownBy(() -> SlateLogReader.open(log, 1e-6).close()).isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("holds the candidates [a, x_pscore]").hasMessageContaining("rank them with select");
  }

  @Test
  void continuousCandidatesAreTheirTargetColumns() throws IOException {
    ContinuousReadOptions options = ContinuousReadOptions.defaults();
    assertThat(options.candidates(List.of("action", "reward", "pscore", "target_action_a", "q_pi_a",
        "target_density_b", "q"), "log.csv")).containsExactly("a", "b");
    assertThat(options.forCandidate("a").targetAction()).isEqualTo("target_action_a");
    assertThat(options.forCandidate("a").qTarget()).isEqualTo("q_pi_a");
    assertThat(options.forCandidate("a").qLogged()).isEqualTo("q");
    assertThat(options.forCandidate("a").policy()).isEqualTo("a");
    assertThatThrownBy(() -> options.candidates(List.of("target_action_a", "target_density_a"), "log.csv"))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("candidate a has both");
    LogInput log = write("action,reward,pscore,target_action_a,target_action_b\n0.1,1,0.4,0.2,0.3\n");
    assertThatThrownBy(() -> ContinuousLogReader.open(log, options).close()).isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("found neither (the log holds candidates [a, b]: rank them with select)");
  }
}
