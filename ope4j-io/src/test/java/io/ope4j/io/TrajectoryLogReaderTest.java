package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.sequential.EpisodeSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trajectory schema's strict rules, each refused naming file, row and column. */
class TrajectoryLogReaderTest {

  private static final String HEADER = "episode,step,done,action,reward,pscore,pi\n";

  @TempDir Path dir;

  private String readAll(String body) throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, HEADER + body);
    int episodes = 0;
    try (TrajectoryLogReader reader =
        TrajectoryLogReader.open(LogInput.of(file.toString()), TrajectoryReadOptions.defaults())) {
      EpisodeSteps steps = new EpisodeSteps(1);
      while (reader.next(steps)) {
        episodes++;
      }
    }
    return "episodes " + episodes;
  }

  @Test
  void variableLengths_read() throws IOException {
    assertThat(readAll("7,0,0,1,1.0,0.5,0.5\n7,1,1,0,0.0,0.5,1\n-3,0,1,0,2.0,1,0.2\n"))
        .isEqualTo("episodes 2");
  }

  @Test
  void stepOutOfOrder_isRefused() {
    assertThatThrownBy(() -> readAll("7,0,0,1,1.0,0.5,0.5\n7,2,1,0,0.0,0.5,1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("log.csv row 2, step: must be 1");
  }

  @Test
  void episodeSplitInTwoPlaces_isRefused() {
    assertThatThrownBy(() -> readAll("7,0,1,1,1.0,0.5,0.5\n8,0,1,0,0.0,0.5,1\n7,0,1,0,0,1,1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("log.csv row 3, episode: episode 7 appears again");
  }

  @Test
  void doneBeforeLastRow_isRefused() {
    assertThatThrownBy(() -> readAll("7,0,1,1,1.0,0.5,0.5\n7,1,1,0,0.0,0.5,1\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("log.csv row 1, done: episode 7 is marked done before its last row");
  }

  @Test
  void integralFloatEpisodeId_isRefused() {
    // formats.md: ids are ASCII integers; 7.0 is not rounded to 7.
    assertThatThrownBy(() -> readAll("7.0,0,1,1,1.0,0.5,0.5\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("log.csv row 1, episode:")
        .hasMessageContaining("7.0");
  }

  @Test
  void pscoreOutsideUnitInterval_isRefused() {
    assertThatThrownBy(() -> readAll("7,0,1,1,1.0,0.0,0.5\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("log.csv row 1, pscore: must be in (0, 1], got 0.0");
  }
}
