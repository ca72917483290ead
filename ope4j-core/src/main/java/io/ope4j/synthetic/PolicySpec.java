package io.ope4j.synthetic;

import io.ope4j.internal.spec.KeyValueSpec;
import io.ope4j.policy.ActionRule;
import java.util.function.Supplier;

/**
 * A named policy of the synthetic bandit, defined on the standardised expected reward {@code
 * z(x, a) = mu(x, a) / sigma_mu} of each action (see {@link SyntheticConfig} for {@code
 * sigma_mu}). Dividing by {@code sigma_mu} makes a temperature mean the same thing whatever the
 * scale of the rewards: at temperature 1 the logits have about unit spread.
 *
 * <p>Each policy is an {@link ActionRule} applied to {@code z}, the same rules a {@link
 * io.ope4j.policy.ScoredPolicy} applies to a model's scores.
 *
 * <p>The name becomes the column prefix {@code pi_<name>_} of a written log (formats.md), so it
 * is restricted to letters, digits, {@code _} and {@code -}.
 */
public sealed interface PolicySpec
    permits PolicySpec.Softmax, PolicySpec.EpsilonGreedy, PolicySpec.Argmax, PolicySpec.Uniform {

  /** The policy's name, unique within a configuration. */
  String name();

  /** The rule that turns the standardised expected rewards into probabilities. */
  ActionRule rule();

  /**
   * Writes the policy's probabilities of the {@code nActions} actions of one context.
   *
   * @param score standardised expected rewards {@code z(x, a)}, {@code nActions} finite values
   *     from {@code scoreFrom}; not modified
   * @param out receives the probabilities at {@code outFrom..outFrom + nActions - 1}; modified
   */
  default void probabilities(double[] score, int scoreFrom, int nActions, double[] out, int outFrom) {
    rule().apply(score, scoreFrom, nActions, out, outFrom, -1);
  }

  /**
   * Parses {@code NAME=KIND[:P]}, the spec grammar of the simulator's policies: {@code
   * softmax:P} (P the temperature), {@code epsilon-greedy:P} (P the epsilon), {@code argmax},
   * {@code uniform}; P may also be written by name ({@code softmax:temperature=0.5}). E.g.
   * {@code cold=softmax:0.5}, {@code explore=epsilon-greedy:0.2}, {@code greedy=argmax}.
   *
   * @throws IllegalArgumentException naming the spec and what is wrong with it
   */
  static PolicySpec parse(String text) {
    int equals = text.indexOf('=');
    String name = equals < 0 ? "" : text.substring(0, equals).trim();
    KeyValueSpec kind = KeyValueSpec.parse(text, equals + 1, "policy", "parameter", id -> switch (id) {
      case "softmax" -> "temperature";
      case "epsilon-greedy" -> "epsilon";
      case "argmax", "uniform" -> null;
      default -> "p"; // an unknown kind: let the switch below say so
    });
    if (name.isEmpty()) {
      throw kind.error("policies are written NAME=KIND[:P], e.g. cold=softmax:0.5");
    }
    PolicySpec spec = switch (kind.id()) {
      case "softmax" -> softmax(name, required(kind, "temperature"));
      case "epsilon-greedy" -> epsilonGreedy(name, required(kind, "epsilon"));
      case "argmax" -> argmax(name);
      case "uniform" -> uniform(name);
      default -> throw kind.error("unknown kind '" + kind.id() + "'; known: softmax, epsilon-greedy, argmax, uniform");
    };
    kind.requireNoneLeft();
    return spec;
  }

  private static double required(KeyValueSpec kind, String parameter) {
    if (!kind.has(parameter)) {
      throw kind.error(kind.id() + " needs its " + parameter + ", e.g. " + kind.id() + ":0.5");
    }
    return kind.number(parameter, parameter, Double.NaN);
  }

  /** Softmax named {@code softmax}. */
  static Softmax softmax(double temperature) {
    return new Softmax("softmax", temperature);
  }

  static Softmax softmax(String name, double temperature) {
    return new Softmax(name, temperature);
  }

  /** Epsilon-greedy named {@code egreedy}. */
  static EpsilonGreedy epsilonGreedy(double epsilon) {
    return new EpsilonGreedy("egreedy", epsilon);
  }

  static EpsilonGreedy epsilonGreedy(String name, double epsilon) {
    return new EpsilonGreedy(name, epsilon);
  }

  /** The deterministic greedy policy named {@code argmax}. */
  static Argmax argmax() {
    return new Argmax("argmax");
  }

  static Argmax argmax(String name) {
    return new Argmax(name);
  }

  /** The uniform policy named {@code uniform}. */
  static Uniform uniform() {
    return new Uniform("uniform");
  }

  static Uniform uniform(String name) {
    return new Uniform(name);
  }

  /**
   * {@code pi(a | x) = exp(z(x, a) / temperature) / sum_b exp(z(x, b) / temperature)}, computed
   * after subtracting the row maximum so that no exponential overflows.
   *
   * @param temperature finite and positive; small values approach {@link Argmax}, large ones
   *     {@link Uniform}
   */
  record Softmax(String name, double temperature) implements PolicySpec {
    public Softmax {
      checkName(name);
      checkRule(name, () -> ActionRule.softmax(temperature));
    }

    @Override
    public ActionRule rule() {
      return ActionRule.softmax(temperature);
    }
  }

  /**
   * {@code pi(a | x) = epsilon / K + (1 - epsilon) [a = argmax_b z(x, b)]}; ties go to the lowest
   * action index.
   *
   * @param epsilon in [0, 1]
   */
  record EpsilonGreedy(String name, double epsilon) implements PolicySpec {
    public EpsilonGreedy {
      checkName(name);
      checkRule(name, () -> ActionRule.epsilonGreedy(epsilon));
    }

    @Override
    public ActionRule rule() {
      return ActionRule.epsilonGreedy(epsilon);
    }
  }

  /** {@code pi(a | x) = [a = argmax_b z(x, b)]}; ties go to the lowest action index. */
  record Argmax(String name) implements PolicySpec {
    public Argmax {
      checkName(name);
    }

    @Override
    public ActionRule rule() {
      return ActionRule.argmax();
    }
  }

  /** {@code pi(a | x) = 1 / K}. */
  record Uniform(String name) implements PolicySpec {
    public Uniform {
      checkName(name);
    }

    @Override
    public ActionRule rule() {
      return ActionRule.uniform();
    }
  }

  /** The rule's own check, with the policy's name in the message. */
  private static void checkRule(String name, Supplier<ActionRule> rule) {
    try {
      rule.get();
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("policy " + name + ": " + bad.getMessage(), bad);
    }
  }

  private static void checkName(String name) {
    boolean valid = name != null && !name.isEmpty();
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "policy name must be 1 or more ASCII letters, digits, '_' or '-', got " + name);
    }
  }
}
