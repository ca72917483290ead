package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import io.ope4j.io.LogReadOptions.PolicyColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each quantity of a {@link io.ope4j.data.BanditBatch} comes from in a file with a given
 * header: column indices for action, reward, pscore, position, the reward model and every
 * evaluation policy. Independent of the file format; the rules are those of {@code
 * shared/docs/formats.md}:
 *
 * <ul>
 *   <li>a policy with prefix {@code p} is wide if the header has {@code p0} (columns {@code p0 ..
 *       p{K-1}}), else narrow if it has a column named {@code p};
 *   <li>without policies in the options: {@code pi_0..} is policy {@code pi}; else a column
 *       {@code pi} is the narrow policy {@code pi}; else each {@code pi_<name>_0..} is a wide
 *       policy {@code <name>};
 *   <li>the model is wide ({@code q_0..}) or narrow ({@code q}, with one model-value column
 *       {@code q_<policy column>} per policy that cannot be computed from wide columns), or
 *       absent;
 *   <li>K comes from the options or from the wide columns, which must agree;
 *   <li>what {@link LogReadOptions#content()} asks for: the {@code x_*} context columns, the
 *       wide rows kept (policies must then be wide), and policies or model left to the consumer.
 * </ul>
 *
 * Every header problem is an {@link InvalidDataException} for row 0 naming the missing or
 * inconsistent columns and the option that renames them.
 */
final class ColumnPlan implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Where one evaluation policy's values come from. */
  static final class PolicyPlan implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    /** Wide probability columns (K of them), or null for a narrow policy. */
    final int[] wideColumns;
    /** Narrow probability column, or -1 for a wide policy. */
    final int narrowColumn;
    /**
     * Column holding the model value under the policy, or -1 when there is no model or it is
     * computed from wide probabilities and wide predictions.
     */
    final int modelValueColumn;
    /** How messages name the wide columns as a whole, e.g. {@code pi_0..pi_33}. */
    final String label;

    PolicyPlan(String name, int[] wideColumns, int narrowColumn, int modelValueColumn,
        String label) {
      this.name = name;
      this.wideColumns = wideColumns;
      this.narrowColumn = narrowColumn;
      this.modelValueColumn = modelValueColumn;
      this.label = label;
    }
  }

  final LogLayout layout;
  final List<String> header;
  final int action;
  final int reward;
  /** Pscore column, or -1 when the options let it be absent and it is. */
  final int pscore;
  /** Context columns ({@code x_*}, header order) when asked for, else empty. */
  final int[] contexts;
  /** Position column, or -1. */
  final int position;
  /** Wide model columns (K of them), or null. */
  final int[] modelWide;
  /** Narrow model column, or -1. */
  final int modelNarrow;
  final PolicyPlan[] policies;
  /** How far from 1 a row's wide probabilities may sum (the options'). */
  final double piSumTolerance;
  /** The optional logger, mixture-propensity, embedding and behaviour columns. */
  final Extras extras;

  /** Where the optional columns of {@link io.ope4j.data.ExtraColumns} are, each -1 or null when absent. */
  record Extras(int logger, int pscoreAvg, int[] embedding, int[] behaviorWide, String behaviorLabel)
      implements java.io.Serializable {
    static final Extras NONE = new Extras(-1, -1, null, null, null);

    io.ope4j.data.ExtraColumns describe() {
      return new io.ope4j.data.ExtraColumns(logger >= 0, pscoreAvg >= 0,
          embedding == null ? 0 : embedding.length, behaviorWide != null);
    }
  }

  private ColumnPlan(LogLayout layout, List<String> header, int action, int reward, int pscore,
      int[] contexts, int position, int[] modelWide, int modelNarrow, PolicyPlan[] policies,
      double piSumTolerance, Extras extras) {
    this.layout = layout;
    this.contexts = contexts;
    this.header = List.copyOf(header);
    this.action = action;
    this.reward = reward;
    this.pscore = pscore;
    this.position = position;
    this.modelWide = modelWide;
    this.modelNarrow = modelNarrow;
    this.policies = policies;
    this.piSumTolerance = piSumTolerance;
    this.extras = extras;
  }

  /** Whether header column {@code column} is one of the embedding columns. */
  boolean isEmbedding(int column) {
    int[] embedding = extras.embedding();
    if (embedding != null) {
      for (int e : embedding) {
        if (e == column) {
          return true;
        }
      }
    }
    return false;
  }

  /** Header indices of every column a row is read from, ascending, without duplicates. */
  int[] usedColumns() {
    java.util.BitSet used = new java.util.BitSet(header.size());
    used.set(action);
    used.set(reward);
    if (pscore >= 0) {
      used.set(pscore);
    }
    for (int column : contexts) {
      used.set(column);
    }
    if (position >= 0) {
      used.set(position);
    }
    if (modelWide != null) {
      for (int column : modelWide) {
        used.set(column);
      }
    }
    if (modelNarrow >= 0) {
      used.set(modelNarrow);
    }
    for (PolicyPlan policy : policies) {
      if (policy.wideColumns != null) {
        for (int column : policy.wideColumns) {
          used.set(column);
        }
      } else {
        used.set(policy.narrowColumn);
      }
      if (policy.modelValueColumn >= 0) {
        used.set(policy.modelValueColumn);
      }
    }
    for (int column : new int[] {extras.logger(), extras.pscoreAvg()}) {
      if (column >= 0) {
        used.set(column);
      }
    }
    for (int[] group : new int[][] {extras.embedding(), extras.behaviorWide()}) {
      if (group != null) {
        for (int column : group) {
          used.set(column);
        }
      }
    }
    return used.stream().toArray();
  }

  /**
   * Resolves {@code options} against {@code header}.
   *
   * @param source file name for error messages
   * @throws InvalidDataException (row 0) on duplicate or missing columns, no policy columns,
   *     or wide column groups that disagree on K
   */
  static ColumnPlan resolve(List<String> header, LogReadOptions options, String source) {
    return new Resolver(header, options, source).resolve();
  }

  /** Header lookup and the checks that need it; lives only during {@link #resolve}. */
  private static final class Resolver {
    private final List<String> header;
    private final LogReadOptions options;
    private final String source;
    private final Map<String, Integer> index = new HashMap<>();

    Resolver(List<String> header, LogReadOptions options, String source) {
      this.header = List.copyOf(header);
      this.options = options;
      this.source = source;
      for (int i = 0; i < header.size(); i++) {
        Integer previous = index.putIfAbsent(header.get(i), i);
        if (previous != null) {
          throw headerError("duplicate column name '" + header.get(i) + "' (columns "
              + (previous + 1) + " and " + (i + 1) + ")");
        }
      }
    }

    ColumnPlan resolve() {
      List<String> missing = new ArrayList<>();
      int action = required(options.actionColumn(),
          "the logged action, an integer in [0, K); rename with --action-col", missing);
      int reward = required(options.rewardColumn(),
          "the observed reward; rename with --reward-col", missing);
      int pscore = options.pscoreOptional() && !index.containsKey(options.pscoreColumn()) ? -1
          : required(options.pscoreColumn(),
              "behaviour policy's probability of the logged action; rename with --pscore-col",
              missing);
      if (!missing.isEmpty()) {
        throw headerError((missing.size() == 1 ? "missing column " : "missing columns ")
            + String.join(", ", missing) + "; " + HeaderHint.describe(header));
      }
      int position = index.getOrDefault(options.positionColumn(), -1);

      BatchContent content = options.content();
      List<PolicyColumnSpec> specs = content.policiesSupplied() ? List.of()
          : options.policies().isEmpty() ? detectPolicies() : options.policies();
      String modelPrefix = options.modelPrefix();
      int[] modelWide = content.modelSupplied() ? null : wideColumns(modelPrefix);
      int modelNarrow = modelWide == null && !content.modelSupplied()
          ? index.getOrDefault(options.modelColumn(), -1) : -1;
      boolean hasModel = modelWide != null || modelNarrow >= 0;

      List<int[]> wideGroups = new ArrayList<>();
      List<String> wideLabels = new ArrayList<>();
      if (modelWide != null) {
        wideGroups.add(modelWide);
        wideLabels.add(rangeLabel(modelPrefix, modelWide.length));
      }
      PolicyPlan[] policies = new PolicyPlan[specs.size()];
      List<String> policyNames = new ArrayList<>();
      for (int p = 0; p < policies.length; p++) {
        policies[p] = resolvePolicy(specs.get(p), modelWide, hasModel);
        if (content.wideColumns() && policies[p].wideColumns == null) {
          throw headerError("evaluation policy '" + policies[p].name + "' has only the narrow column "
              + policies[p].label + "; computing a reward model's value under it needs its"
              + " probability of every action (wide columns, e.g. pi_0..pi_{K-1})");
        }
        policyNames.add(policies[p].name);
        if (policies[p].wideColumns != null) {
          wideGroups.add(policies[p].wideColumns);
          wideLabels.add(policies[p].label);
        }
      }
      ExtraColumnNames extraNames = options.extraColumns();
      int[] behaviorWide = wideColumns(extraNames.behaviorPrefix());
      String behaviorLabel = null;
      if (behaviorWide != null) {
        behaviorLabel = rangeLabel(extraNames.behaviorPrefix(), behaviorWide.length);
        wideGroups.add(behaviorWide);
        wideLabels.add(behaviorLabel);
      }
      int nActions = numberOfActions(wideGroups, wideLabels);
      int[] embedding = wideColumns(extraNames.embeddingPrefix());
      Extras extras = new Extras(index.getOrDefault(extraNames.logger(), -1),
          index.getOrDefault(extraNames.pscoreAvg(), -1), embedding, behaviorWide, behaviorLabel);
      int[] contexts = content.contexts() ? contextColumns() : new int[0];
      List<String> contextNames = new ArrayList<>();
      for (int column : contexts) {
        contextNames.add(header.get(column));
      }
      // the embedding estimators read every policy's wide row, so an embedding log keeps them
      boolean wide = content.wideColumns() || embedding != null && allWide(policies);
      LogLayout layout = new LogLayout(policyNames, hasModel, position >= 0, nActions, pscore >= 0,
          contextNames, wide && policies.length > 0, wide && modelWide != null, extras.describe());
      return new ColumnPlan(layout, header, action, reward, pscore, contexts, position,
          modelWide, modelNarrow, policies, options.piSumTolerance(), extras);
    }

    private static boolean allWide(PolicyPlan[] policies) {
      for (PolicyPlan policy : policies) {
        if (policy.wideColumns == null) {
          return false;
        }
      }
      return true;
    }

    /** Every {@code x_*} column, in header order. */
    private int[] contextColumns() {
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).startsWith(BatchContent.CONTEXT_PREFIX)) {
          found.add(i);
        }
      }
      return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private PolicyPlan resolvePolicy(PolicyColumnSpec spec, int[] modelWide, boolean hasModel) {
      String prefix = spec.prefixOrColumn();
      int[] wide = wideColumns(prefix);
      int narrow = wide == null ? index.getOrDefault(prefix, -1) : -1;
      if (wide == null && narrow < 0) {
        throw headerError(missingPolicyMessage(spec));
      }
      int modelValue = -1;
      if (hasModel && !(wide != null && modelWide != null)) {
        // Only wide probabilities with wide predictions give sum_a pi(a) q(a) directly.
        String modelPrefix = options.modelPrefix();
        String column = modelPrefix + (wide != null ? stripTrailingUnderscore(prefix) : prefix);
        modelValue = index.getOrDefault(column, -1);
        if (modelValue < 0) {
          throw headerError(missingModelValueMessage(spec, wide != null, modelWide, column));
        }
      }
      String label = wide != null ? rangeLabel(prefix, wide.length) : prefix;
      return new PolicyPlan(spec.name(), wide, narrow, modelValue, label);
    }

    private int required(String column, String meaning, List<String> missing) {
      Integer i = index.get(column);
      if (i == null) {
        missing.add(column + " (" + meaning + ")");
        return -1;
      }
      return i;
    }

    /** The formats.md defaults: {@code pi_0..}, else {@code pi}, else {@code pi_<name>_0..}. */
    private List<PolicyColumnSpec> detectPolicies() {
      if (index.containsKey("pi_0")) {
        return List.of(PolicyColumnSpec.of("pi", "pi_"));
      }
      if (index.containsKey("pi")) {
        return List.of(PolicyColumnSpec.of("pi", "pi"));
      }
      List<PolicyColumnSpec> found = new ArrayList<>();
      for (String column : header) {
        // "pi_" + name + "_0" with a non-empty name
        if (column.length() > "pi__0".length() && column.startsWith("pi_")
            && column.endsWith("_0")) {
          String name = column.substring(3, column.length() - 2);
          found.add(PolicyColumnSpec.of(name, "pi_" + name + "_"));
        }
      }
      if (found.isEmpty()) {
        throw headerError("no evaluation policy columns found: name them pi_0..pi_{K-1} "
            + "(probability of every action), pi (probability of the logged action), or "
            + "pi_<name>_0..pi_<name>_{K-1} for several policies; or give them with "
            + "--policy name=prefix");
      }
      return found;
    }

    /**
     * Indices of {@code prefix0, prefix1, ...} (consecutive suffixes), or null without {@code
     * prefix0}. A later suffix after a gap means a column is missing, and is an error rather
     * than a silently shorter K.
     */
    private int[] wideColumns(String prefix) {
      if (!index.containsKey(prefix + "0")) {
        return null;
      }
      int count = 0;
      while (index.containsKey(prefix + count)) {
        count++;
      }
      for (String column : header) {
        if (column.startsWith(prefix) && isCanonicalIndex(column.substring(prefix.length()))) {
          long suffix = Long.parseLong(column.substring(prefix.length()));
          if (suffix >= count) {
            throw headerError("column " + column + " is present but " + prefix + count
                + " is missing: wide columns must be numbered " + prefix + "0, " + prefix
                + "1, ... without gaps");
          }
        }
      }
      int[] columns = new int[count];
      for (int a = 0; a < count; a++) {
        columns[a] = index.get(prefix + a);
      }
      return columns;
    }

    private int numberOfActions(List<int[]> groups, List<String> labels) {
      int given = options.nActions();
      if (groups.isEmpty()) {
        return given; // narrow columns only: K unknown unless the user says
      }
      int inferred = groups.get(0).length;
      boolean agree = true;
      for (int[] group : groups) {
        agree &= group.length == inferred;
      }
      if (!agree) {
        throw headerError("wide columns disagree on the number of actions: "
            + describeGroups(groups, labels));
      }
      if (given != -1 && given != inferred) {
        throw headerError("--n-actions is " + given + " but the wide columns give "
            + inferred + " actions: " + describeGroups(groups, labels));
      }
      return inferred;
    }

    private String missingPolicyMessage(PolicyColumnSpec spec) {
      String prefix = spec.prefixOrColumn();
      String message = "missing columns of evaluation policy '" + spec.name() + "': neither "
          + prefix + "0, " + prefix + "1, ... (probability of every action) nor " + prefix
          + " (probability of the logged action)";
      if (index.containsKey(prefix + "_0")) {
        message += "; did you mean the prefix " + prefix + "_ ?";
      }
      return message;
    }

    private String missingModelValueMessage(
        PolicyColumnSpec spec, boolean widePolicy, int[] modelWide, String column) {
      String model = modelWide != null
          ? "wide model columns " + rangeLabel(options.modelPrefix(), modelWide.length)
          : "the narrow model column " + options.modelColumn();
      String policyForm = widePolicy
          ? "wide columns " + spec.prefixOrColumn() + "0.." : "narrow column " + spec.prefixOrColumn();
      return "missing column " + column + " (the reward model's value under evaluation policy '"
          + spec.name() + "', sum over actions of pi(a) q(a)): it cannot be computed from the "
          + policyForm + " and " + model
          + "; add it, or give wide columns for both the policy and the model";
    }

    private InvalidDataException headerError(String problem) {
      return new InvalidDataException(source, 0, null, problem);
    }
  }

  private static boolean isCanonicalIndex(String suffix) {
    boolean leadingZero = suffix.length() > 1 && suffix.charAt(0) == '0';
    if (suffix.isEmpty() || suffix.length() > 9 || leadingZero) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      char c = suffix.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripTrailingUnderscore(String prefix) {
    return prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  static String rangeLabel(String prefix, int count) {
    return count == 1 ? prefix + "0" : prefix + "0.." + prefix + (count - 1);
  }

  private static String describeGroups(List<int[]> groups, List<String> labels) {
    StringBuilder text = new StringBuilder();
    for (int g = 0; g < groups.size(); g++) {
      if (g > 0) {
        text.append(", ");
      }
      text.append(labels.get(g)).append(" (").append(groups.get(g).length).append(" columns)");
    }
    return text.toString();
  }
}
