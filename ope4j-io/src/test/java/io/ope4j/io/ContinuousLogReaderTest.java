package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimators;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The continuous-action schema over the format layer: the same numbers from every format, and its refusals. */
class ContinuousLogReaderTest {

  private static final String SPECS = "kernel-ipw:kernel=triangular:bandwidth=1,kernel-dr:kernel=triangular:bandwidth=1";

  @TempDir Path dir;

  private ContinuousResult evaluate(Path file) throws IOException {
    return evaluate(file, SPECS);
  }

  private ContinuousResult evaluate(Path file, String specs) throws IOException {
    try (ContinuousLogReader reader = ContinuousLogReader.open(LogInput.of(file, InputFormat.AUTO),
        ContinuousReadOptions.defaults())) {
      return new ContinuousEvaluator(ContinuousConfig.of(ContinuousEstimators.parseList(specs)).withThreads(1))
          .evaluate(reader);
    }
  }

  @Test
  void csvAndJsonLinesGiveTheSameNumbers() throws IOException {
    Path csv = dir.resolve("log.csv");
    Files.writeString(csv, "x_0,action,reward,pscore,target_action,q_pi,q\n"
        + "7,0,1,0.5,0,1,0.5\n7,1,2,0.25,0,1,2\n7,0.5,4,2,1,1,3\n");
    Path jsonl = dir.resolve("log.jsonl");
    Files.writeString(jsonl, "{\"action\": 0, \"reward\": 1, \"pscore\": 0.5, \"target_action\": 0, \"q_pi\": 1, \"q\": 0.5}\n"
        + "{\"action\": 1, \"reward\": 2, \"pscore\": 0.25, \"target_action\": 0, \"q_pi\": 1, \"q\": 2}\n"
        + "{\"action\": 0.5, \"reward\": 4, \"pscore\": 2, \"target_action\": 1, \"q_pi\": 1, \"q\": 3}\n");
    ContinuousResult fromCsv = evaluate(csv);
    assertThat(evaluate(jsonl).estimates()).isEqualTo(fromCsv.estimates());
    // the hand-computed case of HandComputedKernelEstimatesTest: 1 and 4.25 / 3
    assertThat(fromCsv.estimates().get(0).value()).isEqualTo(1.0);
    assertThat(fromCsv.rows()).isEqualTo(3);
  }

  @Test
  void badValuesAndColumnsAreRefusedNamingFileRowAndColumn() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "action,reward,pscore,target_density\n0,1,0.5,0.2\n1,2,0.5,-1\n");
    assertThatThrownBy(() -> evaluate(file, "kernel-ipw")).isInstanceOf(InvalidDataException.class)
        .hasMessage(file + " row 2, target_density: must be a finite density >= 0, got -1");
    Files.writeString(file, "action,reward,pscore,target_action\n0,1,Infinity,0.2\n");
    assertThatThrownBy(() -> evaluate(file, "kernel-ipw:bandwidth=1")).hasMessage(file + " row 1, pscore: must be a finite density > 0, got Infinity");
    Files.writeString(file, "action,reward,target_action\n0,1,0.2\n");
    assertThatThrownBy(() -> evaluate(file)).hasMessageContaining("pscore: required column is missing");
    Files.writeString(file, "action,reward,pscore,target_action,target_density\n0,1,1,0.2,1\n");
    assertThatThrownBy(() -> evaluate(file)).hasMessageContaining("needs exactly one of the columns target_action"
        + " (the evaluation policy's action) and target_density (its density at the logged action); found both");
    Files.writeString(file, "action,reward,pscore,target_action\n");
    assertThatThrownBy(() -> evaluate(file, "kernel-ipw:bandwidth=1")).hasMessageContaining("no data rows");
  }
}
