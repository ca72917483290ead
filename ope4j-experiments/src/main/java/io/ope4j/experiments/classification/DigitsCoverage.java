package io.ope4j.experiments.classification;

import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.Interval;
import io.ope4j.io.ClassificationData;
import io.ope4j.io.ClassificationReader;
import io.ope4j.models.ClassificationBandit;
import io.ope4j.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Coverage of the default 95% intervals on the supervised-to-bandit protocol ({@link
 * ClassificationBandit}, as {@code simulate --from-classification} runs it) over seeds {@code 0 ..
 * seeds-1}: how many seeds' intervals cover each policy's exact value. The reward model of DR and
 * SNDR is the behaviour policy's own classifier (fitted on a disjoint subset of rows): {@code q(x,
 * a)} is its probability of class a. Run with {@code java -cp ... DigitsCoverage FILE SEEDS}.
 */
public final class DigitsCoverage {

  /** The estimators whose coverage is counted. */
  public static final List<String> ESTIMATORS = List.of("ipw", "snipw", "dr", "sndr");

  private DigitsCoverage() {}

  /** Covering seeds per "policy estimator" key, plus the reported interval's label under "method:"+key. */
  public static Map<String, Object> run(Path file, int seeds) throws IOException {
    ClassificationData data = ClassificationReader.read(file);
    Map<String, Object> counts = new LinkedHashMap<>();
    for (int seed = 0; seed < seeds; seed++) {
      ClassificationBandit bandit = ClassificationBandit.of(data.features(), data.dim(), data.labels(), data.classes(),
          ClassificationBandit.Settings.defaults(seed), 1);
      EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList(String.join(",", ESTIMATORS)))
          .withThreads(1)).evaluate(log(bandit).source());
      for (String policy : bandit.policyNames()) {
        for (String estimator : ESTIMATORS) {
          Interval interval = result.estimate(policy, estimator).interval();
          String key = policy + " " + estimator;
          counts.merge(key, interval.covers(bandit.truth(policy)) ? 1 : 0, (a, b) -> (Integer) a + (Integer) b);
          counts.put("method:" + key, interval.label());
        }
      }
    }
    return counts;
  }

  private static ColumnarLog log(ClassificationBandit bandit) {
    int n = bandit.rows();
    int k = bandit.nActions();
    int dim = bandit.dim();
    int[] action = bandit.actions();
    double[] model = new double[n * k];
    bandit.behaviour().probabilities(bandit.contexts(), dim, null, n, model);
    double[] qLogged = new double[n];
    for (int i = 0; i < n; i++) {
      qLogged[i] = model[i * k + action[i]];
    }
    ColumnarLog.Builder builder = ColumnarLog.builder(action, bandit.rewards(), bandit.pscore())
        .modelAtLoggedAction(qLogged).nActions(k);
    double[] pi = new double[n * k];
    for (String name : bandit.policyNames()) {
      Policy policy = bandit.policy(name);
      policy.probabilities(bandit.contexts(), dim, null, n, pi);
      double[] piLogged = new double[n];
      double[] qExpected = new double[n];
      for (int i = 0; i < n; i++) {
        piLogged[i] = pi[i * k + action[i]];
        for (int a = 0; a < k; a++) {
          qExpected[i] += pi[i * k + a] * model[i * k + a];
        }
      }
      builder.policy(name, piLogged, qExpected);
    }
    return builder.build();
  }

  public static void main(String[] args) throws IOException {
    int seeds = Integer.parseInt(args[1]);
    Map<String, Object> counts = run(Path.of(args[0]), seeds);
    System.out.println("| policy | estimator | seeds | method | coverage |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, Object> entry : counts.entrySet()) {
      if (!entry.getKey().startsWith("method:")) {
        String[] parts = entry.getKey().split(" ");
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.1f%% |%n", parts[0], parts[1], seeds,
            counts.get("method:" + entry.getKey()), 100.0 * (Integer) entry.getValue() / seeds);
      }
    }
  }
}
