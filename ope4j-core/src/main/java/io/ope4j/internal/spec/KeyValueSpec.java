package io.ope4j.internal.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one grammar of ope4j's string specs: an id, then {@code name=value} parameters each after a
 * {@code :} or {@code ;}, e.g. {@code ipw:clip=100} or {@code logistic;C=1}; a spec may let a
 * bare first value stand for its main parameter ({@code softmax:0.5}). The id and the names
 * are trimmed and lower-cased, values only trimmed. Every problem is reported as {@code <what>
 * '<spec>': <problem>}, by {@link #error}, the one place that picks the exception type.
 *
 * <p>A parser takes the parameters it knows ({@link #take}, {@link #number}) and then calls
 * {@link #requireNoneLeft}, so a misspelt name is never ignored.
 *
 * <p>Not part of the public API: an implementation detail shared by the ope4j modules.
 */
public final class KeyValueSpec {

  private final String what;
  private final String parameterWord;
  private final String text;
  private final String id;
  private final Map<String, String> params;

  private KeyValueSpec(String what, String parameterWord, String text, String id, Map<String, String> params) {
    this.what = what;
    this.parameterWord = parameterWord;
    this.text = text;
    this.id = id;
    this.params = params;
  }

  /**
   * Splits {@code spec} into its id and parameters.
   *
   * @param what the kind of spec in messages, e.g. {@code estimator}
   * @param parameterWord what a parameter is called in messages, e.g. {@code hyperparameter}
   * @throws io.ope4j.data.UsageException (see {@link #error}) on a parameter that is not {@code
   *     name=value} with both sides non-blank, or a name given twice
   */
  public static KeyValueSpec parse(String spec, String what, String parameterWord) {
    return parse(spec, 0, what, parameterWord, id -> null);
  }

  /**
   * Splits {@code spec}, from index {@code from} on, into its id and parameters; messages show
   * the whole spec. A first parameter written as a bare value ({@code softmax:0.5}) stands for
   * the parameter {@code shorthand} names for the id, if it names one.
   *
   * @param shorthand the parameter a bare value stands for, by id; null where there is none
   * @throws io.ope4j.data.UsageException (see {@link #error}) as {@link #parse(String, String, String)}
   */
  public static KeyValueSpec parse(String spec, int from, String what, String parameterWord,
      UnaryOperator<String> shorthand) {
    String text = spec.trim();
    String[] parts = spec.substring(from).trim().split("[:;]", -1);
    String id = parts[0].trim().toLowerCase(Locale.ROOT);
    KeyValueSpec parsed = new KeyValueSpec(what, parameterWord, text, id, new LinkedHashMap<>());
    String bareName = parts.length > 1 && parts[1].indexOf('=') < 0 ? shorthand.apply(id) : null;
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      String name;
      String value;
      if (i == 1 && bareName != null) {
        name = bareName;
        value = parts[i].trim();
      } else {
        name = equals < 0 ? "" : parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
        value = equals < 0 ? "" : parts[i].substring(equals + 1).trim();
      }
      if (name.isEmpty() || value.isEmpty()) {
        throw parsed.error(parameterWord + "s are written name=value, got '" + parts[i] + "'");
      }
      if (parsed.params.put(name, value) != null) {
        throw parsed.error(parameterWord + " '" + name + "' given twice");
      }
    }
    return parsed;
  }

  /** The id, trimmed and lower-cased. */
  public String id() {
    return id;
  }

  /** The whole spec, trimmed. */
  public String text() {
    return text;
  }

  /** Whether parameter {@code name} (lower case) is still there. */
  public boolean has(String name) {
    return params.containsKey(name);
  }

  /** The value of {@code name} (lower case), without taking it; null if absent. */
  public String peek(String name) {
    return params.get(name);
  }

  /** The parameters not taken yet, in the order written. */
  public Map<String, String> remaining() {
    return Collections.unmodifiableMap(params);
  }

  /** Takes parameter {@code name} (lower case): its value, or null if absent. */
  public String take(String name) {
    return params.remove(name);
  }

  /**
   * Takes parameter {@code name} (lower case) as a number; {@code inf} and {@code infinity} are
   * positive infinity.
   *
   * @param shownName the name as messages show it, e.g. {@code C}
   * @return the value, or {@code fallback} if absent
   * @throws io.ope4j.data.UsageException (see {@link #error}) if the value is not a number or is NaN
   */
  public double number(String name, String shownName, double fallback) {
    String value = take(name);
    return value == null ? fallback : toNumber(shownName, value);
  }

  /** {@code value} of parameter {@code shownName} as a number, as {@link #number} reads it. */
  public double toNumber(String shownName, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity") || lower.equals("+inf")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double number = Double.parseDouble(value);
      if (!Double.isNaN(number)) {
        return number;
      }
    } catch (NumberFormatException notNumber) {
      // reported below
    }
    throw error(shownName + " must be a number, got '" + value + "'");
  }

  /**
   * @throws io.ope4j.data.UsageException (see {@link #error}) naming the first parameter not taken
   */
  public void requireNoneLeft() {
    if (!params.isEmpty()) {
      throw error("unknown " + parameterWord + " '" + params.keySet().iterator().next() + "' for " + id);
    }
  }

  /**
   * The exception for {@code problem} with this spec: {@code <what> '<spec>': <problem>}. Specs
   * are user text, so this is a {@link io.ope4j.data.UsageException} (exit 2 from the command).
   */
  public io.ope4j.data.UsageException error(String problem) {
    return new io.ope4j.data.UsageException(what + " '" + text + "': " + problem);
  }
}
