package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: seeded corruption of CSV, gzip and Parquet logs, each case run through {@code
 * ope4j evaluate}. The contract on every case: exit 2 with one line naming the file (and a row
 * where one cell is at fault), or exit 0 with the result of the uncorrupted file; never exit 1.
 *
 * <p>For CSV "the uncorrupted file" is what {@link ReferenceCsv} reads in the damaged bytes:
 * a flipped digit is a different but valid log, and must give that log's result. Gzip and
 * Parquet carry checksums, so there any accepted file must give the original result.
 *
 * <p>Runs {@value #DEFAULT_CASES} cases per format by default (a few seconds); more with {@code
 * -Dope4j.fuzz.cases=N} and another seed with {@code -Dope4j.fuzz.seed=S} (BENCHMARKS.md).
 */
class CorruptionFuzzTest {

  static final int DEFAULT_CASES = 100;
  private static final int CASES = Integer.getInteger("ope4j.fuzz.cases", DEFAULT_CASES);
  private static final long SEED = Long.getLong("ope4j.fuzz.seed", 20261202L);
  private static final int ROWS = 60;

  /** Bytes that damage text in telling ways: controls, separators, quotes, Java syntax. */
  private static final byte[] INTERESTING = {0, 1, 0x11, 0x1b, '\t', '\r', '\n', ',', '"', ' ',
      '.', 'e', 'E', '-', '+', 'd', 'f', 'x', 'p', 'N', '0', '1', '9', (byte) 0xd9, (byte) 0xa3,
      (byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0x7f, (byte) 0xc2, (byte) 0x85};

  private static final String[] TOKENS = {"", "abc", "0.0", "1.0", "1e0", "1.5d", "0.5f",
      "0x1p-1", "NaN", "Infinity", "-0", "+1", "1e400", "1e-400", "\u0663", " 1", "1 ", "\"1\"",
      "null", "true", "1,5", "\u00001", "0.5\r", "\"0.5\n\"", "\u001b[2J"};

  @TempDir Path dir;
  private byte[] csv;

  private static final byte[] HEADER =
      "action,reward,pscore,pi\n".getBytes(StandardCharsets.US_ASCII);

  @BeforeEach
  void baseLog() {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder text = new StringBuilder(new String(HEADER, StandardCharsets.US_ASCII));
    String[] rewards = {"0", "1", "0.25", "1.5e-3", "0.047939305137387644", "-2", "3E2"};
    String[] pscores = {"0.5", "0.25", "1", "0.75", "0.1", "0.333"};
    for (int i = 0; i < ROWS; i++) {
      text.append(random.nextInt(3)).append(',')
          .append(rewards[random.nextInt(rewards.length)]).append(',')
          .append(pscores[random.nextInt(pscores.length)]).append(',')
          .append(i % 11 == 0 ? "\"0.5\"" : Double.toString(random.nextInt(1001) / 1000.0))
          .append(i % 13 == 0 ? "\r\n" : "\n");
    }
    csv = text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void csv_everyCaseIsRefusedOrReadExactly() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    Path file = dir.resolve("fuzz.csv");
    Path canonical = dir.resolve("canonical.csv");
    int refused = 0;
    for (int c = 0; c < CASES; c++) {
      byte[] damaged = mutateText(csv, random);
      Files.write(file, damaged);
      String replay = "csv case " + c + " (seed " + SEED + "): " + printable(damaged);
      CliRun run = evaluate(file);
      ReferenceCsv.Verdict verdict = ReferenceCsv.judge(damaged);
      if (verdict.canonical() == null && run.exitCode() != 2) {
        keep(file);
      }
      if (verdict.canonical() == null) {
        // With a damaged header the file may be refused for it first, as a whole.
        boolean namesRow = verdict.cellProblem() && startsWith(damaged, HEADER);
        assertRefused(run, file, namesRow, replay + " [" + verdict.problem() + "]");
        refused++;
        continue;
      }
      Files.write(canonical, verdict.canonical());
      CliRun expected = evaluate(canonical);
      if (run.exitCode() != expected.exitCode() || !run.out().equals(expected.out())) {
        keep(file);
      }
      assertThat(run.exitCode()).as(replay + "\n" + run.err()).isNotEqualTo(1)
          .isEqualTo(expected.exitCode());
      if (run.exitCode() == 0) {
        assertThat(run.out()).as(replay).isEqualTo(expected.out());
      } else {
        assertRefused(run, file, false, replay);
        refused++;
      }
    }
    assertThat(refused).as("some cases must be refused, some read").isBetween(1, CASES - 1);
  }

  @Test
  void gzip_everyCaseIsRefusedOrReadExactly() throws IOException {
    Path plain = Files.write(dir.resolve("plain.csv"), csv);
    CliRun original = evaluate(plain);
    assertThat(original.exitCode()).as(original.err()).isZero();
    SplittableRandom random = new SplittableRandom(SEED + 2);
    Path file = dir.resolve("fuzz.csv.gz");
    for (int c = 0; c < CASES; c++) {
      int split = 1 + random.nextInt(csv.length - 1); // members may split a row anywhere
      byte[] members = concat(gzip(Arrays.copyOf(csv, split)),
          gzip(Arrays.copyOfRange(csv, split, csv.length)));
      byte[] damaged = c == 0 ? members : mutateGzip(members, random);
      Files.write(file, damaged);
      CliRun run = evaluate(file);
      String replay = "gzip case " + c + " (seed " + SEED + "), split at " + split;
      if (c == 0) {
        assertThat(run.out()).as(replay + ": two valid members").isEqualTo(original.out());
      }
      assertRefusedOrSame(run, file, original, replay);
    }
  }

  @Test
  void parquet_everyCaseIsRefusedOrReadExactly() throws IOException {
    for (boolean dictionary : new boolean[] {true, false}) {
      Path base = writeParquet(dir.resolve("base.parquet"), dictionary);
      byte[] pristine = Files.readAllBytes(base);
      CliRun original = evaluate(base);
      assertThat(original.exitCode()).as(original.err()).isZero();
      SplittableRandom random = new SplittableRandom(SEED + (dictionary ? 3 : 4));
      Path file = dir.resolve("fuzz.parquet");
      for (int c = 0; c < CASES / 2; c++) {
        int[] where = new int[1];
        byte[] damaged = mutateBinary(pristine, random, where);
        Files.write(file, damaged);
        CliRun run = evaluate(file);
        String replay = "parquet case " + c + " (seed " + SEED + ", dictionary " + dictionary
            + "), byte " + where[0] + " of " + pristine.length;
        assertRefusedOrSame(run, file, original, replay);
      }
    }
  }

  private static CliRun evaluate(Path file) {
    return CliRun.of("evaluate", "--data", file.toString(), "--estimators", "ipw,snipw",
        "--threads", "1", "--format", "json");
  }

  private static void assertRefusedOrSame(CliRun run, Path file, CliRun original, String replay)
      throws IOException {
    try {
      assertThat(run.exitCode()).as(replay + "\n" + run.err()).isIn(0, 2);
      if (run.exitCode() == 0) {
        assertThat(run.out()).as(replay + ": accepted, so must be the original result")
            .isEqualTo(original.out());
      } else {
        assertRefused(run, file, false, replay);
      }
    } catch (AssertionError failed) {
      keep(file);
      throw failed;
    }
  }

  /** Keeps a failing case's file in target/fuzz-failures for replay with the CLI. */
  private static void keep(Path file) throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"));
    Files.copy(file, kept.resolve(file.getFileName()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void assertRefused(CliRun run, Path file, boolean namesRow, String replay) {
    assertThat(run.exitCode()).as(replay + "\n" + run.err()).isEqualTo(2);
    assertThat(run.err().lines().count()).as(replay + "\n" + run.err()).isEqualTo(1);
    String line = run.err().strip();
    assertThat(line).as(replay).startsWith("ope4j: error: " + file);
    assertThat(line.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f)).as(replay + line).isTrue();
    if (namesRow) {
      assertThat(line).as(replay).containsPattern(" (row \\d+|header)");
    }
  }

  /** One or two text-level edits: flips, replacements, insertions, deletions, cuts, tokens. */
  private static byte[] mutateText(byte[] text, SplittableRandom random) {
    byte[] out = text;
    int edits = 1 + random.nextInt(2);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(out.length);
      out = switch (random.nextInt(7)) {
        case 0 -> flip(out, at, random);
        case 1 -> replace(out, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]}, 1);
        case 2 -> replace(out, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]}, 0);
        case 3 -> replace(out, at, new byte[0], 1 + random.nextInt(3));
        case 4 -> Arrays.copyOf(out, at);
        case 5 -> replaceField(out, random);
        default -> replace(out, at, Arrays.copyOfRange(out, at, Math.min(out.length,
            at + 1 + random.nextInt(40))), 0); // a repeated stretch
      };
      if (out.length == 0) {
        break;
      }
    }
    return out;
  }

  /** Damage to a gzip file: its bytes, or what follows its members. */
  private static byte[] mutateGzip(byte[] members, SplittableRandom random) throws IOException {
    byte[] tail = switch (random.nextInt(4)) {
      case 0 -> "2,1,0.5,0.5\n".getBytes(StandardCharsets.US_ASCII); // plain rows appended
      case 1 -> Arrays.copyOf(gzip("1,0,0.5,0.5\n".getBytes(StandardCharsets.US_ASCII)),
          1 + random.nextInt(20)); // a member cut short
      case 2 -> new byte[] {0, 0, 0, 0}; // padding
      default -> null;
    };
    if (tail != null) {
      return concat(members, tail);
    }
    return mutateBinary(members, random, new int[1]);
  }

  /** A bit flip, a byte set, an insertion, a deletion or a cut, at a random offset. */
  private static byte[] mutateBinary(byte[] bytes, SplittableRandom random, int[] where) {
    int at = random.nextInt(bytes.length);
    where[0] = at;
    return switch (random.nextInt(6)) {
      case 0, 1 -> flip(bytes, at, random);
      case 2 -> replace(bytes, at, new byte[] {(byte) random.nextInt(256)}, 1);
      case 3 -> replace(bytes, at, new byte[] {(byte) random.nextInt(256)}, 0);
      case 4 -> replace(bytes, at, new byte[0], 1 + random.nextInt(4));
      default -> Arrays.copyOf(bytes, at);
    };
  }

  /** Replaces one field of a random data row with a token of the wrong type or form. */
  private static byte[] replaceField(byte[] text, SplittableRandom random) {
    String[] lines = new String(text, StandardCharsets.ISO_8859_1).split("\n", -1);
    if (lines.length < 3) {
      return text;
    }
    int row = 1 + random.nextInt(lines.length - 2);
    String[] fields = lines[row].split(",", -1);
    fields[random.nextInt(fields.length)] = TOKENS[random.nextInt(TOKENS.length)];
    lines[row] = String.join(",", fields);
    return utf8Mixed(String.join("\n", lines));
  }

  /** Latin-1 text with UTF-8 tokens in it: each char above 0xff written as UTF-8. */
  private static byte[] utf8Mixed(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0xff) {
        out.write(c);
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] flip(byte[] bytes, int at, SplittableRandom random) {
    byte[] out = bytes.clone();
    out[at] ^= (byte) (1 << random.nextInt(8));
    return out;
  }

  /** {@code bytes} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
  private static byte[] replace(byte[] bytes, int at, byte[] inserted, int removed) {
    int cut = Math.min(bytes.length, at + removed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(inserted);
    out.write(bytes, cut, bytes.length - cut);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** The base log as Parquet: three row groups of several pages, with page checksums. */
  private Path writeParquet(Path file, boolean dictionary) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message log { required int64 action;"
        + " required double reward; required double pscore; required double pi; }");
    ReferenceCsv.Verdict base = ReferenceCsv.judge(csv);
    String[] lines = new String(base.canonical(), StandardCharsets.US_ASCII).split("\n");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCompressionCodec(dictionary ? CompressionCodecName.SNAPPY
            : CompressionCodecName.UNCOMPRESSED)
        .withDictionaryEncoding(dictionary)
        .withPageWriteChecksumEnabled(true)
        .withRowGroupRowCountLimit(25)
        .withPageRowCountLimit(10)
        .build()) {
      for (int r = 1; r < lines.length; r++) {
        String[] fields = lines[r].replace("\"", "").split(",");
        Group row = groups.newGroup();
        row.add("action", Long.parseLong(fields[0]));
        row.add("reward", Double.parseDouble(fields[1]));
        row.add("pscore", Double.parseDouble(fields[2]));
        row.add("pi", Double.parseDouble(fields[3]));
        writer.write(row);
      }
    }
    return file;
  }

  private static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xff;
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return out.toString();
  }
}
