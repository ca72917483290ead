package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resolved columns of a trajectory log: header indices of {@code episode}, {@code step},
 * {@code done} (or -1), {@code action}, {@code reward}, {@code pscore}, each policy's narrow
 * {@code pi} or wide columns, and the model's wide Q-hat, narrow {@code q} and {@code v}.
 */
final class TrajectoryColumns {

  final List<String> header;
  final int episode;
  final int step;
  final int done;
  final int action;
  final int reward;
  final int pscore;
  final List<String> policyNames = new ArrayList<>();
  /** Per policy: wide columns, or null for the narrow {@link #narrowPolicy} column. */
  final List<int[]> policyWide = new ArrayList<>();
  final int narrowPolicy;
  final int[] modelWide;
  final int modelNarrow;
  final int value;
  final int nActions;
  /** With states: the {@code state} column alone, or the {@code s_*} columns; else empty. */
  final int[] states;
  /** Whether the state is the tabular {@code state} column. */
  final boolean tabularState;

  TrajectoryColumns(List<String> header, TrajectoryReadOptions options, String source) {
    this.header = header;
    this.episode = required(header, "episode", source);
    this.step = required(header, "step", source);
    this.done = header.indexOf("done");
    this.action = required(header, "action", source);
    this.reward = required(header, "reward", source);
    this.pscore = required(header, "pscore", source);
    Map<String, String> prefixes = options.policies();
    int narrow = -1;
    if (prefixes.isEmpty()) {
      narrow = header.indexOf("pi");
      if (narrow >= 0) {
        policyNames.add("pi");
        policyWide.add(null);
      } else {
        prefixes = defaultPrefixes(header);
      }
    }
    this.narrowPolicy = narrow;
    int k = -1;
    for (Map.Entry<String, String> policy : prefixes.entrySet()) {
      int[] wide = wide(header, policy.getValue());
      if (wide.length == 0 || (k >= 0 && wide.length != k)) {
        throw new InvalidDataException(source, 0, null, "evaluation policy '" + policy.getKey()
            + "' needs columns " + policy.getValue() + "0.." + policy.getValue() + "(K-1)"
            + (k >= 0 ? " with K = " + k : "") + "; found " + wide.length
            + (narrow < 0 && options.policies().isEmpty() ? " (or give a narrow pi column)" : ""));
      }
      k = wide.length;
      policyNames.add(policy.getKey());
      policyWide.add(wide);
    }
    int[] model = wide(header, options.modelPrefix());
    this.modelWide = model.length > 0 ? model : null;
    if (modelWide != null && k >= 0 && model.length != k) {
      throw new InvalidDataException(source, 0, null, "model columns " + options.modelPrefix()
          + "* number " + model.length + ", the policies' " + k);
    }
    this.nActions = k >= 0 ? k : modelWide != null ? modelWide.length : -1;
    this.modelNarrow = header.indexOf("q");
    this.value = header.indexOf("v");
    this.tabularState = options.states() && header.contains("state");
    this.states = options.states() ? stateColumns(header, source) : new int[0];
    if (options.states() && (narrow >= 0 || nActions < 1)) {
      throw new InvalidDataException(source, 0, narrow >= 0 ? "pi" : null, "a fitted Q or marginal"
          + " ratios need every policy's probability of every action: wide pi_* columns");
    }
  }

  /** {@code state} if the header has it, else every {@code s_*} column in header order. */
  private static int[] stateColumns(List<String> header, String source) {
    if (header.contains("state")) {
      return new int[] {header.indexOf("state")};
    }
    List<Integer> found = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).startsWith("s_")) {
        found.add(c);
      }
    }
    if (found.isEmpty()) {
      throw new InvalidDataException(source, 0, "state", "a fitted Q or marginal ratios need the"
          + " state: a tabular state column or s_* feature columns");
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether Q-hat at the logged action and V-hat of every policy can be had. */
  boolean hasModel() {
    boolean qLogged = modelWide != null || modelNarrow >= 0;
    boolean vForAll = value >= 0 || (modelWide != null && narrowPolicy < 0);
    return qLogged && vForAll;
  }

  /** Header indices read, ascending. */
  int[] used() {
    java.util.TreeSet<Integer> used = new java.util.TreeSet<>(
        List.of(episode, step, action, reward, pscore));
    add(used, done, narrowPolicy, modelNarrow, value);
    add(used, states);
    for (int[] wide : policyWide) {
      add(used, wide);
    }
    if (modelWide != null) {
      add(used, modelWide);
    }
    return used.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void add(java.util.Set<Integer> used, int... columns) {
    if (columns == null) {
      return;
    }
    for (int column : columns) {
      if (column >= 0) {
        used.add(column);
      }
    }
  }

  /** Whether a column is an id read as an integer. */
  boolean isInteger(int column) {
    return column == episode || column == step || column == done || column == action
        || (tabularState && column == states[0]);
  }

  private static int required(List<String> header, String name, String source) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidDataException(source, 0, name, "required column is missing");
    }
    return index;
  }

  /** {@code pi_0..} as "pi", else each {@code pi_<name>_0..} by its name (formats.md). */
  private static Map<String, String> defaultPrefixes(List<String> header) {
    if (header.contains("pi_0")) {
      return Map.of("pi", "pi_");
    }
    Map<String, String> named = new java.util.LinkedHashMap<>();
    for (String column : header) {
      if (column.startsWith("pi_") && column.endsWith("_0") && column.length() > 5) {
        named.put(column.substring(3, column.length() - 2), column.substring(0, column.length() - 1));
      }
    }
    return named.isEmpty() ? Map.of("pi", "pi_") : named;
  }

  /** Indices of {@code prefix0, prefix1, ...} while they exist. */
  private static int[] wide(List<String> header, String prefix) {
    List<Integer> found = new ArrayList<>();
    for (int a = 0; header.indexOf(prefix + a) >= 0; a++) {
      found.add(header.indexOf(prefix + a));
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }
}
