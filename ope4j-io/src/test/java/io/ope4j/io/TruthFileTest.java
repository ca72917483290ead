package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("log.truth.json");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsPoliciesInFileOrderAndTheBehaviourValue() throws IOException {
    Path file = write("{\"policies\": {\"b\": 0.25, \"a\": 1}, \"behavior_value\": 0.5, \"config\": {\"x\": 1}}");
    TruthFile truth = TruthFile.read(file);
    assertThat(truth.policies()).containsExactly(
        java.util.Map.entry("b", 0.25), java.util.Map.entry("a", 1.0));
    assertThat(truth.behaviourValue()).isEqualTo(0.5);
    assertThat(truth.safetyThreshold()).isEqualTo(0.5);
    assertThat(truth.source()).isEqualTo(file.toString());
  }

  @Test
  void knownValuesFollowTheCandidatesOrder_andTheSafetyThresholdOverridesTheBehaviourValue() throws IOException {
    TruthFile truth = TruthFile.read(write(
        "{\"policies\": {\"b\": 0.25, \"a\": 1}, \"behavior_value\": 0.5, \"safety_threshold\": 0.3}"));
    KnownValues known = truth.knownValues(List.of("a", "b"));
    assertThat(known.trueValues()).containsExactly(1.0, 0.25);
    assertThat(known.behaviourValue()).isEqualTo(0.5);
    assertThat(known.safetyThreshold()).isEqualTo(0.3);
  }

  @Test
  void theOldSpellingBehaviourValue_isStillRead() throws IOException {
    assertThat(TruthFile.read(write("{\"policies\": {\"a\": 1}, \"behaviour_value\": 0.25}")).behaviourValue())
        .isEqualTo(0.25);
  }

  @Test
  void withoutBehaviourValue_itIsNaN() throws IOException {
    assertThat(TruthFile.read(write("{\"policies\": {\"a\": 1}}")).behaviourValue()).isNaN();
  }

  @Test
  void notJson_isInvalidDataNamingTheFile() throws IOException {
    Path file = write("{\"policies\": ");
    assertThatThrownBy(() -> TruthFile.read(file)).isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(file + ": not valid JSON");
  }

  @Test
  void noPoliciesObject_isInvalidData() throws IOException {
    Path file = write("{\"policy\": {\"a\": 1}}");
    assertThatThrownBy(() -> TruthFile.read(file)).isInstanceOf(InvalidDataException.class)
        .hasMessage(file + ": expected an object \"policies\" of true values");
  }

  @Test
  void aValueThatIsNotANumber_isInvalidData() throws IOException {
    Path file = write("{\"policies\": {\"a\": \"high\"}}");
    assertThatThrownBy(() -> TruthFile.read(file)).isInstanceOf(InvalidDataException.class)
        .hasMessage(file + ": true value of a must be a finite number, got \"high\"");
  }

  @Test
  void aCandidateWithoutValue_isInvalidData() throws IOException {
    Path file = write("{\"policies\": {\"a\": 1}}");
    assertThatThrownBy(() -> TruthFile.read(file).knownValues(List.of("a", "b", "c")))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(file + ": no true value for candidates b, c; the file has [a]. Every candidate needs one");
  }

  @Test
  void missingFile_isNoSuchFile() {
    assertThatThrownBy(() -> TruthFile.read(dir.resolve("none.json"))).isInstanceOf(NoSuchFileException.class);
  }
}
