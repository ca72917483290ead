package io.ope4j.cli;

import io.ope4j.data.UserInputException;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ope4j} command. Results go to stdout, progress and messages to stderr. Exit codes:
 * {@value #OK} success, {@value #BAD_INPUT} bad usage or bad input (a {@link UserInputException},
 * a command-line parse error, or an input file that is missing or unreadable), {@value #INTERNAL}
 * anything else: a bug, reported as an internal error with its stack trace.
 */
@Command(
    name = "ope4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Policy evaluation: how well would a policy do, and how sure are we, before it is deployed.",
    subcommands = {
      QuickstartCommand.class,
      ObdCommand.class,
      EvaluateCommand.class,
      SimulateCommand.class,
      SelectCommand.class,
      ConvertCommand.class,
      AssessCommand.class,
      CtEvaluateCommand.class,
      CtSimulateCommand.class,
      GateCommand.class,
      MonitorCommand.class,
      SimEvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Ope4j implements Runnable {

  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int BAD_INPUT = 2;
  /** {@code gate}: no candidate is good enough (docs/gate.md); 0 means deploy. */
  public static final int DO_NOT_DEPLOY = 3;
  /** {@code gate}: inconclusive, or refused for thin support. */
  public static final int INCONCLUSIVE = 4;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code; never exits the JVM. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Progress.setQuiet(false);
    CommandLine commandLine = new CommandLine(new Ope4j());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(Ope4j::exitCodeOf);
    commandLine.setExecutionStrategy(Preflight::execute);
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      int code = exitCodeOf(exception);
      PrintWriter errors = command.getErr();
      if (code == BAD_INPUT) {
        errors.println("ope4j: error: " + message(exception));
      } else {
        errors.println("ope4j: internal error: " + exception);
        exception.printStackTrace(errors);
      }
      errors.flush();
      return code;
    });
    commandLine.setParameterExceptionHandler((exception, args1) -> {
      PrintWriter errors = exception.getCommandLine().getErr();
      errors.println("ope4j: error: " + exception.getMessage());
      if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
        Suggestions.print(unmatched, errors);
      }
      // A value that does not convert is named with its option already: one line says it all.
      if (!(exception.getCause() instanceof CommandLine.TypeConversionException)) {
        errors.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      }
      errors.flush();
      return BAD_INPUT;
    });
    return commandLine.execute(args);
  }

  /** {@value #BAD_INPUT} for the user's errors, {@value #INTERNAL} for anything else: a bug. */
  static int exitCodeOf(Throwable exception) {
    if (exception instanceof UserInputException
        || exception instanceof NoSuchFileException
        || exception instanceof AccessDeniedException
        || exception instanceof FileNotFoundException
        || exception instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    return INTERNAL;
  }

  private static String message(Throwable exception) {
    if (exception instanceof NoSuchFileException) {
      return "no such file: " + exception.getMessage();
    }
    if (exception instanceof AccessDeniedException) {
      return "cannot read " + exception.getMessage() + ": permission denied";
    }
    return exception.getMessage();
  }
}
