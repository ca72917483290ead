package io.ope4j.cli;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.TermRange;
import io.ope4j.io.LogColumns;
import io.ope4j.io.RowAssembler;
import io.ope4j.io.internal.Gzip;
import io.ope4j.io.internal.NumberParser;
import io.ope4j.sequence.ConfidenceSequences;
import io.ope4j.sequence.SequenceMonitor;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j monitor}: follows a growing bandit log (CSV) and updates anytime-valid confidence
 * sequences row by row (docs/confidence_sequences.md). It stops when every verdict against {@code
 * --threshold} is settled, when {@code --max-rows} rows are read, or at the end of the log.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Follow a growing bandit log (a CSV file being appended to, or standard input) and update"
        + " anytime-valid confidence sequences as rows arrive; stop when the verdict against --threshold is"
        + " settled or the row budget is spent.")
final class MonitorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataOption log;

  @Option(names = "--estimators", defaultValue = "ipw", paramLabel = "LIST",
      description = "Comma-separated: ipw, snipw, dr (default: ${DEFAULT-VALUE}).")
  String estimators;

  @Option(names = "--sequence", defaultValue = "betting", paramLabel = "METHOD",
      description = "betting (Karampatziakis, Mineiro & Ramdas 2021), hedged (Waudby-Smith & Ramdas 2024) or"
          + " asymptotic (Waudby-Smith et al. 2024) (default: ${DEFAULT-VALUE}).")
  String sequence;

  @Option(names = "--level", defaultValue = "0.95",
      description = "Coverage of each sequence over the whole stream (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--reward-range", defaultValue = "0,1", paramLabel = "LO,HI",
      description = "Range of every reward, for betting on ipw/snipw; a reward outside is an error naming its row"
          + " (default: ${DEFAULT-VALUE}).")
  String rewardRange;

  @Option(names = "--term-range", paramLabel = "LO,HI",
      description = "Range of every per-row term, for hedged, and for betting on dr.")
  String termRange;

  @Option(names = "--target-rows", paramLabel = "N",
      description = "Rows the asymptotic sequence is tuned for (default: --max-rows, else 10000).")
  Long targetRows;

  @Option(names = "--threshold", paramLabel = "VALUE",
      description = "Decide whether each value is above or below VALUE (e.g. the baseline's value); stop once"
          + " every verdict is settled.")
  Double threshold;

  @Option(names = "--every", defaultValue = "1000", paramLabel = "N",
      description = "Print an update every N rows (default: ${DEFAULT-VALUE}).")
  long every;

  @Option(names = "--max-rows", paramLabel = "N", description = "Stop after N rows (the budget).")
  Long maxRows;

  @Option(names = "--follow", description = "At the end of the file, wait for more rows (standard input is"
      + " always read until it closes).")
  boolean follow;

  @Option(names = "--poll-ms", defaultValue = "200", paramLabel = "MS",
      description = "With --follow, how often to look for new rows (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "With --follow, stop after this long without new rows (default: ${DEFAULT-VALUE}).")
  double idleSeconds;

  @Mixin LogColumnsOptions columns;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  private final MonitorReport page = new MonitorReport();

  @Override
  public Integer call() throws Exception {
    String format = output.checkedFormat();
    if (every < 1) {
      throw new UsageException("--every must be >= 1, got " + every);
    }
    if (maxRows != null && maxRows < 1) {
      throw new UsageException("--max-rows must be >= 1, got " + maxRows);
    }
    if (!(level > 0 && level < 1)) {
      throw new UsageException("--level: the confidence level must be in (0, 1), got " + level);
    }
    if (!(pollMillis > 0) || !(idleSeconds >= 0)) {
      throw new UsageException("--poll-ms must be > 0 and --idle-timeout >= 0");
    }
    if (!List.of("auto", "csv").contains(columns.format.inputFormat)) {
      throw new UsageException("monitor reads CSV (a growing file or standard input), not " + columns.format.inputFormat);
    }
    SequenceMonitor.Settings settings = new SequenceMonitor.Settings(ConfidenceSequences.Method.parse(sequence), level,
        TermRange.parse(rewardRange), termRange == null ? null : TermRange.parse(termRange),
        targetRows != null ? targetRows : maxRows != null ? maxRows : 10_000, threshold == null ? Double.NaN : threshold);
    boolean stdin = log.data.equals("-");
    String source = stdin ? "<stdin>" : Path.of(log.data).getFileName().toString();
    if (!stdin && Gzip.isGzip(Path.of(log.data))) {
      throw new UsageException(log.data + " is gzip-compressed: monitor follows plain CSV (decompress it, or pipe"
          + " it: zcat FILE | ope4j monitor --data -)");
    }
    InputStream in = stdin ? System.in : Files.newInputStream(Path.of(log.data));
    try (FollowedLines lines = new FollowedLines(in, follow && !stdin, pollMillis, (long) (idleSeconds * 1000));
        Writer target = output.output == null ? null : Files.newBufferedWriter(output.output, StandardCharsets.UTF_8)) {
      PrintWriter out = target == null ? spec.commandLine().getOut() : new PrintWriter(target);
      run(lines, source, settings, new MonitorLines(format, out));
    }
    return Ope4j.OK;
  }

  private void run(FollowedLines lines, String source, SequenceMonitor.Settings settings, MonitorLines printer)
      throws Exception {
    String headerLine = lines.next();
    if (headerLine == null || headerLine.isBlank()) {
      throw new InvalidDataException(source, 0, null, headerLine == null ? "empty file (no header line)"
          : "the header line is empty");
    }
    List<String> header = Arrays.asList(headerLine.split(",", -1));
    LogColumns resolved = LogColumns.resolve(header, columns.toReadOptions(), source);
    SequenceMonitor monitor = new SequenceMonitor(resolved.layout(),
        Estimators.parseList(estimators), settings);
    String[] fields = new String[header.size()];
    RowAssembler assembler = new RowAssembler(resolved, column -> "'" + fields[column] + "'");
    BanditBatch batch = new BanditBatch(resolved.layout(), 1);
    double[] values = new double[header.size()];
    long row = 0;
    long blankRow = 0;
    String stopped = "end of the log";
    for (String line = lines.next(); line != null; line = lines.next()) {
      row++;
      if (line.isBlank()) {
        blankRow = blankRow == 0 ? row : blankRow; // fine if only blank lines follow up to the end
        continue;
      }
      if (blankRow != 0) {
        throw new InvalidDataException(source, blankRow, null, "empty line");
      }
      parse(line, fields, values, source, row);
      batch.setRows(row - 1, 1);
      assembler.assemble(values, batch, 0, row);
      try {
        monitor.add(batch, 0);
      } catch (IllegalArgumentException outOfRange) {
        throw new InvalidDataException(source, row, null, outOfRange.getMessage()
            + " (the range given by --reward-range or --term-range)");
      }
      if (monitor.settled()) {
        stopped = "settled";
        break;
      }
      if (maxRows != null && monitor.rows() >= maxRows) {
        stopped = "row budget";
        break;
      }
      if (monitor.rows() % every == 0) {
        List<SequenceMonitor.Status> now = monitor.status();
        printer.update(now, null);
        page.add(now);
      }
    }
    if (monitor.rows() == 0) {
      throw new InvalidDataException(source, 1, null, "the log has no rows");
    }
    List<SequenceMonitor.Status> last = monitor.status();
    printer.update(last, stopped);
    page.add(last);
    String stopReason = stopped;
    report.write(() -> List.of(page.section(last, stopReason, sequence, level, threshold)));
  }

  private static void parse(String line, String[] fields, double[] values, String source, long row) {
    String[] split = line.split(",", -1);
    if (split.length != fields.length) {
      throw new InvalidDataException(source, row, null, "expected " + fields.length + " fields (as in the header), got "
          + split.length);
    }
    for (int c = 0; c < split.length; c++) {
      fields[c] = split[c];
      try {
        byte[] text = split[c].getBytes(StandardCharsets.UTF_8);
        values[c] = NumberParser.parseDouble(text, 0, text.length); // the CSV reader's grammar
      } catch (NumberFormatException notNumber) {
        values[c] = Double.NaN;
      }
    }
  }
}
