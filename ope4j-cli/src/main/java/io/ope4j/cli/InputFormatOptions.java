package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogInput;
import picocli.CommandLine.Option;

/** {@code --input-format} and {@code --delimiter}: how the log named by {@code --data} is read. */
final class InputFormatOptions implements Preflight {

  @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
      description = "Format of the log: auto (told by content), csv, parquet or jsonl (default: ${DEFAULT-VALUE}).")
  String inputFormat;

  @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
      description = "CSV only: the one character between fields, e.g. ';' or tab (also \\t) (default: ${DEFAULT-VALUE}).")
  String delimiter;

  @Override
  public void check() {
    InputFormat.parse(inputFormat);
    delimiterChar();
  }

  /** The log {@code data} ({@code -} for standard input), read as these options say. */
  LogInput input(String data) {
    return LogInput.of(data, InputFormat.parse(inputFormat)).withDelimiter(delimiterChar());
  }

  private char delimiterChar() {
    String text = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
    char c = text.length() == 1 ? text.charAt(0) : 0;
    if (c == 0 || c > 127 || c == '"' || c == '\n' || c == '\r') {
      throw new UsageException("--delimiter must be one ASCII character other than a quote (tab or \\t for a tab),"
          + " got '" + delimiter + "'");
    }
    return c;
  }
}
