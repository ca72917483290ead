package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.io.internal.Gzip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream that cannot be split (gzip, standard input), read ahead in chunks on one thread and
 * parsed on others, must read exactly what the one-thread reader reads: the same batches and the
 * same first error, word for word (for gzip damage too: truncation, a bad trailer, trailing
 * garbage, with the byte offset and the last complete row), for any chunk size and thread count.
 * Chunks of a few bytes put boundaries inside quoted fields, between CR and LF, in the header and
 * at gzip member boundaries.
 */
class StreamedCsvLogReaderTest {

  private static final int[] CHUNK_SIZES = {1, 2, 3, 5, 13, 257, 4096};
  private static final int[] THREADS = {1, 3};

  @TempDir Path dir;

  @RepeatedTest(12)
  void generatedLogs_inGzipMembers_readAsByOneThread(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(17_000 + repetition.getCurrentRepetition());
    byte[] text = ParallelCsvLogReaderTest.generate(random, false).getBytes(StandardCharsets.UTF_8);
    byte[] gzip = members(text, random);
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(1 + random.nextInt(9));
    LogTable expected = sequential(gzip, options);
    assertThat(expected.rows()).isPositive();
    for (int chunk : CHUNK_SIZES) {
      for (int threads : THREADS) {
        String what = "seed " + (17_000 + repetition.getCurrentRepetition()) + ", chunk " + chunk + ", threads "
            + threads;
        ParallelCsvLogReaderTest.assertSame(streamed(gzip, options, threads, chunk), expected, what + ", gzip");
        ParallelCsvLogReaderTest.assertSame(streamed(text, options, threads, chunk), expected, what + ", plain");
      }
    }
  }

  @RepeatedTest(30)
  void damagedLogs_failWithTheSameMessage(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(19_000 + repetition.getCurrentRepetition());
    byte[] gzip = members(ParallelCsvLogReaderTest.generate(random, true).getBytes(StandardCharsets.UTF_8), random);
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(1 + random.nextInt(9));
    String expected = ParallelCsvLogReaderTest.failure(() -> sequential(gzip, options));
    assertThat(expected).as("the damage is found").isNotNull().contains("row ");
    for (int chunk : CHUNK_SIZES) {
      for (int threads : THREADS) {
        assertThat(ParallelCsvLogReaderTest.failure(() -> streamed(gzip, options, threads, chunk)))
            .as("chunk %d, threads %d", chunk, threads).isEqualTo(expected);
      }
    }
  }

  /** Cut anywhere, the compressed bytes fail as by one thread: the offset and the last complete row. */
  @RepeatedTest(4)
  void truncatedGzip_namesTheLastCompleteRow(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(23_000 + repetition.getCurrentRepetition());
    byte[] gzip = members(ParallelCsvLogReaderTest.generate(random, false).getBytes(StandardCharsets.UTF_8), random);
    for (int cut = 12; cut < gzip.length; cut += 1 + random.nextInt(Math.max(1, gzip.length / 6))) {
      byte[] truncated = Arrays.copyOf(gzip, cut);
      assertSameFailure(truncated, "cut at " + cut);
    }
  }

  /** A flipped byte in the compressed data or the trailer: a CRC, length or deflate error. */
  @RepeatedTest(10)
  void corruptGzip_failsAsByOneThread(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(29_000 + repetition.getCurrentRepetition());
    byte[] gzip = members(ParallelCsvLogReaderTest.generate(random, false).getBytes(StandardCharsets.UTF_8), random);
    byte[] damaged = gzip.clone();
    int at = 10 + random.nextInt(gzip.length - 10);
    damaged[at] ^= (byte) (1 + random.nextInt(255));
    assertSameFailure(damaged, "byte " + at + " flipped");
  }

  @Test
  void trailingGarbage_andAppendedPlainRows_failWithTheOffsetAndLastRow() throws IOException {
    byte[] gzip = CsvLogReaderTest.gzip("action,reward,pscore,pi\n0,1,0.5,0.5\n1,0,0.25,0.5\n");
    for (String tail : List.of("garbage", "1,0,0.25,0.5\n", "\u001f", "\u001f\u008b\u0008")) {
      byte[] damaged = concat(gzip, tail.getBytes(StandardCharsets.ISO_8859_1));
      String expected = assertSameFailure(damaged, "tail " + tail);
      assertThat(expected).contains("at byte " + gzip.length).contains("the last complete row read was row 2");
    }
  }

  @Test
  void twoMembers_splitInsideAQuotedFieldAndBetweenCrAndLf() throws IOException {
    String text = "action,reward,pscore,note,pi\r\n0,1,0.5,\"a,\r\nb\",0.5\r\n1,0,0.25,x,0.5\r\n";
    LogTable expected = sequential(CsvLogReaderTest.gzip(text), LogReadOptions.defaults());
    for (int split = 1; split < text.length(); split++) {
      byte[] two = concat(CsvLogReaderTest.gzip(text.substring(0, split)), CsvLogReaderTest.gzip(text.substring(split)));
      for (int chunk : CHUNK_SIZES) {
        ParallelCsvLogReaderTest.assertSame(streamed(two, LogReadOptions.defaults(), 2, chunk), expected,
            "split at " + split + ", chunk " + chunk);
      }
    }
  }

