package io.ope4j.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one-line hint after an unknown command or option: the nearest known name. */
final class Suggestions {

  private Suggestions() {}

  /** Prints {@code did you mean NAME?} when picocli finds a name close to the unknown one. */
  static void print(UnmatchedArgumentException unmatched, PrintWriter err) {
    List<String> suggestions = unmatched.getSuggestions();
    if (!suggestions.isEmpty()) {
      err.println("ope4j: did you mean " + suggestions.get(0) + "?");
    }
  }
}
