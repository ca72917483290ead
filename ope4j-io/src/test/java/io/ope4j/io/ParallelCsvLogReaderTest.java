package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel CSV reader must read exactly what the one-thread reader reads: the same batches
 * (values, sizes, first rows) and the same first error, word for word, for any segment size and
 * thread count. Segments of a few bytes put boundaries inside quoted fields, between a doubled
 * quote's two quotes, between CR and LF, inside the header's byte order mark's row and in blank
 * tails.
 */
class ParallelCsvLogReaderTest {

  private static final int[] SEGMENT_SIZES = {1, 2, 3, 5, 13, 257, 4096};
  private static final int[] THREADS = {1, 3};

  @TempDir Path dir;

  @RepeatedTest(25)
  void generatedLogs_readAsByOneThread(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(7_000 + repetition.getCurrentRepetition());
    Path file = write(generate(random, false));
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(1 + random.nextInt(9));
    LogTable expected = sequential(file, options);
    assertThat(expected.rows()).isPositive();
    for (int segment : SEGMENT_SIZES) {
      for (int threads : THREADS) {
        LogTable actual = parallel(file, options, threads, segment);
        assertSame(actual, expected, "segment " + segment + ", threads " + threads);
      }
    }
  }

  @RepeatedTest(40)
  void damagedLogs_failWithTheSameMessage(RepetitionInfo repetition) throws IOException {
    SplittableRandom random = new SplittableRandom(9_000 + repetition.getCurrentRepetition());
    Path file = write(generate(random, true));
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(1 + random.nextInt(9));
    String expected = failure(() -> sequential(file, options));
    assertThat(expected).as("the damage is found").isNotNull().contains("row ");
    for (int segment : SEGMENT_SIZES) {
      for (int threads : THREADS) {
        assertThat(failure(() -> parallel(file, options, threads, segment)))
            .as("segment %d, threads %d", segment, threads).isEqualTo(expected);
      }
    }
  }

