package io.ope4j.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress bar, in every command that shows one. */
final class QuietOption {

  @Option(names = "--quiet", description = "No progress bar on the terminal.")
  void setQuiet(boolean quiet) {
    Progress.setQuiet(quiet);
  }
}
