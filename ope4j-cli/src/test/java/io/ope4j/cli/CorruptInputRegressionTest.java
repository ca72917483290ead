package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10: the smallest corrupted logs that were read with exit 0 (a wrong number, or rows
 * dropped) or failed with exit 1, kept in {@code src/test/resources/fuzz-repro/}. Each must now
 * give exit 2 and one line naming the file, and the row and column where there is one.
 */
class CorruptInputRegressionTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "nul_in_number.csv                    | row 1, reward: | got '1\\0'",
      "control_char_changes_value.csv       | row 1, reward: | got '\\u0011.5'",
      "linebreak_in_quoted_number.csv       | row 1, pscore: | got '0.5\\n'",
      "cr_before_comma.csv                  | row 1, reward: | got '1\\r'",
      "java_suffix_and_hex.csv              | row 1, reward: | got '1.5d'",
      "raw_control_char_in_message.csv      | row 1, pscore: | got '0.5\\u001b[2J'",
      "gzip_then_plain_rows.csv.gz          | : corrupt gzip data (bytes that are not a gzip member follow member 1 at byte 53 | last complete row read was row 1",
      "gzip_second_member_bad_header.csv.gz | : corrupt gzip data (gzip member 2 at byte 53 | last complete row read was row 1",
      "gzip_second_member_truncated.csv.gz  | : file is truncated (gzip member 2 at byte 53 is cut inside its header | last complete row read was row 1",
      "gzip_trailing_garbage.csv.gz         | : corrupt gzip data (bytes that are not a gzip member follow member 1 | last complete row read was row 1",
      "parquet_silent_corruption.parquet    | : row group 1 (rows 1-16): | CRC checksum verification failed",
      "parquet_footer_ioexception.parquet   | : not a readable Parquet file ( | FileMetaData",
      "parquet_pageheader_ioexception.parquet | : row group 1 (rows 1-16): corrupt | )",
      "parquet_npe.parquet                  | : row group 1 (rows 1-16): corrupt | )",
      "parquet_lz4_noclassdef.parquet       | , pscore: row group 1 (rows 1-16): corrupt | a page decompresses to 0 bytes, but its header declares 134",
      "parquet_iae_no_file.parquet          | : row group 1 (rows 1-16): corrupt | )"})
  void evaluate_refusesEachReproducer(String file, String where, String what)
      throws IOException, URISyntaxException {
    Path log = reproducer(file.strip());
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--format", "json");
    assertRefused(run, log, where.strip(), what.strip());
  }

  @Test
  void ctEvaluate_nanPayoffOnANonFinalRow_isRefusedLikeANumber() throws Exception {
    Path log = reproducer("ct_nan_payoff.csv");
    CliRun run = CliRun.of("ct-evaluate", "--data", log.toString(), "--setting", "finite",
        "--basis", "1,x,tau", "--format", "json");
    assertRefused(run, log, "row 2, payoff:", "must be finite, got NaN");
  }

  @Test
  void ctEvaluate_nulBeforeAPathId_isRefused() throws Exception {
    Path log = reproducer("ct_nul_path_id.csv");
    assertRefused(discountedCtEvaluate(log), log, "row 7, path:",
        "path id must be an integer, got '\\01'");
  }

  @Test
  void ctEvaluate_unicodeDigitPathId_isRefused() throws IOException {
    Path log = paths("path,t,x_a,r\n\u0663,0,1,1\n\u0663,1,1,1\n");
    assertRefused(discountedCtEvaluate(log), log, "row 1, path:",
        "must be an integer, got '\u0663'");
  }

  @Test
  void ctEvaluate_duplicatedStateColumn_isRefused() throws IOException {
    Path log = paths("path,t,x_a,x_a,r\n1,0,1,2,1\n1,1,1,2,1\n");
    assertRefused(discountedCtEvaluate(log), log, "header, x_a:", "column appears twice");
  }

  private Path paths(String csv) throws IOException {
    return Files.writeString(dir.resolve("paths.csv"), csv, StandardCharsets.UTF_8);
  }

  private static CliRun discountedCtEvaluate(Path log) {
    return CliRun.of("ct-evaluate", "--data", log.toString(), "--setting", "discounted",
        "--beta", "0.5", "--basis", "1,x");
  }

  @Test
  void evaluate_decimalAction_isRefusedAsNotAnInteger() throws IOException {
    Path log = Files.writeString(dir.resolve("log.csv"),
        "action,reward,pscore,pi\n0.0,1,0.5,0.5\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("evaluate", "--data", log.toString());
    assertRefused(run, log, "row 1, action:", "must be an integer >= 0, got '0.0'");
  }

  private Path reproducer(String name) throws URISyntaxException, IOException {
    // Copied out of the class path so that the message names a plain file path.
    Path resource = Path.of(getClass().getResource("/fuzz-repro/" + name).toURI());
    return Files.copy(resource, dir.resolve(name));
  }

  static void assertRefused(CliRun run, Path log, String where, String what) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    List<String> lines = new ArrayList<>(run.err().lines().toList());
    assertThat(lines).as(run.err()).hasSize(1);
    String line = lines.get(0);
    String separator = where.startsWith(":") || where.startsWith(",") ? "" : " ";
    assertThat(line).startsWith("ope4j: error: " + log + separator + where).contains(what);
    assertThat(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as(line).isTrue();
  }
}
