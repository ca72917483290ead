package io.ope4j.cli;

import picocli.CommandLine.Option;

/** Options of {@code simulate --slate-length} (docs/slates.md, "Simulating"). */
final class SlateSimulateOptions {

  @Option(names = "--slate-length", paramLabel = "L",
      description = "Simulate slates of L positions instead of a bandit (a slate log; --actions items,"
          + " --contexts contexts and --behaviour-temperature apply).")
  Integer length;

  @Option(names = "--slates", defaultValue = "10000", paramLabel = "N",
      description = "slates: number of slates to log (default: ${DEFAULT-VALUE}).")
  long slates;

  @Option(names = "--click-model", defaultValue = "cascade", paramLabel = "MODEL",
      description = "slates: independent or cascade (default: ${DEFAULT-VALUE}).")
  String clickModel;

  @Option(names = "--eval-temperature", defaultValue = "0.3", paramLabel = "T",
      description = "slates: the evaluation policy's softmax temperature at the top position, T (l + 1) at"
          + " position l (default: ${DEFAULT-VALUE}).")
  double evaluationTemperature;

  @Option(names = "--qhat-noise", defaultValue = "0.05", paramLabel = "SD",
      description = "slates: standard deviation of the Gaussian error added to the true Q_l in the qhat_*"
          + " columns (default: ${DEFAULT-VALUE}).")
  double qhatNoise;
}
