package io.ope4j.experiments.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.ClassificationData;
import io.ope4j.io.ClassificationReader;
import io.ope4j.io.CsvLogWriter;
import io.ope4j.models.ClassificationBandit;
import io.ope4j.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervised-to-bandit protocol on a classification file (see {@link ClassificationBandit}),
 * written as a formats.md wide log ({@code action, reward, pscore, x_*, pi_<policy>_*}; no {@code
 * q_*} columns) and a truth JSON of the same shape as the synthetic simulation's ({@code
 * {"policies": {name: value}, ...}}). {@code ope4j simulate --from-classification} runs it.
 */
public final class ClassificationSimulation {

  /**
   * What to simulate.
   *
   * @param file the classification file: features then the integer class (scikit-learn's UCI
   *     layout), plain or gzip
   * @param mix the behaviour policy is {@code mix} x weak classifier + (1 - mix) x uniform, in [0, 1]
   * @param trainFraction share of rows the weak classifier is fitted on
   * @param epsilon exploration of the egreedy evaluation policy
   * @param seed seed of the classifier's training subset and of the logged actions
   */
  public record Options(Path file, double mix, double trainFraction, double epsilon, long seed) {}

  private ClassificationSimulation() {}

  /**
   * Writes the log to {@code log} (gzip if it ends in .gz) and the true values to {@code
   * truthPath}; returns a one-line summary for people.
   *
   * @throws io.ope4j.data.InvalidDataException on a bad classification file
   * @throws IllegalArgumentException on settings out of range
   */
  public static String run(Options options, Path log, Path truthPath) throws IOException {
    ClassificationData data = ClassificationReader.read(options.file());
    ClassificationBandit.Settings settings = ClassificationBandit.Settings.defaults(options.seed())
        .withBehaviourMix(options.mix());
    settings = new ClassificationBandit.Settings(options.seed(), settings.behaviourMix(), options.trainFraction(),
        settings.behaviourC(), settings.targetC(), options.epsilon());
    ClassificationBandit bandit = ClassificationBandit.of(data.features(), data.dim(), data.labels(), data.classes(),
        settings, Runtime.getRuntime().availableProcessors());
    writeLog(bandit, log);
    writeTruth(bandit, data, options, truthPath);
    return String.format("ope4j: wrote %,d rows from %s (%d classes, %d features) to %s and the true values to %s",
        bandit.rows(), options.file(), bandit.nActions(), bandit.dim(), log, truthPath);
  }

  private static void writeLog(ClassificationBandit bandit, Path log) throws IOException {
    int n = bandit.rows();
    int k = bandit.nActions();
    int dim = bandit.dim();
    List<String> columns = new ArrayList<>(List.of("action", "reward", "pscore"));
    for (int j = 0; j < dim; j++) {
      columns.add("x_" + j);
    }
    List<String> names = bandit.policyNames();
    for (String name : names) {
      for (int a = 0; a < k; a++) {
        columns.add("pi_" + name + "_" + a);
      }
    }
    double[][] pi = new double[names.size()][n * k];
    for (int p = 0; p < names.size(); p++) {
      Policy policy = bandit.policy(names.get(p));
      policy.probabilities(bandit.contexts(), dim, null, n, pi[p]);
    }
    try (CsvLogWriter writer = CsvLogWriter.open(log, columns)) {
      for (int i = 0; i < n; i++) {
        writer.writeInt(bandit.actions()[i]).writeDouble(bandit.rewards()[i]).writeDouble(bandit.pscore()[i]);
        for (int j = 0; j < dim; j++) {
          writer.writeDouble(bandit.contexts()[i * dim + j]);
        }
        for (double[] policy : pi) {
          for (int a = 0; a < k; a++) {
            writer.writeDouble(policy[i * k + a]);
          }
        }
        writer.endRow();
      }
    }
  }

  private static void writeTruth(ClassificationBandit bandit, ClassificationData data, Options options, Path path)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode policies = root.putObject("policies");
    for (String name : bandit.policyNames()) {
      policies.put(name, bandit.truth(name));
    }
    root.put("behavior_value", bandit.behaviourValue());
    root.put("rows", bandit.rows());
    ObjectNode config = root.putObject("config");
    config.put("from_classification", options.file().toString());
    config.put("classes", bandit.nActions());
    config.put("class_names", String.join(",", data.classNames()));
    config.put("features", bandit.dim());
    ClassificationBandit.Settings settings = bandit.settings();
    config.put("behavior_accuracy_mix", settings.behaviourMix());
    config.put("behavior_train_fraction", settings.behaviourTrainFraction());
    config.put("behavior_train_rows", bandit.behaviourTrainingRows());
    config.put("behavior_c", settings.behaviourC());
    config.put("target_c", settings.targetC());
    config.put("epsilon", settings.epsilon());
    config.put("seed", settings.seed());
    root.put("note", "supervised-to-bandit: reward 1 iff the logged action is the true class; each policy's value is"
        + " the mean over rows of its probability of the true class (exact on these rows)");
    mapper.writeValue(path.toFile(), root);
  }
}
