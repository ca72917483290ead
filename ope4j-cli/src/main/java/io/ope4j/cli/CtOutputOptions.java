package io.ope4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output} for the continuous-time commands: the same options and
 * meaning as {@link OutputOptions}, for a {@link CtReport}. (OutputOptions takes the bandit
 * ResultWriter only; a shared interface for both would remove this twin.)
 */
final class CtOutputOptions {

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
  Path output;

  /** Checks the format before any work, so that a typo fails fast. */
  String checkedFormat() {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!chosen.equals("table") && !chosen.equals("json") && !chosen.equals("csv")) {
      throw new IllegalArgumentException("--format must be table, json or csv, got '" + format + "'");
    }
    return chosen;
  }

  void write(PrintWriter stdout, CtReport report) throws IOException {
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
