package io.ope4j.cli;

import picocli.CommandLine.Option;

/** {@code --data}: the log a command reads, in every command that reads one. */
final class DataOption {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "The log to read: a file (docs/formats.md: CSV plain or gzip, Parquet, JSON Lines), a directory"
          + " of Parquet parts, or - for standard input.")
  String data;
}
