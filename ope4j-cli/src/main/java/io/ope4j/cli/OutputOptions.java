package io.ope4j.cli;

import io.ope4j.io.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}: where and how results are written. */
final class OutputOptions {

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
  Path output;

  @Option(names = "--quiet", description = "No progress bar on the terminal.")
  void setQuiet(boolean quiet) {
    Progress.setQuiet(quiet);
  }

  /** The chosen format, checked, so that a typo fails before any work is done. */
  String checkedFormat() {
    return Report.checkFormat(format);
  }

  /** Writes {@code report} in the chosen format to stdout or to {@code --output}. */
  void write(PrintWriter stdout, Report report) throws IOException {
    String chosen = checkedFormat();
    if (output == null) {
      report.write(chosen, stdout);
      stdout.flush();
      return;
    }
    try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        PrintWriter writer = new PrintWriter(file)) {
      report.write(chosen, writer);
    }
  }
}
