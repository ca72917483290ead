package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.ColumnarLog;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One validator: a bad value through ColumnarLog gets the message the CSV reader gives. */
class SameMessageTest {

  @TempDir Path dir;

  @Test
  void columnarLog_andCsvReader_sayTheSameAboutABadValue() throws IOException {
    Path csv = Files.writeString(dir.resolve("logs.csv"),
        "action,reward,pscore,pi\n0,1.0,0.5,0.2\n1,0.0,0.0,0.3\n2,1.0,0.25,0.5\n");
    InvalidDataException fromCsv = assertThrows(InvalidDataException.class, () -> {
      try (CsvLogReader reader = CsvLogReader.open(csv)) {
        BanditBatch batch = reader.newBatch();
        while (reader.next(batch)) {
          // read to the first bad value
        }
      }
    });
    InvalidDataException fromMemory = assertThrows(InvalidDataException.class, () ->
        ColumnarLog.builder(new int[] {0, 1, 2}, new double[] {1.0, 0.0, 1.0}, new double[] {0.5, 0.0, 0.25})
            .policy("pi", new double[] {0.2, 0.3, 0.5})
            .source(csv.toString())
            .build());
    assertThat(fromMemory).hasMessage(fromCsv.getMessage());
    assertThat(fromCsv).hasMessage(csv + " row 2, pscore: must be in (0, 1], got 0.0");
  }
}
