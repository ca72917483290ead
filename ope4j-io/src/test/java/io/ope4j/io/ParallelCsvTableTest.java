package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.Gzip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table parsed on worker threads (for slates, episodes and continuous actions) hands out
 * exactly what the one-thread {@link CsvTable} does: the same rows, values, row numbers, text
 * and first error, for any segment size and thread count, from a file or read ahead from gzip.
 * The reading below checks each row as a schema does ({@code pscore} must be positive, named by
 * {@link TableReader#describe}), so that a value error in a segment comes before a format error
 * later in the same segment, as on one thread.
 */
class ParallelCsvTableTest {

  private static final int[] SEGMENT_SIZES = {1, 2, 3, 5, 13, 257, 4096};
  private static final int[] THREADS = {1, 3};
  private static final int[] COLUMNS = {0, 1, 2, 3, 4};
  private static final TableReader.Kind[] KINDS = {TableReader.Kind.INTEGER, TableReader.Kind.NUMBER,
      TableReader.Kind.NUMBER, TableReader.Kind.TEXT, TableReader.Kind.NUMBER};

  @TempDir Path dir;

  @RepeatedTest(30)
  void generatedLogs_giveTheSameRowsAndFirstError(RepetitionInfo repetition) throws IOException {
    long seed = 41_000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    String csv = ParallelCsvLogReaderTest.generate(random, random.nextBoolean());
    Path file = Files.writeString(dir.resolve("log.csv"), csv, StandardCharsets.UTF_8);
    String expected = drain(CsvTable.open(Files.newInputStream(file), "log.csv", 1 << 16, ','));
    byte[] gzip = CsvLogReaderTest.gzip(csv);
    for (int segment : SEGMENT_SIZES) {
      for (int threads : THREADS) {
        String what = "seed " + seed + ", segment " + segment + ", threads " + threads;
        assertThat(drain(ParallelCsvTable.over(SegmentedCsv.ofFile(file, "log.csv", ',', segment, null), ',',
            threads))).as(what + ", file").isEqualTo(expected);
        SegmentedCsv streamed = SegmentedCsv.ofStream(Gzip.decompressIfGzip(new ByteArrayInputStream(gzip), "log.csv"),
            "log.csv", ',', segment, header -> false);
        assertThat(drain(ParallelCsvTable.over(streamed, ',', threads))).as(what + ", gzip").isEqualTo(expected);
      }
    }
  }

  @Test
  void valueErrorBeforeAFormatErrorInTheSameSegment_comesFirst() throws IOException {
    String csv = "action,reward,pscore,note,pi\n0,1,0.5,a,0.5\n1,0,0,b,0.5\n1,0,0.5,\"c\"x,0.5\n";
    Path file = Files.writeString(dir.resolve("two.csv"), csv, StandardCharsets.UTF_8);
    String expected = drain(CsvTable.open(Files.newInputStream(file), "two.csv", 1 << 16, ','));
    assertThat(expected).endsWith("error: two.csv row 2, pscore: must be positive, got 0");
    assertThat(drain(ParallelCsvTable.over(SegmentedCsv.ofFile(file, "two.csv", ',', 1 << 20, null), ',', 2)))
        .isEqualTo(expected);
  }

  /** Every row as text (row number, values, the note's text), then the first error's message. */
  private static String drain(TableReader table) throws IOException {
    StringBuilder out = new StringBuilder();
    try (table) {
      table.select(COLUMNS, KINDS);
      double[] values = table.values();
      while (table.nextRow()) {
        out.append(table.row()).append(':').append(values[0]).append(',').append(values[1]).append(',')
            .append(values[2]).append(",[").append(table.text(3)).append("],").append(values[4]).append('\n');
        if (!(values[2] > 0)) {
          throw new InvalidDataException(table.source(), table.row(), "pscore", "must be positive, got "
              + table.describe(2));
        }
      }
    } catch (InvalidDataException failure) {
      out.append("error: ").append(failure.getMessage());
    }
    return out.toString();
  }
}
