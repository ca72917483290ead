package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.slate.SlateBatch;
import io.ope4j.slate.SlateEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slate schema's rules, each refused naming file, row and column. */
class SlateLogReaderTest {

  private static final String HEADER = "slate_id,position,action,reward,pscore,"
      + "evaluation_policy_pscore,pscore_cascade,evaluation_policy_pscore_cascade\n";

  @TempDir Path dir;

  private String readAll(String header, String body) throws IOException {
    Path file = dir.resolve("slates.csv");
    Files.writeString(file, header + body);
    try (SlateLogReader reader = SlateLogReader.open(LogInput.of(file.toString()), 1e-6)) {
      SlateBatch batch = new SlateBatch(reader.slateLength(), 2);
      int slates = 0;
      for (int read = reader.next(batch); read > 0; read = reader.next(batch)) {
        slates += read;
      }
      return "slates " + slates + " of " + reader.slateLength();
    }
  }

  private String readAll(String body) throws IOException {
    return readAll(HEADER, body);
  }

  @Test
  void wellFormedSlates_read() throws IOException {
    assertThat(readAll("5,0,1,1,0.1,0.2,0.5,0.4\n5,1,0,0,0.1,0.2,0.2,0.2\n"
        + "-2,0,2,0,0.3,0.1,0.6,0.5\n-2,1,1,1,0.3,0.1,0.5,0.1\n"
        + "9,0,0,1,0.1,0.2,0.5,0.4\n9,1,2,0,0.1,0.2,0.2,0.2\n")).isEqualTo("slates 3 of 2");
  }

  @Test
  void missingLastPosition_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n5,1,0,0,0.1,0.2,0.2,0.2\n"
        + "6,0,2,0,0.3,0.1,0.6,0.5\n7,0,1,1,0.3,0.1,0.5,0.1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 3, position: slate 6 ends at position 0: position 1"
            + " is missing");
  }

  @Test
  void missingMiddlePosition_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n5,2,0,0,0.1,0.2,0.2,0.2\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 2, position: must be 1")
        .hasMessageContaining("position 1 of slate 5 is missing");
  }

  @Test
  void duplicatePosition_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n5,0,0,0,0.1,0.2,0.2,0.2\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 2, position: position 0 appears twice in slate 5");
  }

  @Test
  void longerSlate_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n6,0,2,0,0.3,0.1,0.6,0.5\n"
        + "6,1,1,1,0.3,0.1,0.5,0.1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 3, position: slate 6 has more than 1 positions");
  }

  @Test
  void slateInTwoPlaces_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n6,0,2,0,0.3,0.1,0.6,0.5\n"
        + "5,0,1,1,0.1,0.2,0.5,0.4\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 3, slate_id: slate 5 appears again");
  }

  @Test
  void jointPscoreChangingWithinASlate_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.5,0.4\n5,1,0,0,0.1,0.3,0.2,0.2\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 2, evaluation_policy_pscore: is the joint probability"
            + " of the whole slate and must be the same on every row of slate 5: got 0.3");
  }

  @Test
  void zeroBehaviourPscore_isRefused() {
    assertThatThrownBy(() -> readAll("5,0,1,1,0.1,0.2,0.0,0.4\n5,1,0,0,0.1,0.2,0.2,0.2\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 1, pscore_cascade: must be in (0, 1], got 0.0");
  }

  @Test
  void halfAPair_isRefused() {
    assertThatThrownBy(() -> readAll("slate_id,position,action,reward,pscore_cascade\n",
        "5,0,1,1,0.5\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv header, evaluation_policy_pscore_cascade: column is"
            + " missing");
  }

  @Test
  void floatPosition_isRefused() {
    assertThatThrownBy(() -> readAll("5,0.0,1,1,0.1,0.2,0.5,0.4\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 1, position: must be an integer >= 0, got '0.0'");
  }

  @Test
  void policyRowNotSummingToOne_isRefused() {
    String header = "slate_id,position,action,reward,pscore_cascade,"
        + "evaluation_policy_pscore_cascade,pi_e_0,pi_e_1,qhat_0,qhat_1\n";
    assertThatThrownBy(() -> readAll(header, "5,0,1,1,0.5,0.5,0.5,0.4,1,1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 1, pi_e_0..pi_e_1: probabilities of evaluation"
            + " policy 'pi_e' sum to 0.9");
  }

  @Test
  void actionOutsideTheItems_isRefused() {
    String header = "slate_id,position,action,reward,pscore_cascade,"
        + "evaluation_policy_pscore_cascade,pi_e_0,pi_e_1,qhat_0,qhat_1\n";
    assertThatThrownBy(() -> readAll(header, "5,0,2,1,0.5,0.5,0.5,0.5,1,1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("slates.csv row 1, action:");
  }

  @Test
  void supports_followsTheColumnsPresent() throws IOException {
    Path file = dir.resolve("slates.csv");
    Files.writeString(file, HEADER + "5,0,1,1,0.1,0.2,0.5,0.4\n");
    try (SlateLogReader reader = SlateLogReader.open(LogInput.of(file.toString()), 1e-6)) {
      assertThat(reader.supports(SlateEstimator.SIPS)).isTrue();
      assertThat(reader.supports(SlateEstimator.SNRIPS)).isTrue();
      assertThat(reader.supports(SlateEstimator.IIPS)).isFalse();
      assertThat(reader.supports(SlateEstimator.CASCADE_DR)).isFalse();
    }
  }
}
