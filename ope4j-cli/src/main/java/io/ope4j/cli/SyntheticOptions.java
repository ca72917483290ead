package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.RewardFunction;
import io.ope4j.synthetic.RewardType;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options that define a synthetic bandit, shared by simulate and quickstart. */
final class SyntheticOptions {

  @Option(names = "--actions", defaultValue = "10", description = "Number of actions K (default: ${DEFAULT-VALUE}).")
  int actions;

  @Option(names = "--context-dim", defaultValue = "5", description = "Context dimension (default: ${DEFAULT-VALUE}).")
  int contextDim;

  @Option(names = "--contexts", defaultValue = "1000", description = "Size of the context pool; the truth is exact over it (default: ${DEFAULT-VALUE}).")
  int contexts;

  @Option(names = "--reward-function", defaultValue = "linear", description = "linear or logistic (default: ${DEFAULT-VALUE}).")
  String rewardFunction;

  @Option(names = "--reward-type", defaultValue = "continuous", description = "continuous or binary (default: ${DEFAULT-VALUE}).")
  String rewardType;

  @Option(names = "--reward-noise", defaultValue = "0.5", description = "Continuous reward noise sd, in units of the spread of expected rewards (default: ${DEFAULT-VALUE}).")
  double rewardNoise;

  @Option(names = "--behaviour-temperature", defaultValue = "1.0", description = "Temperature of the softmax logging policy (default: ${DEFAULT-VALUE}).")
  double behaviourTemperature;

  @Option(names = "--model-noise", defaultValue = "0.1", description = "Error sd of the q_* reward-model columns, in units of the spread of expected rewards (default: ${DEFAULT-VALUE}).")
  double modelNoise;

  @Option(names = "--eval-policy", paramLabel = "NAME=KIND",
      description = "An evaluation policy: NAME=softmax:TEMPERATURE, NAME=epsilon-greedy:EPSILON, NAME=argmax or NAME=uniform."
          + " Repeatable. Default: softmax=softmax:0.5, egreedy=epsilon-greedy:0.1, argmax=argmax, uniform=uniform.")
  List<String> policies = new ArrayList<>();

  /** The command this is mixed into: its {@code --seed} seeds the simulation. */
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  SyntheticConfig toConfig() {
    try {
      return buildConfig();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw asOptionError(e);
    }
  }

  /** The library's names of the simulation's settings, and the options that give them. */
  private static final Map<String, String> OPTION_OF = Map.of("nActions", "--actions", "contextDim", "--context-dim",
      "poolSize", "--contexts", "rewardNoise", "--reward-noise", "behaviourTemperature", "--behaviour-temperature",
      "modelNoise", "--model-noise");

  /**
   * A setting the simulation refused (an {@link IllegalArgumentException} of {@link
   * SyntheticConfig} or {@link PolicySpec}) as a usage error that names the option.
   */
  static UsageException asOptionError(IllegalArgumentException e) {
    String message = e.getMessage();
    for (Map.Entry<String, String> entry : OPTION_OF.entrySet()) {
      if (message.startsWith(entry.getKey() + " ")) {
        return new UsageException(entry.getValue() + message.substring(entry.getKey().length()), e);
      }
    }
    return new UsageException("the simulation's settings: " + message, e);
  }

  private SyntheticConfig buildConfig() {
    SyntheticConfig config = SyntheticConfig.defaults(SeedOption.of(mixee))
        .withActions(actions)
        .withContextDim(contextDim)
        .withPoolSize(contexts)
        .withRewardFunction(parseEnum(RewardFunction.class, "--reward-function", rewardFunction))
        .withRewardType(parseEnum(RewardType.class, "--reward-type", rewardType))
        .withRewardNoise(rewardNoise)
        .withBehaviourTemperature(behaviourTemperature)
        .withModelNoise(modelNoise);
    if (!policies.isEmpty()) {
      List<PolicySpec> specs = new ArrayList<>();
      for (String policy : policies) {
        specs.add(PolicySpec.parse(policy));
      }
      config = config.withPolicies(specs);
    }
    return config;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    throw new UsageException(option + " must be one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()
        + ", got '" + text + "'");
  }
}
