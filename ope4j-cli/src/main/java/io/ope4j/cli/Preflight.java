package io.ope4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks of a command's arguments that run before the command does any work (an output file in
 * a missing directory fails before the log is read). Commands and their mixins implement it.
 */
interface Preflight {

  /** @throws io.ope4j.data.UsageException if an argument cannot be used */
  void check();

  /**
   * The execution strategy of {@link Ope4j}: runs the {@code check()} of the chosen command and
   * of every mixin it declares, then the command.
   */
  static int execute(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    CommandSpec spec = last.commandSpec();
    if (!last.isUsageHelpRequested() && !last.isVersionHelpRequested()) {
      List<Object> checked = new ArrayList<>();
      collect(spec, checked);
      try {
        for (Object candidate : checked) {
          if (candidate instanceof Preflight preflight) {
            preflight.check();
          }
        }
      } catch (RuntimeException e) {
        throw new CommandLine.ExecutionException(spec.commandLine(), e.getMessage(), e);
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** The command's object and those of its mixins, and of theirs. */
  private static void collect(CommandSpec spec, List<Object> into) {
    into.add(spec.userObject());
    for (CommandSpec mixin : spec.mixins().values()) {
      collect(mixin, into);
    }
  }
}
