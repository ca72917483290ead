package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.assess.CandidatePools;
import io.ope4j.assess.SyntheticGrid;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.RewardFunction;
import io.ope4j.synthetic.RewardType;
import io.ope4j.synthetic.SyntheticConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The grid of synthetic settings that {@code ope4j assess} runs over. */
final class AssessGridOptions {

  @Option(names = "--rows", split = ",", defaultValue = "1000", paramLabel = "N",
      description = "Logged rounds per replication; a comma-separated list is a grid dimension (default: ${DEFAULT-VALUE}).")
  List<Long> rows;

  @Option(names = "--actions", split = ",", defaultValue = "10", paramLabel = "K",
      description = "Numbers of actions (default: ${DEFAULT-VALUE}).")
  List<Integer> actions;

  @Option(names = "--behaviour-temperature", split = ",", defaultValue = "1.0", paramLabel = "T",
      description = "Temperatures of the softmax logging policy (default: ${DEFAULT-VALUE}).")
  List<Double> temperatures;

  @Option(names = "--reward-noise", split = ",", defaultValue = "0.5", paramLabel = "S",
      description = "Reward noise sd, in units of the spread of expected rewards (default: ${DEFAULT-VALUE}).")
  List<Double> noises;

  @Option(names = "--pool", paramLabel = "POOL",
      description = "A pool of candidate policies; repeat for several. default (softmax:0.5, egreedy:0.1, argmax,"
          + " uniform), softmax:N (N softmax policies, temperatures 0.2..5 on a log scale; the logger's is 1),"
          + " egreedy:N (epsilon 0.05..0.95), mixed:N (both ladders), or NAME=KIND[:P]+NAME=KIND[:P]+... with"
          + " kinds as simulate's --eval-policy. Default: default.")
  List<String> pools = new ArrayList<>();

  @Option(names = "--context-dim", defaultValue = "5", description = "Context dimension (default: ${DEFAULT-VALUE}).")
  int contextDim;

  @Option(names = "--contexts", defaultValue = "1000", description = "Size of the context pool (default: ${DEFAULT-VALUE}).")
  int contexts;

  @Option(names = "--reward-function", defaultValue = "linear", description = "linear or logistic (default: ${DEFAULT-VALUE}).")
  String rewardFunction;

  @Option(names = "--reward-type", defaultValue = "continuous", description = "continuous or binary (default: ${DEFAULT-VALUE}).")
  String rewardType;

  @Option(names = "--model-noise", defaultValue = "0.1",
      description = "Error sd of the reward model, in units of the spread of expected rewards (default: ${DEFAULT-VALUE}).")
  double modelNoise;

  /** The command this is mixed into: its {@code --seed} seeds the simulation. */
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  SyntheticGrid toGrid() {
    SyntheticConfig base = SyntheticConfig.defaults(SeedOption.of(mixee))
        .withContextDim(contextDim)
        .withPoolSize(contexts)
        .withRewardFunction(parseEnum(RewardFunction.class, "--reward-function", rewardFunction))
        .withRewardType(parseEnum(RewardType.class, "--reward-type", rewardType))
        .withModelNoise(modelNoise);
    Map<String, List<PolicySpec>> parsed = new LinkedHashMap<>();
    for (String pool : pools.isEmpty() ? List.of("default") : pools) {
      if (parsed.put(pool.trim(), parsePool(pool.trim())) != null) {
        throw new UsageException("--pool " + pool + " is given twice");
      }
    }
    return new SyntheticGrid(base, rows, actions, temperatures, noises, parsed);
  }

  static List<PolicySpec> parsePool(String spec) {
    if (spec.equals("default")) {
      return CandidatePools.defaults();
    }
    if (spec.contains("=")) {
      List<PolicySpec> pool = new ArrayList<>();
      for (String policy : spec.split("\\+")) {
        pool.add(PolicySpec.parse(policy.trim()));
      }
      return pool;
    }
    String[] kindAndSize = spec.split(":", 2);
    int size = kindAndSize.length == 2 ? size(spec, kindAndSize[1]) : -1;
    return switch (kindAndSize[0].toLowerCase(Locale.ROOT)) {
      case "softmax" -> CandidatePools.softmaxLadder(needSize(spec, size));
      case "egreedy" -> CandidatePools.epsilonGreedyLadder(needSize(spec, size));
      case "mixed" -> CandidatePools.mixed(needSize(spec, size));
      default -> throw new UsageException("--pool " + spec
          + ": unknown pool; known: default, softmax:N, egreedy:N, mixed:N, or NAME=KIND[:P]+NAME=KIND[:P]+...");
    };
  }

  private static int size(String spec, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--pool " + spec + ": '" + text + "' is not a number of policies");
    }
  }

  private static int needSize(String spec, int size) {
    if (size < 2) {
      throw new UsageException("--pool " + spec + ": a pool needs a size of at least 2, e.g. softmax:10");
    }
    return size;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    throw new UsageException(option + " must be one of " + names + ", got '" + text + "'");
  }
}
