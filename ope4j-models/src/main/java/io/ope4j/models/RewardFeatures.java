package io.ope4j.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which features a reward model sees for a (context, action, position) triple, and how its fits
 * are split into separate models. The feature vector of row {@code i} and action {@code a} is
 *
 * <pre>
 *   [ x_i (d values) | one-hot(a) (K) | actionContext[a] (m) | one-hot(p_i) (P) ]
 * </pre>
 *
 * plus an intercept for the linear models. Parts can be switched:
 *
 * <ul>
 *   <li>one-hot action: on by default. OBP's {@code RegressionModel} uses the action context
 *       <em>instead</em> of the one-hot action when an action context is given; {@link
 *       #withoutActionOneHot()} reproduces that;
 *   <li>action context: a {@code K x m} table (row-major), e.g. item features; none by default;
 *   <li>position ({@link Positions}): {@code ONE_HOT} (default; one shared model with a
 *       position indicator), {@code PER_POSITION} (one model per position, as OBP fits one
 *       {@code base_model} per slot, {@code len_list} models), or {@code IGNORE};
 *   <li>{@link #perAction()}: one model per action on the context (and position) alone, i.e. all
 *       context-by-action interactions. An additive linear model {@code f(x) + g(a)} cannot tell
 *       which action suits which context; when that matters (e.g. classification turned into a
 *       bandit, where the reward is 1 for the right class only) fit per action.
 * </ul>
 *
 * <p>Positions are used only when the data have them. Immutable.
 */
public final class RewardFeatures {

  /** How positions (slots) enter the model. */
  public enum Positions {
    /** One model; the position enters as a one-hot indicator. */
    ONE_HOT,
    /** One model per position, fitted on that position's rows (OBP's choice). */
    PER_POSITION,
    /** Positions are not used. */
    IGNORE;

    /** Parses {@code one-hot}, {@code per-position} or {@code ignore}. */
    public static Positions parse(String text) {
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "one-hot", "onehot" -> ONE_HOT;
        case "per-position" -> PER_POSITION;
        case "ignore", "none" -> IGNORE;
        default -> throw new io.ope4j.data.UsageException("positions must be one-hot, per-position or ignore, got '"
            + text + "'");
      };
    }
  }

  private static final RewardFeatures DEFAULTS = new RewardFeatures(true, null, 0, Positions.ONE_HOT, false);

  private final boolean actionOneHot;
  private final double[] actionContext;
  private final int actionContextDim;
  private final Positions positions;
  private final boolean perAction;

  private RewardFeatures(boolean actionOneHot, double[] actionContext, int actionContextDim, Positions positions,
      boolean perAction) {
    this.actionOneHot = actionOneHot;
    this.actionContext = actionContext;
    this.actionContextDim = actionContextDim;
    this.positions = positions;
    this.perAction = perAction;
  }

  /** Context, one-hot action, one-hot position; one shared model. */
  public static RewardFeatures defaults() {
    return DEFAULTS;
  }

  /**
   * The features named by {@code kind} ({@code additive}: one model on context and one-hot
   * action, as OBP; {@code per-action}: {@link #perActionModels()}) with positions handled as
   * {@code positions} says ({@link Positions#parse}).
   *
   * @throws IllegalArgumentException for any other kind or position handling
   */
  public static RewardFeatures parse(String kind, String positions) {
    RewardFeatures chosen = switch (kind.trim().toLowerCase(Locale.ROOT)) {
      case "additive" -> DEFAULTS;
      case "per-action" -> DEFAULTS.perActionModels();
      default -> throw new io.ope4j.data.UsageException("model features must be additive or per-action, got '" + kind
          + "'");
    };
    return chosen.withPositions(Positions.parse(positions));
  }

  /**
   * Appends the row {@code table[a * m .. a * m + m)} of a {@code K x m} action-context table to
   * the features of action {@code a}.
   *
   * @throws IllegalArgumentException if {@code m < 1} or the table's length is not a multiple of m
   */
  public RewardFeatures withActionContext(double[] table, int m) {
    if (m < 1 || table.length % m != 0 || table.length == 0) {
      throw new IllegalArgumentException("an action context is a K x m table with m >= 1; got " + table.length
          + " values for m = " + m);
    }
    for (int i = 0; i < table.length; i++) {
      if (!Double.isFinite(table[i])) {
        throw new IllegalArgumentException("action context value " + i + " is not finite: " + table[i]);
      }
    }
    return new RewardFeatures(actionOneHot, table.clone(), m, positions, perAction);
  }

  /** Drops the one-hot action (OBP's layout when an action context is given). */
  public RewardFeatures withoutActionOneHot() {
    return new RewardFeatures(false, actionContext, actionContextDim, positions, perAction);
  }

  /** Sets how positions enter. */
  public RewardFeatures withPositions(Positions handling) {
    return new RewardFeatures(actionOneHot, actionContext, actionContextDim, handling, perAction);
  }

  /** One model per action (all context-by-action interactions). */
  public RewardFeatures perActionModels() {
    return new RewardFeatures(actionOneHot, actionContext, actionContextDim, positions, true);
  }

  public boolean actionOneHot() {
    return actionOneHot;
  }

  /** The action-context table (a copy), or null. */
  public double[] actionContext() {
    return actionContext == null ? null : actionContext.clone();
  }

  /** Number of action-context features m (0 without a table). */
  public int actionContextDim() {
    return actionContextDim;
  }

  public Positions positions() {
    return positions;
  }

  public boolean perAction() {
    return perAction;
  }

  /** Direct access for the model classes; never modified. */
  double[] actionContextTable() {
    return actionContext;
  }

  /** Checks the table against the number of actions. */
  void checkActions(int nActions) {
    if (actionContext != null && actionContext.length != nActions * actionContextDim) {
      throw new IllegalArgumentException("the action context has " + actionContext.length / actionContextDim
          + " rows, the data " + nActions + " actions");
    }
    if (perAction || actionOneHot || actionContext != null) {
      return;
    }
    throw new IllegalArgumentException("the features say nothing about the action: keep the one-hot action, give"
        + " an action context, or fit per action");
  }

  /** For descriptions: empty for the defaults, else e.g. {@code , per action, per position}. */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (perAction) {
      text.append(", per action");
    }
    if (actionContext != null) {
      text.append(", action context m=").append(actionContextDim);
    }
    if (!actionOneHot && !perAction) {
      text.append(", no one-hot action");
    }
    if (positions == Positions.PER_POSITION) {
      text.append(", per position");
    } else if (positions == Positions.IGNORE) {
      text.append(", positions ignored");
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RewardFeatures that && actionOneHot == that.actionOneHot
        && actionContextDim == that.actionContextDim && positions == that.positions && perAction == that.perAction
        && Arrays.equals(actionContext, that.actionContext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(actionContext) * 31 + positions.hashCode() * 7 + (perAction ? 1 : 0) + (actionOneHot ? 2 : 0);
  }
}