  /** Every CSV fuzz reproducer, gzipped (and the gzip ones as they are), fails with the same message. */
  @Test
  void reproducersOfCorruptInput_inGzip_failAsByOneThread() throws IOException {
    Path folder = Path.of("../ope4j-cli/src/test/resources/fuzz-repro");
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(f -> (f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz"))
          && !f.getFileName().toString().startsWith("ct_")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      byte[] gzip = file.toString().endsWith(".gz") ? content
          : gzip(content);
      String expected = assertSameFailure(gzip, file.toString());
      assertThat(expected).as(file.toString()).isNotNull();
    }
  }

  @Test
  void loggerColumn_isReadInOrderStillAhead() throws IOException {
    StringBuilder csv = new StringBuilder("action,reward,pscore,pscore_avg,logger,pi\n");
    SplittableRandom random = new SplittableRandom(31);
    for (int i = 0; i < 300; i++) {
      csv.append(random.nextInt(2)).append(',').append(random.nextInt(2)).append(",0.5,0.4,")
          .append(i < 200 ? "a" : random.nextBoolean() ? "a" : "b").append(',').append(random.nextDouble()).append('\n');
    }
    byte[] gzip = CsvLogReaderTest.gzip(csv.toString());
    LogTable expected = sequential(gzip, LogReadOptions.defaults());
    for (int chunk : CHUNK_SIZES) {
      try (BanditLogReader reader = ParallelCsvLogReader.streamed(Gzip.decompressIfGzip(
          new ByteArrayInputStream(gzip), "logs.csv.gz"), "logs.csv.gz", ',', LogReadOptions.defaults(), 2, chunk)) {
        assertThat(reader).isNotInstanceOf(ParallelCsvLogReader.class);
        ParallelCsvLogReaderTest.assertSame(LogTable.readAll(reader, 4096), expected, "chunk " + chunk);
      }
    }
  }

  @Test
  void logInput_streamsStandardInputAndALargeGzipFile() throws IOException {
    StringBuilder csv = new StringBuilder("action,reward,pscore,note,pi\n");
    SplittableRandom random = new SplittableRandom(37);
    while (csv.length() < 3 << 20) {
      csv.append(random.nextInt(3)).append(',').append(random.nextInt(2)).append(',')
          .append(0.1 + 0.9 * random.nextDouble()).append(',').append(ParallelCsvLogReaderTest.note(random)).append(',')
          .append(random.nextDouble()).append('\n');
    }
    Path file = dir.resolve("log.csv.gz");
    Files.write(file, CsvLogReaderTest.gzip(csv.toString()));
    assertThat(Files.size(file)).isGreaterThan(LogInput.GZIP_PIPE_BYTES);
    LogTable expected = sequential(Files.readAllBytes(file), LogReadOptions.defaults());
    try (BanditLogReader reader = LogInput.of(file, InputFormat.AUTO).withParseThreads(2)
        .open(LogReadOptions.defaults())) {
      assertThat(reader).isInstanceOf(ParallelCsvLogReader.class);
      ParallelCsvLogReaderTest.assertSame(LogTable.readAll(reader, 4096), expected, "gzip file");
    }
    InputStream stdin = System.in;
    try {
      for (byte[] content : List.of(Files.readAllBytes(file), csv.toString().getBytes(StandardCharsets.UTF_8))) {
        System.setIn(new ByteArrayInputStream(content));
        try (BanditLogReader reader = LogInput.of("-").withParseThreads(2).open(LogReadOptions.defaults())) {
          assertThat(reader).isInstanceOf(ParallelCsvLogReader.class);
          ParallelCsvLogReaderTest.assertSame(LogTable.readAll(reader, 4096), expected, "standard input");
        }
      }
    } finally {
      System.setIn(stdin);
    }
  }

  /** The failure of both readers, which must be the same; null if both read without one. */
  private static String assertSameFailure(byte[] gzip, String what) {
    String expected = ParallelCsvLogReaderTest.failure(() -> sequential(gzip, LogReadOptions.defaults()));
    for (int chunk : CHUNK_SIZES) {
      for (int threads : THREADS) {
        assertThat(ParallelCsvLogReaderTest.failure(() -> streamed(gzip, LogReadOptions.defaults(), threads, chunk)))
            .as("%s, chunk %d, threads %d", what, chunk, threads).isEqualTo(expected);
      }
    }
    return expected;
  }

  /** {@code text} gzipped as one to three members, cut at random bytes. */
  private static byte[] members(byte[] text, SplittableRandom random) throws IOException {
    int count = 1 + random.nextInt(3);
    int[] cuts = new int[count + 1];
    cuts[count] = text.length;
    for (int m = 1; m < count; m++) {
      cuts[m] = Math.max(cuts[m - 1], random.nextInt(text.length + 1));
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int m = 0; m < count; m++) {
      all.write(gzip(Arrays.copyOfRange(text, cuts[m], cuts[m + 1])));
    }
    return all.toByteArray();
  }

  private static byte[] gzip(byte[] text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** The one-thread reader of {@code content} (gzip or plain), as {@code logs.csv.gz}. */
  private static LogTable sequential(byte[] content, LogReadOptions options) throws IOException {
    try (BanditLogReader reader = CsvLogReader.open(new ByteArrayInputStream(content), "logs.csv.gz", options,
        1 << 16)) {
      return LogTable.readAll(reader, options.batchCapacity());
    }
  }

  private static LogTable streamed(byte[] content, LogReadOptions options, int threads, int chunk)
      throws IOException {
    InputStream text = Gzip.decompressIfGzip(new ByteArrayInputStream(content), "logs.csv.gz");
    try (BanditLogReader reader = ParallelCsvLogReader.streamed(text, "logs.csv.gz", ',', options, threads, chunk)) {
      return LogTable.readAll(reader, options.batchCapacity());
    }
  }
}
