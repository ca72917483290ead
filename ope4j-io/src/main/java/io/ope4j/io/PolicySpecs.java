package io.ope4j.io;

import io.ope4j.data.UsageException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.policy.ActionRule;
import io.ope4j.policy.BernoulliThompsonSampling;
import io.ope4j.policy.LinearScoringModel;
import io.ope4j.policy.Policy;
import io.ope4j.policy.ScoredPolicy;
import io.ope4j.policy.ScoringModel;
import io.ope4j.policy.ScoringModelLoader;
import io.ope4j.policy.UniformPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Reads evaluation policies from JSON specs (docs/policies.md): one policy object, an array of
 * them, or {@code {"policies": [...]}}. Every problem is an {@link IllegalArgumentException}
 * naming the file and the policy, so the CLI exits with code 2.
 *
 * <pre>{@code
 * Map<String, Policy> policies = PolicySpecs.load(List.of(Path.of("my-policies.json")),
 *     new PolicySpecs.Target(contextDim, nActions, 1, threads));
 * }</pre>
 */
public final class PolicySpecs {

  /**
   * A policy read from a spec, before it is checked against a log.
   *
   * @param name the policy's name (its {@code "name"}, else the file's name without .json)
   * @param type one of the types of docs/policies.md, e.g. {@code softmax}
   * @param json the spec object as written
   * @param file the file it was read from
   */
  public record Spec(String name, String type, JsonNode json, Path file) {}

  /**
   * What a policy must match: the log's context columns, actions and slots; nActions and slots
   * are -1 when the log does not tell before it is read (the specs then say).
   *
   * @param contextDim the number of context columns {@code x_*}
   * @param nActions the number of actions, or -1
   * @param slots the number of slots (positions), or -1
   * @param threads worker threads for policies that simulate (Bernoulli TS)
   */
  public record Target(int contextDim, int nActions, int slots, int threads) {}

  private static final Set<String> TYPES =
      Set.of("uniform", "argmax", "epsilon-greedy", "softmax", "bernoulli-ts", "onnx");

  private PolicySpecs() {}

  /**
   * Reads every spec of {@code files} and builds its policy for {@code target}, by name, in file
   * order.
   *
   * @param reserved names already taken (e.g. a built-in policy evaluated beside these)
   * @throws IllegalArgumentException naming the file for a bad spec or a name used twice
   */
  public static Map<String, Policy> load(List<Path> files, Target target, Set<String> reserved) throws IOException {
    Map<String, Policy> policies = new LinkedHashMap<>();
    for (Path file : files) {
      for (Spec spec : read(file)) {
        if (reserved.contains(spec.name()) || policies.put(spec.name(), build(spec, target)) != null) {
          throw new UsageException(file + ": policy name '" + spec.name() + "' is used twice");
        }
      }
    }
    return policies;
  }

  /** {@link #load(List, Target, Set)} with no name reserved. */
  public static Map<String, Policy> load(List<Path> files, Target target) throws IOException {
    return load(files, target, Set.of());
  }

