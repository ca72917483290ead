package io.ope4j.cli;

import io.ope4j.report.HtmlReport;
import io.ope4j.report.InputFile;
import io.ope4j.report.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --report FILE.html}: also write the results as one self-contained HTML page. The file is
 * checked when the option is parsed, before any work; the header's inputs (every option value
 * naming an existing file or directory) and settings (every other option's value) are read from
 * the command's own options, so a command only says which sections to show.
 */
final class ReportOptions {

  /** Options that say where output goes, not what the numbers are. */
  private static final Set<String> NOT_SETTINGS = Set.of("--report", "--output", "--format", "--dir", "--help",
      "--version", "--quiet");

  /**
   * Settings shown at their defaults too: the ones that shape every result of a command (seeds,
   * what is estimated, the interval). Other options appear when given, so that the page does not
   * list the column names of every log shape.
   */
  private static final Set<String> ALWAYS_SHOWN = Set.of("--seed", "--estimators", "--ci", "--level", "--bootstrap",
      "--engine", "--gamma", "--schema", "--criterion", "--top-k", "--confidence", "--min-improvement", "--bound",
      "--baseline", "--sequence", "--method", "--setting", "--basis", "--reward-model");

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** Whether {@code option} was given on the command line. */
  private boolean given(OptionSpec option) {
    CommandLine.ParseResult parsed = command.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  private final Instant started = Instant.now();
  private Path file;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write a self-contained HTML report (charts and their tables; works offline) to FILE.html.")
  void setReport(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    if (Files.isDirectory(path)) {
      throw new CommandLine.ParameterException(command.commandLine(), "--report " + path + " is a directory; give a file name");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CommandLine.ParameterException(command.commandLine(),
          "--report " + path + ": the directory " + parent + " does not exist");
    }
    file = path;
  }

  boolean requested() {
    return file != null;
  }

  /**
   * Writes the report of the sections {@code sections} gives when {@code --report} was given; does
   * nothing otherwise. The sections are built only for a report: building them loads the chart
   * code and Jackson (about 370 classes, a tenth of a second of start-up) that a command without
   * {@code --report} never needs.
   */
  void write(Supplier<? extends Collection<Section>> sections) throws IOException {
    write(sections, Set.of());
  }

  /**
   * Writes the report of {@code sections}, leaving out of its settings the options in {@code
   * notApplicable} (those of a command that this input does not use, e.g. the bandit columns of
   * {@code evaluate} on a trajectory log).
   */
  void write(Supplier<? extends Collection<Section>> sections, Set<String> notApplicable) throws IOException {
    if (file == null) {
      return;
    }
    HtmlReport.Builder page = HtmlReport.builder()
        .header(command.qualifiedName(), commandLine(), VersionProvider.version()).started(started);
    for (OptionSpec option : command.options()) {
      String name = option.longestName();
      Object value = option.getValue();
      if (NOT_SETTINGS.contains(name) || notApplicable.contains(name) || value == null || option.usageHelp() || option.versionHelp()) {
        continue;
      }
      if (!given(option) && !ALWAYS_SHOWN.contains(name)) {
        continue; // at its default, and not one that shapes every result: docs/cli.md has the defaults
      }
      List<String> files = existingFiles(value);
      for (String path : files) {
        page.input(InputFile.of(path));
      }
      if (files.isEmpty() && !(value instanceof Collection<?> c && c.isEmpty())) {
        page.setting(name, String.valueOf(value));
      }
    }
    page.sections(List.copyOf(sections.get())).build().write(file);
  }

  private static List<String> existingFiles(Object value) {
    List<String> files = new ArrayList<>();
    for (Object item : value instanceof Collection<?> c ? c : List.of(value)) {
      if ((item instanceof Path || item instanceof String) && !item.toString().isEmpty()
          && (item.toString().equals("-") || Files.exists(Path.of(item.toString())))) {
        files.add(item.toString());
      }
    }
    return files;
  }

  private String commandLine() {
    StringBuilder line = new StringBuilder("ope4j");
    for (String arg : command.root().commandLine().getParseResult().originalArgs()) {
      line.append(' ').append(arg.isEmpty() || arg.matches(".*[\\s'\"$`\\\\].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg);
    }
    return line.toString();
  }
}
