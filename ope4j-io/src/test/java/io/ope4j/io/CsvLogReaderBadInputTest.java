package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ope4j.data.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gives one {@link InvalidDataException} whose message names the file,
 * the row (data rows from 1, the header as "header") and the column, with the value and what was
 * expected. The messages are asserted in full: they are the user interface of a failed run.
 */
class CsvLogReaderBadInputTest {

  private static final String NARROW_HEADER = "action,reward,pscore,pi,q,q_pi\n";
  private static final String NARROW_ROW = "1,0,0.5,0.5,0.25,0.25\n";
  private static final String WIDE_HEADER = "action,reward,pscore,pi_0,pi_1,pi_2,q_0,q_1,q_2\n";
  private static final String WIDE_ROW = "1,0,0.5,0.2,0.3,0.5,0.1,0.2,0.3\n";

  @TempDir Path directory;

  /** Bad values: found while reading rows, reported with row, column and value. */
  static Stream<Arguments> badValues() {
    return Stream.of(
        narrowRow2("0,0,0.0,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got 0.0"),
        narrowRow2("0,0,-0.5,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got -0.5"),
        narrowRow2("0,0,1.5,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got 1.5"),
        narrowRow2("0,0,NaN,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got NaN"),
        narrowRow2("0,0,abc,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got 'abc'"),
        narrowRow2("0,0,,0.5,0.25,0.25", "row 2, pscore: must be in (0, 1], got an empty field"),
        narrowRow2("0,NaN,0.5,0.5,0.25,0.25", "row 2, reward: must be a finite number, got NaN"),
        narrowRow2("0,Infinity,0.5,0.5,0.25,0.25",
            "row 2, reward: must be a finite number, got Infinity"),
        narrowRow2("0,-Infinity,0.5,0.5,0.25,0.25",
            "row 2, reward: must be a finite number, got -Infinity"),
        narrowRow2("0,1e999,0.5,0.5,0.25,0.25",
            "row 2, reward: must be a finite number, got 1e999"),
        narrowRow2("0,yes,0.5,0.5,0.25,0.25", "row 2, reward: must be a finite number, got 'yes'"),
        narrowRow2("-1,0,0.5,0.5,0.25,0.25", "row 2, action: must be an integer >= 0, got -1"),
        narrowRow2("3.5,0,0.5,0.5,0.25,0.25", "row 2, action: must be an integer >= 0, got '3.5'"),
        narrowRow2("abc,0,0.5,0.5,0.25,0.25", "row 2, action: must be an integer >= 0, got 'abc'"),
        narrowRow2(",0,0.5,0.5,0.25,0.25",
            "row 2, action: must be an integer >= 0, got an empty field"),
        narrowRow2("3000000000,0,0.5,0.5,0.25,0.25",
            "row 2, action: must be an integer >= 0, got 3000000000"),
        narrowRow2("0,0,0.5,1.5,0.25,0.25", "row 2, pi: must be a probability in [0, 1], got 1.5"),
        narrowRow2("0,0,0.5,-0.1,0.25,0.25",
            "row 2, pi: must be a probability in [0, 1], got -0.1"),
        narrowRow2("0,0,0.5,NaN,0.25,0.25", "row 2, pi: must be a probability in [0, 1], got NaN"),
        narrowRow2("0,0,0.5,0.5,NaN,0.25", "row 2, q: must be a finite number, got NaN"),
        narrowRow2("0,0,0.5,0.5,0.25,-Infinity",
            "row 2, q_pi: must be a finite number, got -Infinity"),
        narrowRow2("0,0,0.5,0.5,0.25", "row 2: expected 6 fields (as in the header), got 5"),
        narrowRow2("0,0,0.5,0.5,0.25,0.25,7",
            "row 2: expected 6 fields (as in the header), got 7"),
        narrowRow2("0,0,0.5,\"0.5\"x,0.25,0.25",
            "row 2, pi: text after the closing quote of a quoted field"),
        narrowRow2("0,0,0.5,0.5,0.25,\"0.25", 
            "row 2, q_pi: quoted field is not closed before the end of the file"),
        wideRow2("3,0,0.5,0.2,0.3,0.5,0.1,0.2,0.3",
            "row 2, action: must be an integer in [0, 3), got 3"),
        wideRow2("-1,0,0.5,0.2,0.3,0.5,0.1,0.2,0.3",
            "row 2, action: must be an integer in [0, 3), got -1"),
        wideRow2("1,0,0.5,-0.2,0.7,0.5,0.1,0.2,0.3",
            "row 2, pi_0: must be a probability in [0, 1], got -0.2"),
        wideRow2("1,0,0.5,0,0,1.5,0.1,0.2,0.3",
            "row 2, pi_2: must be a probability in [0, 1], got 1.5"),
        wideRow2("1,0,0.5,0.2,NaN,0.5,0.1,0.2,0.3",
            "row 2, pi_1: must be a probability in [0, 1], got NaN"),
        wideRow2("1,0,0.5,0.2,0.3,0.4,0.1,0.2,0.3",
            "row 2, pi_0..pi_2: probabilities of evaluation policy 'pi' sum to "
                + (0.2 + 0.3 + 0.4) + ", must sum to 1 within 1.0E-6"),
        wideRow2("1,0,0.5,0.2,0.3,0.5,0.1,Infinity,0.3",
            "row 2, q_1: must be a finite number, got Infinity"),
        arguments("position -1", "action,reward,pscore,pi,position\n0,0,0.5,0.5,-1\n",
            "row 1, position: must be an integer >= 0, got -1"),
        arguments("position 1.5", "action,reward,pscore,pi,position\n0,0,0.5,0.5,1.5\n",
            "row 1, position: must be an integer >= 0, got '1.5'"),
        arguments("action >= K given as option",
            "action,reward,pscore,pi\n4,0,0.5,0.5\n",
            "row 1, action: must be an integer in [0, 4), got 4"),
        arguments("blank line in the middle", NARROW_HEADER + NARROW_ROW + "\n" + NARROW_ROW,
            "row 2: empty line"),
        arguments("blank CRLF line in the middle",
            NARROW_HEADER + NARROW_ROW + "\r\n\r\n" + NARROW_ROW, "row 2: empty line"),
        arguments("several policies: second one's sum",
            "action,reward,pscore,pi_a_0,pi_a_1,pi_b_0,pi_b_1\n0,0,0.5,0.5,0.5,0.5,0.75\n",
            "row 1, pi_b_0..pi_b_1: probabilities of evaluation policy 'b' sum to 1.25, "
                + "must sum to 1 within 1.0E-6"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValue_namesFileRowColumnAndValue(String description, String csv, String expected) {
    LogReadOptions options = description.contains("option")
        ? LogReadOptions.defaults().withNActions(4) : LogReadOptions.defaults();

    InvalidDataException error = readExpectingError(csv, options);

    assertThat(error).hasMessage("logs.csv " + expected);
    assertThat(error.source()).isEqualTo("logs.csv");
    assertThat(error.row()).isEqualTo(Long.parseLong(expected.replaceAll("^row (\\d+).*", "$1")));
  }

  /** Bad headers: found when the reader is opened, reported for the header (row 0). */
  static Stream<Arguments> badHeaders() {
    return Stream.of(
        arguments("missing pscore", "action,reward,pi\n0,0,0.5\n",
            "header: missing column pscore (behaviour policy's probability of the logged action;"
                + " rename with --pscore-col); the header as read has 3 columns: [action, reward, pi]"),
        arguments("missing action and reward", "pscore,pi\n0.5,0.5\n",
            "header: missing columns action (the logged action, an integer in [0, K); rename "
                + "with --action-col), reward (the observed reward; rename with --reward-col); the header as read"
                + " has 2 columns: [pscore, pi]"),
        arguments("no policy columns", "action,reward,pscore,q\n0,0,0.5,0.1\n",
            "header: no evaluation policy columns found: name them pi_0..pi_{K-1} (probability"
                + " of every action), pi (probability of the logged action), or "
                + "pi_<name>_0..pi_<name>_{K-1} for several policies; or give them with "
                + "--policy name=prefix"),
        arguments("policy given in options but absent", "action,reward,pscore,pi_0\n0,0,1,1\n",
            "header: missing columns of evaluation policy 'bts': neither pi_bts_0, pi_bts_1, "
                + "... (probability of every action) nor pi_bts_ (probability of the logged "
                + "action)"),
        arguments("duplicate names", "action,reward,pscore,pi,reward\n0,0,1,1,0\n",
            "header: duplicate column name 'reward' (columns 2 and 5)"),
        arguments("wide groups disagree on K",
            "action,reward,pscore,pi_0,pi_1,q_0,q_1,q_2\n0,0,1,1,0,0,0,0\n",
            "header: wide columns disagree on the number of actions: q_0..q_2 (3 columns), "
                + "pi_0..pi_1 (2 columns)"),
        arguments("two policies disagree on K",
            "action,reward,pscore,pi_a_0,pi_a_1,pi_b_0\n0,0,1,1,0,1\n",
            "header: wide columns disagree on the number of actions: pi_a_0..pi_a_1 "
                + "(2 columns), pi_b_0 (1 columns)"),
        arguments("K option disagrees with wide columns",
            "action,reward,pscore,pi_0,pi_1\n0,0,1,1,0\n",
            "header: --n-actions is 3 but the wide columns give 2 actions: pi_0..pi_1 "
                + "(2 columns)"),
        arguments("gap in wide columns", "action,reward,pscore,pi_0,pi_1,pi_3\n0,0,1,1,0,0\n",
            "header: column pi_3 is present but pi_2 is missing: wide columns must be numbered "
                + "pi_0, pi_1, ... without gaps"),
        arguments("wide policy with narrow model lacks q_pi",
            "action,reward,pscore,pi_0,pi_1,q\n0,0,1,1,0,0.5\n",
            "header: missing column q_pi (the reward model's value under evaluation policy "
                + "'pi', sum over actions of pi(a) q(a)): it cannot be computed from the wide "
                + "columns pi_0.. and the narrow model column q; add it, or give wide columns "
                + "for both the policy and the model"),
        arguments("narrow policy with narrow model lacks q_pi",
            "action,reward,pscore,pi,q\n0,0,1,1,0.5\n",
            "header: missing column q_pi (the reward model's value under evaluation policy "
                + "'pi', sum over actions of pi(a) q(a)): it cannot be computed from the narrow "
                + "column pi and the narrow model column q; add it, or give wide columns for "
                + "both the policy and the model"),
        arguments("named wide policy with narrow model lacks its model value",
            "action,reward,pscore,pi_bts_0,pi_bts_1,q\n0,0,1,1,0,0.5\n",
            "header: missing column q_pi_bts (the reward model's value under evaluation policy "
                + "'bts', sum over actions of pi(a) q(a)): it cannot be computed from the wide "
                + "columns pi_bts_0.. and the narrow model column q; add it, or give wide "
                + "columns for both the policy and the model"),
        arguments("header line empty", "\naction,reward,pscore,pi\n", "header: the header line is empty"),
        arguments("header only", "action,reward,pscore,pi\n", ": no data rows"),
        arguments("header and blank lines only", "action,reward,pscore,pi\n\n\n",
            ": no data rows"),
        arguments("empty file", "", ": empty file (no header line)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void badHeaderOrFile_namesFileAndProblem(String description, String csv, String expected) {
    LogReadOptions options = LogReadOptions.defaults();
    if (description.contains("options")) {
      options = options.withPolicy("bts", "pi_bts_");
    } else if (description.contains("K option")) {
      options = options.withNActions(3);
    }

    InvalidDataException error = readExpectingError(csv, options);

    assertThat(error).hasMessage("logs.csv" + (expected.startsWith(":") ? "" : " ") + expected);
    assertThat(error.row()).isEqualTo(expected.startsWith("header") ? 0 : -1);
  }

  @Test
  void policyPrefixWithoutUnderscore_getsAHint() {
    InvalidDataException error = readExpectingError("action,reward,pscore,pi_0\n0,0,1,1\n",
        LogReadOptions.defaults().withPolicy("pi", "pi"));

    assertThat(error).hasMessageEndingWith("; did you mean the prefix pi_ ?");
  }

  @Test
  void errorAfterManyRows_countsRowsAcrossBatchesAndBuffers() throws IOException {
    StringBuilder csv = new StringBuilder(NARROW_HEADER);
    for (int i = 0; i < 10_411; i++) {
      csv.append(NARROW_ROW);
    }
    csv.append("1,0,0.0,0.5,0.25,0.25\n").append(NARROW_ROW);
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

    for (int bufferSize : new int[] {64, 1000, 1 << 20}) {
      InvalidDataException error = catchThrowableOfType(InvalidDataException.class,
          () -> LogTable.read(bytes, LogReadOptions.defaults().withBatchCapacity(100), bufferSize));
      assertThat(error).hasMessage("logs.csv row 10412, pscore: must be in (0, 1], got 0.0");
    }
  }

  @Test
  void truncatedGzip_namesTheLastCompleteRow() throws IOException {
    StringBuilder csv = new StringBuilder(NARROW_HEADER);
    for (int i = 0; i < 20_000; i++) {
      csv.append(i % 7).append(",0,0.5,0.5,0.25,").append(i).append('\n');
    }
    byte[] whole = CsvLogReaderTest.gzip(csv.toString());
    Path path = directory.resolve("logs.csv.gz");
    Files.write(path, Arrays.copyOf(whole, whole.length / 2));

    InvalidDataException error = catchThrowableOfType(InvalidDataException.class, () -> {
      try (CsvLogReader reader = CsvLogReader.open(path)) {
        LogTable.readAll(reader, 4096);
      }
    });

    assertThat(error.getMessage()).startsWith(path + ": file is truncated (gzip member 1 ends at "
        + "byte " + whole.length / 2 + " in the middle of its compressed data); the last complete "
        + "row read was row ");
    long lastRow = Long.parseLong(error.getMessage().replaceAll(".* row (\\d+)$", "$1"));
    assertThat(lastRow).isBetween(1L, 19_999L);
    assertThat(error.getCause()).isInstanceOf(java.io.EOFException.class);
  }

  @Test
  void truncatedGzip_rowsBeforeTheCutAreDeliveredIntact() throws IOException {
    StringBuilder csv = new StringBuilder(NARROW_HEADER);
    for (int i = 0; i < 20_000; i++) {
      csv.append("0,0,0.5,0.5,0.25,").append(i).append('\n');
    }
    byte[] whole = CsvLogReaderTest.gzip(csv.toString());
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
    long[] delivered = new long[1];
    double[] lastQPi = new double[1];

    InvalidDataException error = catchThrowableOfType(InvalidDataException.class, () -> {
      try (CsvLogReader reader = CsvLogReader.open(
          new ByteArrayInputStream(cut), "cut.csv.gz", LogReadOptions.defaults())) {
        var batch = new io.ope4j.data.BanditBatch(reader.layout(), 1);
        while (reader.next(batch)) {
          delivered[0] = reader.rowsRead();
          lastQPi[0] = batch.qExpected(0)[0];
        }
      }
    });

    assertThat(error).hasMessage("cut.csv.gz: file is truncated (gzip member 1 ends at byte "
        + cut.length + " in the middle of its compressed data); the last complete row read was row "
        + delivered[0]);
    assertThat(lastQPi[0]).isEqualTo(delivered[0] - 1.0); // row n holds n - 1: not cut short
  }

  @Test
  void gzipWithOnlyMagicBytes_isReportedAsTruncated() {
    InvalidDataException error = catchThrowableOfType(InvalidDataException.class,
        () -> CsvLogReader.open(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b}),
            "logs.csv.gz", LogReadOptions.defaults()));

    assertThat(error).hasMessage("logs.csv.gz: file is truncated or corrupt (gzip member 1 at "
        + "byte 0 is cut inside its header (file ends at byte 2)); no row could be read");
  }

  @Test
  void corruptGzip_isReportedWithTheLastCompleteRow() throws IOException {
    byte[] bytes = CsvLogReaderTest.gzip(NARROW_HEADER + NARROW_ROW.repeat(1000));
    for (int i = 20; i < bytes.length - 8; i++) {
      bytes[i] ^= 0x5a; // scramble the deflate data after the gzip header
    }
    byte[] corrupt = bytes;

    assertThatThrownBy(() -> LogTable.read(corrupt, LogReadOptions.defaults(), 1 << 16))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageMatching("logs.csv: corrupt gzip data \\(.+\\); the last complete row read "
            + "was (row \\d+|the header \\(no data row\\)|none \\(the header is incomplete\\))");
  }

  private static Arguments narrowRow2(String row, String expected) {
    return arguments(row, NARROW_HEADER + NARROW_ROW + row + "\n" + NARROW_ROW, expected);
  }

  private static Arguments wideRow2(String row, String expected) {
    return arguments(row, WIDE_HEADER + WIDE_ROW + row + "\n" + WIDE_ROW, expected);
  }

  private static Arguments arguments(String description, String csv, String expected) {
    return Arguments.of(description, csv, expected);
  }

  private static InvalidDataException readExpectingError(String csv, LogReadOptions options) {
    InvalidDataException error = catchThrowableOfType(InvalidDataException.class,
        () -> LogTable.read(csv.getBytes(StandardCharsets.UTF_8), options, 1 << 16));
    assertThat(error).as("an InvalidDataException").isNotNull();
    return error;
  }
}