  /**
   * Reads the specs of {@code file}.
   *
   * @throws IllegalArgumentException naming the file when it is not a valid spec
   * @throws NoSuchFileException if there is no such file
   */
  public static List<Spec> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new UsageException(file + ": not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw new UsageException(file + ": empty policy spec");
    }
    JsonNode list = root.isObject() && root.has("policies") ? root.get("policies") : root;
    List<Spec> specs = new ArrayList<>();
    if (list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        specs.add(spec(list.get(i), file, "policy #" + (i + 1)));
      }
    } else {
      specs.add(spec(list, file, "policy"));
    }
    if (specs.isEmpty()) {
      throw new UsageException(file + ": no policy in the spec");
    }
    return specs;
  }

  private static Spec spec(JsonNode node, Path file, String where) {
    if (!node.isObject()) {
      throw new UsageException(file + ": " + where + " must be a JSON object, got " + node.getNodeType());
    }
    String fallbackName = file.getFileName().toString().replaceFirst("\\.json$", "");
    String name = node.has("name") ? text(node, "name", file, where) : fallbackName;
    if (!node.has("type")) {
      throw new UsageException(file + ": " + where + " has no \"type\" (one of " + String.join(", ",
          sorted(TYPES)) + ")");
    }
    String type = text(node, "type", file, "policy '" + name + "'").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new UsageException(file + ": policy '" + name + "': unknown type '" + type + "' (one of "
          + String.join(", ", sorted(TYPES)) + ")");
    }
    return new Spec(name, type, node, file);
  }

  private static String text(JsonNode node, String key, Path file, String where) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new UsageException(file + ": " + where + ": \"" + key + "\" must be a non-empty string, got "
          + value);
    }
    return value.asText();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  /**
   * Builds the policy of {@code spec} for a log of the given shape.
   *
   * @throws IllegalArgumentException if the spec is incomplete or does not match the log
   */
  public static Policy build(Spec spec, Target target) throws IOException {
    Reader r = new Reader(spec);
    Policy policy = switch (spec.type()) {
      case "uniform" -> {
        r.allow("n_actions");
        if (!r.json.has("n_actions") && target.nActions() < 1) {
          throw r.error("needs \"n_actions\": the log does not give the number of actions (no q_ columns; or use"
              + " --n-actions)");
        }
        int k = r.json.has("n_actions") ? r.integer("n_actions") : target.nActions();
        try {
          yield UniformPolicy.of(k);
        } catch (IllegalArgumentException e) {
          throw r.error(e.getMessage());
        }
      }
      case "argmax" -> {
        r.allow("weights", "bias");
        yield ScoredPolicy.of(r.linear(target), ActionRule.argmax());
      }
      case "epsilon-greedy" -> {
        r.allow("weights", "bias", "epsilon");
        ActionRule rule = r.rule(() -> ActionRule.epsilonGreedy(r.number("epsilon")));
        yield ScoredPolicy.of(r.linear(target), rule);
      }
      case "softmax" -> {
        r.allow("weights", "bias", "temperature");
        double temperature = r.json.has("temperature") ? r.number("temperature") : 1.0;
        ActionRule rule = r.rule(() -> ActionRule.softmax(temperature));
        yield ScoredPolicy.of(r.linear(target), rule);
      }
      case "bernoulli-ts" -> bernoulliTs(r, target);
      case "onnx" -> onnx(r, target);
      default -> throw new IllegalStateException("unhandled type " + spec.type());
    };
    if (target.nActions() > 0 && policy.nActions() != target.nActions()) {
      throw r.error("has " + policy.nActions() + " actions, the log has " + target.nActions());
    }
    return policy;
  }

  private static Policy bernoulliTs(Reader r, Target target) throws IOException {
    r.allow("alpha", "beta", "prior", "campaign", "slots", "simulations", "seed");
    double[] alpha;
    double[] beta;
    if (r.json.has("prior")) {
      if (r.json.has("alpha") || r.json.has("beta")) {
        throw r.error("give either \"prior\" (a prior_bts.yaml file) or \"alpha\" and \"beta\", not both");
      }
      Path prior = r.path("prior");
      ObdPrior read = ObdPrior.read(prior, r.json.has("campaign") ? r.text("campaign") : "all");
      alpha = read.alpha();
      beta = read.beta();
    } else {
      alpha = r.numbers("alpha");
      beta = r.numbers("beta");
    }
    if (!r.json.has("slots") && target.slots() < 1) {
      throw r.error("needs \"slots\": the number of positions of the log");
    }
    int slots = r.json.has("slots") ? r.integer("slots") : target.slots();
    long simulations = r.json.has("simulations") ? r.longValue("simulations") : 1_000_000L;
    long seed = r.json.has("seed") ? r.longValue("seed") : 12345L;
    if (target.nActions() > 0 && alpha.length != target.nActions()) {
      throw r.error("has " + alpha.length + " items (alpha values), the log has " + target.nActions() + " actions");
    }
    try {
      return BernoulliThompsonSampling.of(alpha, beta, slots).actionDistribution(simulations, seed, target.threads());
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage());
    }
  }

  private static Policy onnx(Reader r, Target target) throws IOException {
    r.allow("model", "output", "rule", "temperature", "epsilon");
    Path model = r.path("model");
    String output = r.text("output");
    ScoringModelLoader loader = loader("onnx", r);
    ScoringModel scoring;
    try {
      scoring = loader.load(model, target.contextDim(), target.nActions());
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage());
    }
    ActionRule rule = switch (output) {
      case "probabilities" -> {
        if (r.json.has("rule") || r.json.has("temperature") || r.json.has("epsilon")) {
          throw r.error("\"output\": \"probabilities\" takes no rule, temperature or epsilon");
        }
        yield ActionRule.probabilities();
      }
      case "scores" -> {
        String name = r.json.has("rule") ? r.text("rule") : "softmax";
        yield switch (name) {
          case "softmax" -> r.rule(() -> ActionRule.softmax(r.json.has("temperature") ? r.number("temperature") : 1.0));
          case "argmax" -> ActionRule.argmax();
          case "epsilon-greedy" -> r.rule(() -> ActionRule.epsilonGreedy(r.number("epsilon")));
          default -> throw r.error("\"rule\" must be softmax, argmax or epsilon-greedy, got '" + name + "'");
        };
      }
      default -> throw r.error("\"output\" must be \"probabilities\" or \"scores\", got '" + output + "'");
    };
    return ScoredPolicy.of(scoring, rule);
  }

  /** The loader of {@code format} found on the class path by {@link ServiceLoader}. */
  static ScoringModelLoader loader(String format, Reader r) {
    for (ScoringModelLoader loader : ServiceLoader.load(ScoringModelLoader.class)) {
      if (loader.format().equals(format)) {
        return loader;
      }
    }
    throw r.error("ONNX policies need the optional ope4j-onnx module, which is not on the class path: build it"
        + " with 'mvn -B -q -pl ope4j-onnx -am package -DskipTests' and run ./ope4j again (it adds"
        + " ope4j-onnx/target/ope4j-onnx.jar and target/lib/ when present)");
  }

  /** Typed access to one spec's fields, with messages naming the file and policy. */
  static final class Reader {
    final Spec spec;
    final JsonNode json;

    Reader(Spec spec) {
      this.spec = spec;
      this.json = spec.json();
    }

    UsageException error(String problem) {
      return new UsageException(spec.file() + ": policy '" + spec.name() + "' (" + spec.type() + "): "
          + problem);
    }

    void allow(String... keys) {
      Set<String> allowed = new java.util.HashSet<>(List.of(keys));
      allowed.add("name");
      allowed.add("type");
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw error("unknown key \"" + key + "\" (allowed: " + String.join(", ", sorted(allowed)) + ")");
        }
      }
    }

    JsonNode required(String key) {
      JsonNode value = json.get(key);
      if (value == null || value.isNull()) {
        throw error("needs \"" + key + "\"");
      }
      return value;
    }

    String text(String key) {
      JsonNode value = required(key);
      if (!value.isTextual()) {
        throw error("\"" + key + "\" must be a string, got " + value);
      }
      return value.asText();
    }

    double number(String key) {
      JsonNode value = required(key);
      if (!value.isNumber()) {
        throw error("\"" + key + "\" must be a number, got " + value);
      }
      return value.asDouble();
    }

    long longValue(String key) {
      JsonNode value = required(key);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw error("\"" + key + "\" must be an integer, got " + value);
      }
      return value.asLong();
    }

    int integer(String key) {
      long value = longValue(key);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw error("\"" + key + "\" is out of range: " + value);
      }
      return (int) value;
    }

    double[] numbers(String key) {
      JsonNode value = required(key);
      if (!value.isArray()) {
        throw error("\"" + key + "\" must be an array of numbers, got " + value.getNodeType());
      }
      double[] out = new double[value.size()];
      for (int i = 0; i < out.length; i++) {
        if (!value.get(i).isNumber()) {
          throw error("\"" + key + "\"[" + i + "] must be a number, got " + value.get(i));
        }
        out[i] = value.get(i).asDouble();
      }
      return out;
    }

    /** A path relative to the spec file's folder. */
    Path path(String key) {
      Path value = Path.of(text(key));
      Path dir = spec.file().toAbsolutePath().getParent();
      return value.isAbsolute() || dir == null ? value : dir.resolve(value);
    }

    LinearScoringModel linear(Target target) {
      JsonNode weights = required("weights");
      if (!weights.isArray()) {
        throw error("\"weights\" must be an array of K arrays of d numbers");
      }
      double[][] rows = new double[weights.size()][];
      for (int a = 0; a < rows.length; a++) {
        JsonNode row = weights.get(a);
        if (!row.isArray()) {
          throw error("\"weights\"[" + a + "] must be an array of d numbers, got " + row.getNodeType());
        }
        rows[a] = new double[row.size()];
        for (int j = 0; j < row.size(); j++) {
          if (!row.get(j).isNumber()) {
            throw error("\"weights\"[" + a + "][" + j + "] must be a number, got " + row.get(j));
          }
          rows[a][j] = row.get(j).asDouble();
        }
      }
      double[] bias = json.has("bias") ? numbers("bias") : new double[rows.length];
      if (target.nActions() > 0 && rows.length != target.nActions()) {
        throw error("\"weights\" has " + rows.length + " rows, the log has " + target.nActions()
            + " actions (one row of d weights per action)");
      }
      LinearScoringModel model;
      try {
        model = LinearScoringModel.of(rows, bias);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
      if (model.inputDim() != target.contextDim()) {
        throw error("\"weights\" rows have " + model.inputDim() + " values, the log has " + target.contextDim()
            + " context columns");
      }
      return model;
    }

    ActionRule rule(java.util.function.Supplier<ActionRule> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(spec.file().toString())) {
          throw e; // already names the file and policy
        }
        throw error(e.getMessage());
      }
    }
  }
}
