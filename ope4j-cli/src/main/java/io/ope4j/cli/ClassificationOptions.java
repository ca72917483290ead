package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.experiments.classification.ClassificationSimulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The options of {@code simulate --from-classification}, mixed into {@code simulate}. */
final class ClassificationOptions {

  /** Options of {@code simulate} that only the synthetic bandit uses. */
  private static final List<String> SYNTHETIC_ONLY = List.of("--rows", "--actions", "--context-dim", "--contexts",
      "--reward-function", "--reward-type", "--reward-noise", "--behaviour-temperature", "--model-noise",
      "--eval-policy");

  @Option(names = "--from-classification", paramLabel = "FILE",
      description = "Make the log from a classification file (features then the integer class; scikit-learn's UCI"
          + " layout, plain or gzip): a weak classifier mixed with uniform logs a class per row, the reward is 1"
          + " for the true label, and the truth is exact. Evaluation policies: softmax, argmax, egreedy.")
  Path file;

  @Option(names = "--behaviour-accuracy-mix", defaultValue = "0.5", paramLabel = "A",
      description = "With --from-classification: the behaviour policy is A x weak classifier + (1 - A) x uniform,"
          + " A in [0, 1] (default: ${DEFAULT-VALUE}).")
  double mix;

  @Option(names = "--behaviour-train-fraction", defaultValue = "0.1", paramLabel = "F",
      description = "With --from-classification: share of rows the weak classifier is fitted on (default: ${DEFAULT-VALUE}).")
  double trainFraction;

  @Option(names = "--epsilon", defaultValue = "0.1",
      description = "With --from-classification: exploration of the egreedy evaluation policy (default: ${DEFAULT-VALUE}).")
  double epsilon;

  /**
   * Writes the log and its truth; returns a one-line summary for stderr.
   *
   * @throws IllegalArgumentException if an option of the synthetic simulation was given too
   */
  String run(long seed, Path log, Path truthPath, ParseResult parsed) throws IOException {
    for (String name : SYNTHETIC_ONLY) {
      if (parsed.hasMatchedOption(name)) {
        throw new UsageException(name + " does not apply with --from-classification (the log has one row"
            + " per row of " + file + ")");
      }
    }
    ClassificationSimulation.Options options = new ClassificationSimulation.Options(file, mix, trainFraction, epsilon,
        seed);
    return ClassificationSimulation.run(options, log, truthPath);
  }
}
