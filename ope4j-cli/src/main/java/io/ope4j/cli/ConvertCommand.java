package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogConverter;
import io.ope4j.io.LogInput;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ope4j convert}: writes a log in another format with the same columns (e.g. CSV to
 * Parquet), so that every format can be made from any other.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write a log (CSV, Parquet file or directory, JSON Lines; plain or gzip; - for standard input)"
        + " in another format with the same columns. Numbers keep their exact values.")
final class ConvertCommand implements Callable<Integer>, Preflight {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin DataOption log;

  @Mixin InputFormatOptions inputFormat;

  @Option(names = "--to", paramLabel = "FORMAT", description = "Output format: csv, parquet or jsonl (default: told by"
      + " the output's name: .parquet, .csv, .csv.gz, .jsonl, .jsonl.gz).")
  String to;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The converted log to write (replaced if it exists); CSV and JSON Lines are gzip-compressed if it"
          + " ends with .gz.")
  Path output;

  @Option(names = "--row-group-rows", paramLabel = "N", defaultValue = "1048576",
      description = "Parquet output: rows per row group, the unit decoded on one thread (default: ${DEFAULT-VALUE};"
          + " docs/ingest.md).")
  int rowGroupRows;

  @Override
  public void check() {
    if (rowGroupRows < 1) {
      throw new UsageException("--row-group-rows must be at least 1, got " + rowGroupRows);
    }
    OutputFile.check("--output", output);
    outputFormat(to, output);
  }

  @Override
  public Integer call() throws Exception {
    InputFormat target = outputFormat(to, output);
    try (LogInput input = inputFormat.input(log.data).reopenable()) {
      long rows;
      try (Progress.Stages stages = Progress.stages(spec.commandLine().getErr())) {
        rows = LogConverter.convert(input, output, target, stages::stage, rowGroupRows);
      }
      spec.commandLine().getErr().printf(java.util.Locale.ROOT, "ope4j: wrote %,d rows to %s%n", rows, output);
    }
    return Ope4j.OK;
  }

  /** The format named by {@code --to}, any input format but {@code auto}, else told by the output's name. */
  private static InputFormat outputFormat(String name, Path output) {
    if (name == null) {
      String file = output.getFileName() == null ? "" : output.getFileName().toString().replaceFirst("\\.gz$", "");
      int dot = file.lastIndexOf('.');
      String suffix = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
      return switch (suffix) {
        case "parquet" -> InputFormat.PARQUET;
        case "csv" -> InputFormat.CSV;
        case "jsonl" -> InputFormat.JSONL;
        default -> throw new UsageException("give --to csv, parquet or jsonl: the output's name " + output.getFileName()
            + " does not end with .parquet, .csv or .jsonl");
      };
    }
    for (InputFormat format : InputFormat.values()) {
      if (format != InputFormat.AUTO && format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new UsageException("--to must be csv, parquet or jsonl, got '" + name + "'");
  }
}
