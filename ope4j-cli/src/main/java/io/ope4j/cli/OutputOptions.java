package io.ope4j.cli;

import io.ope4j.io.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code -o/--output}: where and how a command's results are written. In
 * every command {@code -o/--output} names what the command produces: the results here, the log
 * in {@code simulate}, {@code ct-simulate} and {@code convert}.
 */
final class OutputOptions implements Preflight {

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (replaced if it exists) instead of stdout.")
  Path output;

  @Mixin QuietOption quiet;

  /** The format and the output file, checked before any work. */
  @Override
  public void check() {
    checkedFormat();
    OutputFile.check("--output", output);
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
