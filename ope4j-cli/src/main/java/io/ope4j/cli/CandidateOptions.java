package io.ope4j.cli;

import io.ope4j.data.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code simulate --candidate}: several candidate policies in one continuous-action or slate log,
 * for {@code select} (docs/selection.md); bandit logs take theirs with {@code --eval-policy}.
 */
final class CandidateOptions {

  @Option(names = "--candidate", paramLabel = "NAME=SPEC",
      description = "A candidate policy for select (repeatable), written in its own columns with its exact value:"
          + " with --schema continuous NAME=SLOPE:SHIFT[:NOISE] (the action SLOPE * mean(x) + SHIFT, or a normal"
          + " density of sd NOISE around it); with --slate-length NAME=TEMPERATURE (the evaluation policy's"
          + " temperature at the top position).")
  List<String> candidates = new ArrayList<>();

  /** Refuses the option on a simulator that takes no candidates. */
  void refuse(String simulator) {
    if (!candidates.isEmpty()) {
      throw new UsageException("--candidate is for --schema continuous and --slate-length logs; " + simulator
          + " take their policies with --eval-policy");
    }
  }

  /** {@code NAME=VALUE} split at the first {@code =}, or a usage error naming {@code form}. */
  static String[] nameAndSpec(String text, String form) {
    int equals = text.indexOf('=');
    if (equals <= 0 || equals == text.length() - 1) {
      throw new UsageException("--candidate must be " + form + ", got '" + text + "'");
    }
    return new String[] {text.substring(0, equals), text.substring(equals + 1)};
  }
}
