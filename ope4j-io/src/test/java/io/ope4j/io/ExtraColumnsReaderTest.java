package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional logger, mixture-propensity, embedding and behaviour columns, and the embedding table. */
class ExtraColumnsReaderTest {

  private static final String HEADER = "action,reward,pscore,pscore_avg,logger,e_0,e_1,pscore_0,pscore_1,pi_0,pi_1\n";

  @TempDir Path directory;

  private Path write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private BanditBatch readAll(Path file) throws IOException {
    try (BanditLogReader reader = LogInput.of(file.toString()).open(LogReadOptions.defaults())) {
      BanditBatch batch = reader.newBatch();
      reader.next(batch);
      return batch;
    }
  }

  @Test
  void anyLabelsBecomeLoggersInOrderOfFirstAppearance() throws IOException {
    BanditBatch batch = readAll(write("log.csv", HEADER
        + "0,1,0.5,0.4,new,1,0,0.5,0.5,0.3,0.7\n"
        + "1,0,0.5,0.5,7,0,2,0.5,0.5,0.3,0.7\n"
        + "1,1,0.5,0.5,new,1,1,0.5,0.5,0.3,0.7\n"));
    assertThat(batch.layout().extras().logger()).isTrue();
    assertThat(batch.layout().extras().embeddingDims()).isEqualTo(2);
    assertThat(batch.layout().widePolicies()).as("kept for MIPS").isTrue();
    assertThat(batch.logger()).startsWith(0, 1, 0);
    assertThat(batch.pscoreAvg()).startsWith(0.4, 0.5, 0.5);
    assertThat(batch.embedding()).startsWith(1, 0, 0, 2, 1, 1);
    assertThat(batch.behaviorWide()).startsWith(0.5, 0.5, 0.5, 0.5);
  }

  @Test
  void badOptionalValuesNameTheFileRowAndColumn() throws IOException {
    String[][] cases = {
        {"0,1,0.5,0,a,1,0,0.5,0.5,0.3,0.7", "row 1, pscore_avg: must be in (0, 1], got 0"},
        {"0,1,0.5,0.4,a,1.0,0,0.5,0.5,0.3,0.7", "row 1, e_0: must be an integer >= 0, got '1.0'"},
        {"0,1,0.5,0.4,a,1,-1,0.5,0.5,0.3,0.7", "row 1, e_1: must be an integer >= 0, got -1"},
        {"0,1,0.5,0.4,a,1,0,0.5,0.6,0.3,0.7", "row 1, pscore_0..pscore_1: probabilities of the behaviour policy sum to 1.1"},
        {"0,1,0.25,0.4,a,1,0,0.5,0.5,0.3,0.7",
            "row 1, pscore: must equal the behaviour probability of the logged action in pscore_0..pscore_1, 0.5"},
    };
    for (String[] bad : cases) {
      Path file = write("bad.csv", HEADER + bad[0] + "\n");
      assertThatThrownBy(() -> readAll(file)).as(bad[0]).isInstanceOf(InvalidDataException.class)
          .hasMessageContaining("bad.csv").hasMessageContaining(bad[1]);
    }
  }

  @Test
  void anEmbeddingTableIsReadWithMissingEntriesAsZero() throws IOException {
    EmbeddingTable table = EmbeddingTableReader.read(LogInput.of(write("table.csv",
        "action,dim,category,p\n0,0,0,1\n1,0,1,1\n0,1,0,0.25\n0,1,2,0.75\n1,1,1,1\n").toString()));
    assertThat(table.actions()).isEqualTo(2);
    assertThat(table.dims()).isEqualTo(2);
    assertThat(table.categories(0)).isEqualTo(2);
    assertThat(table.categories(1)).isEqualTo(3);
    assertThat(table.probability(0, 1, 1)).isZero();
    assertThat(table.probability(0, 1, 2)).isEqualTo(0.75);
  }

  @Test
  void aBadEmbeddingTableIsRefusedWithItsFile() throws IOException {
    String[][] cases = {
        {"action,dim,p\n0,0,1\n", "table.csv header: missing column category"},
        {"action,dim,category,p\n0,0,0,0.5\n0,0,0,0.5\n", "table.csv row 2: p(e_0 = 0 | a = 0) is given twice"},
        {"action,dim,category,p\n0,0,0,0.5\n0,0,1,0.4\n", "p(e_0 | a = 0) sums to 0.9"},
        {"action,dim,category,p\n0,0,0,1.5\n", "table.csv row 1, p: must be a probability in [0, 1], got 1.5"},
    };
    for (String[] bad : cases) {
      Path file = write("table.csv", bad[0]);
      assertThatThrownBy(() -> EmbeddingTableReader.read(LogInput.of(file.toString()))).as(bad[0])
          .isInstanceOf(InvalidDataException.class).hasMessageContaining(bad[1]);
    }
  }
}
