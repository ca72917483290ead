package io.ope4j.models.sequential;

import io.ope4j.internal.spec.KeyValueSpec;
import io.ope4j.models.GradientBoostedTrees;
import java.util.Locale;

/**
 * Parses a Q model spec: {@code fqe-tabular}, {@code fqe-linear[:alpha=1e-6][:solve=iterate|lstdq]},
 * {@code fqe-trees[:iterations=20][:rounds=50][:depth=4][:eta=0.3][:threads=1][:seed=0]}.
 */
public final class QModelSpec {

  private QModelSpec() {}

  /** @throws io.ope4j.data.UsageException naming the spec on an unknown kind or parameter */
  public static QFitter parse(String spec) {
    KeyValueSpec parsed = KeyValueSpec.parse(spec, "Q model", "parameter");
    QFitter fitter = switch (parsed.id()) {
      case "fqe-tabular" -> new TabularFqe();
      case "fqe-linear" -> LinearFqe.of(parsed.number("alpha", "alpha", 1e-6), solve(parsed));
      case "fqe-trees" -> TreeFqe.of((int) parsed.number("iterations", "iterations", 20),
          GradientBoostedTrees.regression()
              .rounds((int) parsed.number("rounds", "rounds", 50))
              .maxDepth((int) parsed.number("depth", "depth", 4))
              .learningRate(parsed.number("eta", "eta", 0.3))
              .threads((int) parsed.number("threads", "threads", 1))
              .seed((long) parsed.number("seed", "seed", 0)));
      default -> throw parsed.error("unknown Q model '" + parsed.id()
          + "'; known: fqe-tabular, fqe-linear, fqe-trees");
    };
    parsed.requireNoneLeft();
    return fitter;
  }

  private static LinearFqe.Solve solve(KeyValueSpec spec) {
    String solve = spec.take("solve");
    return switch (solve == null ? "iterate" : solve.toLowerCase(Locale.ROOT)) {
      case "iterate" -> LinearFqe.Solve.ITERATE;
      case "lstdq" -> LinearFqe.Solve.LSTDQ;
      default -> throw spec.error("solve must be iterate or lstdq, got '" + solve + "'");
    };
  }
}
