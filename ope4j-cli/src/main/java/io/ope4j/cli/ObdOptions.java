package io.ope4j.cli;

import io.ope4j.experiments.obd.ObdExperiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of the Open Bandit Dataset experiment, shared by {@code obd} and {@code quickstart}. */
final class ObdOptions {

  @Option(names = "--campaign", defaultValue = "men", paramLabel = "NAME",
      description = "men or women (default: ${DEFAULT-VALUE}).")
  String campaign;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The dataset: DIR/{random,bts}/CAMPAIGN/CAMPAIGN.csv[.gz] (or .parquet, .jsonl[.gz]), item_context.csv (the same), DIR/prior_bts.yaml"
          + " (default: the sample in data/obd).")
  Path dataDir;

  @Option(names = "--estimators", paramLabel = "LIST",
      description = "Comma-separated estimator specs (default: dm,ipw,snipw,dr,sndr; ipw,snipw with --reward-model none).")
  String estimators;

  @Option(names = "--reward-model", defaultValue = "logistic", paramLabel = "MODEL",
      description = "none, logistic (C=100, as OBP's example), xgboost, or a spec of evaluate --reward-model's"
          + " grammar (logistic:C=1, ridge:alpha=1, xgboost:rounds=50...); cross-fitted (default: ${DEFAULT-VALUE}).")
  String rewardModel;

  @Option(names = "--folds", defaultValue = "3", paramLabel = "K",
      description = "Cross-fitting folds of the reward model (default: ${DEFAULT-VALUE}).")
  int folds;

  /** The command this is mixed into, for its {@code --seed}. */
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--fold-seed", paramLabel = "SEED", description = "Seed of the fold assignment (default: --seed).")
  Long foldSeed;

  @Option(names = "--n-sim", defaultValue = "1000000", paramLabel = "N",
      description = "Monte Carlo simulations of the Bernoulli TS action distribution (default: ${DEFAULT-VALUE}).")
  long simulations;

  @Option(names = "--ts-seed", paramLabel = "SEED",
      description = "Seed of the Bernoulli TS simulation (default: --seed).")
  Long simulationSeed;

  @Option(names = "--policy-spec", paramLabel = "FILE",
      description = "Also evaluate the policies of a JSON spec (docs/policies.md) on the same log; repeatable.")
  List<Path> policySpecs = new ArrayList<>();

  ObdExperiment.Settings settings(int threads) {
    return new ObdExperiment.Settings(dataDir != null ? dataDir : ObdExperiment.defaultDataDir(), campaign,
        estimators, rewardModel, folds, SeedOption.orCommandSeed(foldSeed, mixee), simulations,
        SeedOption.orCommandSeed(simulationSeed, mixee), threads, policySpecs);
  }
}
