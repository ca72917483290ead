package io.ope4j.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md: a table of every option of every command, made from picocli's model of the
 * commands, so that the page cannot drift from the code ({@code CliDocTest} compares them).
 */
final class OptionTable {

  private OptionTable() {}

  /** The whole page, in Markdown. */
  static String markdown() {
    StringBuilder page = new StringBuilder();
    page.append("# Command-line options\n\n")
        .append("Generated from the commands' definitions by `OptionTable` (a test fails when this page is out of\n")
        .append("date; `mvn -pl ope4j-cli test -Dtest=CliDocTest -Dope4j.docs.write=true` rewrites it).\n\n")
        .append("The same option means the same thing in every command: `--data` is the log read (a file, a\n")
        .append("directory of Parquet parts, or `-` for standard input); `-o/--output` is what the command\n")
        .append("produces (the results of `evaluate`, `select`, `assess`, `obd`, `quickstart`, `ct-evaluate`; the\n")
        .append("log written by `simulate`, `ct-simulate` and `convert`), checked before any work; `--seed` seeds all\n")
        .append("of a command's randomness (`--bootstrap-seed`, `--fold-seed`, `--ts-seed` override one part);\n")
        .append("`--format` is the results' format; `--threads` never changes the output. Bad input exits with\n")
        .append("code 2, an internal error with 1.\n");
    addCommands(new CommandLine(new Ope4j()), page);
    return page.toString();
  }

  private static void addCommands(CommandLine parent, StringBuilder page) {
    for (Map.Entry<String, CommandLine> entry : parent.getSubcommands().entrySet()) {
      CommandSpec spec = entry.getValue().getCommandSpec();
      if (spec.name().equals("help")) {
        continue;
      }
      page.append("\n## ").append(spec.qualifiedName(" ").replaceFirst("^ope4j ", "")).append("\n\n");
      page.append(String.join(" ", spec.usageMessage().description())).append("\n\n");
      page.append("| option | meaning | default |\n|---|---|---|\n");
      List<OptionSpec> options = new ArrayList<>();
      for (OptionSpec option : spec.options()) {
        if (!option.hidden() && !option.usageHelp() && !option.versionHelp()) {
          options.add(option);
        }
      }
      options.sort(Comparator.comparing(OptionTable::longestName));
      for (OptionSpec option : options) {
        page.append("| `").append(String.join("`, `", option.names()))
            .append(option.arity().max() > 0 ? " " + option.paramLabel() : "").append("` | ")
            .append(cell(meaning(option))).append(" | ")
            .append(cell(defaultOf(option))).append(" |\n");
      }
      addCommands(entry.getValue(), page);
    }
  }

  private static String longestName(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /** The description without the default value that has its own column. */
  private static String meaning(OptionSpec option) {
    String text = String.join(" ", option.description());
    String value = option.defaultValue() != null ? option.defaultValue() : String.valueOf(option.initialValue());
    return text.replace(" (default: " + value + ")", "")
        .replace(" Default: " + value + ".", "")
        .replace(" (default: " + value + "; ", " (");
  }

  private static String defaultOf(OptionSpec option) {
    if (option.required()) {
      return "required";
    }
    String value = option.defaultValue() != null ? option.defaultValue()
        : option.initialValue() != null && !(option.initialValue() instanceof Boolean)
            && !(option.initialValue() instanceof List<?> list && list.isEmpty()) ? String.valueOf(option.initialValue())
            : "";
    return value.isEmpty() ? "" : "`" + value + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