  @Test
  void reproducersOfCorruptInput_failAsByOneThread() throws IOException {
    Path folder = Path.of("../ope4j-cli/src/test/resources/fuzz-repro");
    List<Path> csvs;
    try (Stream<Path> files = Files.list(folder)) {
      csvs = files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().startsWith("ct_"))
          .sorted().toList();
    }
    assertThat(csvs).hasSizeGreaterThanOrEqualTo(6);
    for (Path csv : csvs) {
      String expected = failure(() -> sequential(csv, LogReadOptions.defaults()));
      assertThat(expected).as(csv.toString()).contains("row 1, ");
      for (int segment : SEGMENT_SIZES) {
        assertThat(failure(() -> parallel(csv, LogReadOptions.defaults(), 2, segment)))
            .as("%s, segment %d", csv, segment).isEqualTo(expected);
      }
    }
  }

  /** Wide policies and model, contexts and positions: every block of the batches is copied. */
  @Test
  void wideLogWithContexts_givesTheSameBlocks() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder csv = new StringBuilder("action,position,reward,pscore,x_a,x_b,pi_0,pi_1,q_0,q_1,note\n");
    for (int i = 0; i < 500; i++) {
      double pi = random.nextDouble();
      csv.append(random.nextInt(2)).append(',').append(random.nextInt(3)).append(',').append(random.nextInt(2))
          .append(",0.5,").append(random.nextDouble()).append(',').append(-random.nextDouble()).append(',')
          .append(pi).append(',').append(1 - pi).append(',').append(random.nextDouble()).append(',')
          .append(random.nextDouble()).append(',').append(note(random)).append('\n');
    }
    Path file = write(csv.toString());
    LogReadOptions options = LogReadOptions.defaults().withBatchCapacity(7)
        .withContent(BatchContent.ESTIMATOR_COLUMNS.withContexts().withWideColumns());
    List<double[]> expected = blocks(LogInput.of(file, InputFormat.CSV).open(options));
    for (int segment : SEGMENT_SIZES) {
      List<double[]> actual = blocks(ParallelCsvLogReader.open(file, file.toString(), ',', options, 2, segment));
      assertThat(actual).as("segment %d", segment).hasSameSizeAs(expected);
      for (int b = 0; b < expected.size(); b++) {
        assertThat(actual.get(b)).as("segment %d, batch %d", segment, b).isEqualTo(expected.get(b));
      }
    }
  }

  /** Per batch, its rows' positions, contexts, wide policy and model rows and model values, in one array. */
  private static List<double[]> blocks(BanditLogReader reader) throws IOException {
    List<double[]> blocks = new java.util.ArrayList<>();
    try (reader) {
      BanditBatch batch = reader.newBatch();
      while (reader.next(batch)) {
        int n = batch.size();
        int k = batch.layout().nActions();
        int dim = batch.layout().contextDim();
        java.util.stream.DoubleStream.Builder all = java.util.stream.DoubleStream.builder();
        all.add(batch.firstRow());
        for (int i = 0; i < n; i++) {
          all.add(batch.position()[i]).add(batch.qLogged()[i]).add(batch.qExpected(0)[i]);
        }
        for (double[] block : new double[][] {batch.contexts(), batch.piWide(0), batch.qWide()}) {
          int width = block == batch.contexts() ? dim : k;
          java.util.Arrays.stream(block, 0, n * width).forEach(all::add);
        }
        blocks.add(all.build().toArray());
      }
    }
    return blocks;
  }

  @Test
  void evaluation_isTheSameToTheBitForAnyThreadCount() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder csv = new StringBuilder("action,reward,pscore,note,pi\n");
    for (int i = 0; i < 30_000; i++) {
      csv.append(random.nextInt(3)).append(',').append(random.nextDouble()).append(',')
          .append(0.05 + 0.95 * random.nextDouble()).append(',').append(note(random)).append(',')
          .append(random.nextDouble()).append('\n');
    }
    Path file = write(csv.toString());
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw"))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(20, 5);
    EvaluationResult expected;
    try (BanditLogReader reader = LogInput.of(file, InputFormat.CSV).open(LogReadOptions.defaults())) {
      expected = new Evaluator(config.withThreads(1)).evaluate(reader);
    }
    for (int threads = 1; threads <= 3; threads++) {
      try (BanditLogReader reader = ParallelCsvLogReader.open(file, file.toString(), ',', LogReadOptions.defaults(),
          threads, 4096)) {
        assertThat(new Evaluator(config.withThreads(threads)).evaluate(reader)).as("threads %d", threads)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void logInput_usesThreadsOnlyForALargePlainFile() throws IOException {
    Path small = write("action,reward,pscore,pi\n0,1,0.5,0.5\n");
    try (BanditLogReader reader = LogInput.of(small, InputFormat.AUTO).withParseThreads(2)
        .open(LogReadOptions.defaults())) {
      assertThat(reader).isNotInstanceOf(ParallelCsvLogReader.class);
    }
    StringBuilder large = new StringBuilder("action,reward,pscore,pi\n");
    while (large.length() <= ParallelCsvLogReader.SEGMENT_BYTES) {
      large.append("1,0.25,0.047939305137387644,0.5\n");
    }
    Path big = write(large.toString());
    try (BanditLogReader reader = LogInput.of(big, InputFormat.AUTO).withParseThreads(2)
        .open(LogReadOptions.defaults())) {
      assertThat(reader).isInstanceOf(ParallelCsvLogReader.class);
      LogTable table = LogTable.readAll(reader, 4096);
      assertSame(table, sequential(big, LogReadOptions.defaults()), "8 MiB file");
    }
  }

  /**
   * A log of random length whose ignored {@code note} column holds quoted text with commas,
   * doubled quotes, LF and CRLF line breaks; CRLF or LF line ends; sometimes a byte order mark,
   * a missing last line end or blank lines at the end. With {@code damage}, one row is broken.
   */
  static String generate(SplittableRandom random, boolean damage) {
    StringBuilder csv = new StringBuilder();
    if (random.nextInt(4) == 0) {
      csv.append('\uFEFF');
    }
    String eol = random.nextBoolean() ? "\r\n" : "\n";
    csv.append("action,\"reward\",pscore,note,pi").append(eol);
    int rows = 1 + random.nextInt(60);
    int broken = damage ? random.nextInt(rows) : -1;
    for (int i = 0; i < rows; i++) {
      String pscore = i == broken ? brokenValue(random) : random.nextBoolean() ? "0.25" : "0.047939305137387644";
      csv.append(random.nextInt(3)).append(',')
          .append(random.nextBoolean() ? "1" : "\"0.5\"").append(',')
          .append(pscore).append(',')
          .append(note(random)).append(',')
          .append(random.nextDouble());
      if (i < rows - 1 || random.nextInt(3) > 0) {
        csv.append(eol);
      }
      if (i == broken && random.nextInt(4) == 0) {
        csv.append(eol); // a blank line before more data
      }
    }
    if (!damage && csv.charAt(csv.length() - 1) == '\n' && random.nextInt(4) == 0) {
      csv.append(eol).append(eol); // blank lines at the end are allowed
    }
    if (damage && random.nextInt(8) == 0) {
      csv.append("1,1,0.5,\"open quote never closed,0.5\n1,1,0.5,x,0.5\n");
    }
    return csv.toString();
  }

  static String note(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> "plain";
      case 2 -> "\"a, \"\"quoted\"\" word\"";
      case 3 -> "\"two\nlines\"";
      case 4 -> "\"crlf\r\ninside\r\n\"";
      case 5 -> "\"\n\"\"\n\"\"\"\"\n\"";
      default -> "\"\"";
    };
  }

  private static String brokenValue(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> "0";
      case 1 -> "abc";
      case 2 -> "0.5,extra";
      case 3 -> "\"0.5\"x";
      case 4 -> "\"0.5\n\"";
      default -> "";
    };
  }

  private Path write(String csv) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "log", ".csv"), csv, StandardCharsets.UTF_8);
  }

  private static LogTable sequential(Path file, LogReadOptions options) throws IOException {
    try (BanditLogReader reader = LogInput.of(file, InputFormat.CSV).open(options)) {
      return LogTable.readAll(reader, options.batchCapacity());
    }
  }

  private static LogTable parallel(Path file, LogReadOptions options, int threads, int segment) throws IOException {
    try (BanditLogReader reader = ParallelCsvLogReader.open(file, file.toString(), ',', options, threads, segment)) {
      return LogTable.readAll(reader, options.batchCapacity());
    }
  }

  interface Read {
    LogTable run() throws IOException;
  }

  /** The message of the reading's failure, or null if it read without one. */
  static String failure(Read read) {
    Throwable thrown = catchThrowable(read::run);
    if (thrown == null) {
      return null;
    }
    assertThat(thrown).isInstanceOf(InvalidDataException.class);
    return thrown.getMessage();
  }

  static void assertSame(LogTable actual, LogTable expected, String what) {
    assertThat(actual.sizes()).as(what).isEqualTo(expected.sizes());
    assertThat(actual.firstRows()).as(what).isEqualTo(expected.firstRows());
    assertThat(actual.action()).as(what).isEqualTo(expected.action());
    assertThat(actual.reward()).as(what).isEqualTo(expected.reward());
    assertThat(actual.pscore()).as(what).isEqualTo(expected.pscore());
    assertThat(actual.piLogged().length).isEqualTo(expected.piLogged().length);
    for (int p = 0; p < expected.piLogged().length; p++) {
      assertThat(actual.piLogged()[p]).as(what).isEqualTo(expected.piLogged()[p]);
    }
  }
}
