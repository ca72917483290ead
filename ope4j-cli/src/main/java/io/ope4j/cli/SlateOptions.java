package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.slate.SlateCompatibility;
import picocli.CommandLine.Option;

/** Options of {@code evaluate} that only slate logs use (docs/slates.md). */
final class SlateOptions implements Preflight {

  @Option(names = "--slate-compat", defaultValue = "none", paramLabel = "MODE",
      description = "Slate logs: none (documented intervals) or obp (Open Bandit Pipeline 0.5.5's coded"
          + " bootstrap, for comparing numbers with it) (default: ${DEFAULT-VALUE}).")
  String compatibility;

  @Override
  public void check() {
    compatibility();
  }

  SlateCompatibility compatibility() {
    return switch (compatibility) {
      case "none" -> SlateCompatibility.NONE;
      case "obp" -> SlateCompatibility.OBP;
      default -> throw new UsageException("--slate-compat must be none or obp, got '" + compatibility + "'");
    };
  }
}
