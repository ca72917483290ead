package io.ope4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --seed}: in every command, the seed of all of the command's randomness, so that the same
 * seed gives the same output. A command with several random parts (bootstrap, cross-fitting
 * folds, a simulation) seeds each from this value unless its own {@code --bootstrap-seed},
 * {@code --fold-seed} or {@code --ts-seed} is given. Each command keeps its historical default
 * (the field's initial value): 12345 where the seed draws bootstrap samples and folds, 1 where
 * it simulates a log.
 */
final class SeedOption {

  static final long EVALUATION_DEFAULT = 12345;
  static final long SIMULATION_DEFAULT = 1;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of all of the command's randomness; the same seed gives the same output"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  SeedOption(long defaultSeed) {
    this.seed = defaultSeed;
  }

  /** The {@code --seed} of the command {@code spec}, e.g. of the command a mixin is mixed into. */
  static long of(CommandSpec spec) {
    return spec.findOption("--seed").getValue();
  }

  /** {@code specific} if given, else the command's {@code --seed}. */
  static long orCommandSeed(Long specific, CommandSpec spec) {
    return specific != null ? specific : of(spec);
  }
}
