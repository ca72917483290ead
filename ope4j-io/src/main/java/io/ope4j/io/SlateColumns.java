package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.slate.SlateEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The resolved columns of a slate log (docs/formats.md, "Slate log"): header indices of the
 * required {@code slate_id}, {@code position}, {@code action}, {@code reward}, and of each
 * behaviour / evaluation propensity pair and the wide {@code pi_e_*} and {@code qhat_*} columns
 * where present (-1 or null where absent). Half of a pair is refused.
 */
final class SlateColumns {

  static final String SLATE_ID = "slate_id";

  final List<String> header;
  final int slateId;
  final int position;
  final int action;
  final int reward;
  /** Behaviour and evaluation columns of the joint, item-position and cascade propensities. */
  final int slatePscore;
  final int slatePi;
  final int positionPscore;
  final int positionPi;
  final int prefixPscore;
  final int prefixPi;
  final int[] policy;
  final int[] model;
  final int nActions;

  SlateColumns(List<String> header, String source) {
    this(header, source, null);
  }

  /**
   * The columns of candidate {@code candidate} of a log for {@code select} (null: the one
   * evaluation policy): its evaluation columns are {@code evaluation_policy_NAME_pscore},
   * {@code evaluation_policy_NAME_pscore_item_position}, {@code evaluation_policy_NAME_pscore_cascade},
   * {@code pi_e_NAME_*} and {@code qhat_NAME_*}; the behaviour's columns are shared.
   */
  SlateColumns(List<String> header, String source, String candidate) {
    String evaluation = candidate == null ? "evaluation_policy_" : "evaluation_policy_" + candidate + "_";
    this.header = header;
    this.slateId = required(header, SLATE_ID, source);
    this.position = required(header, "position", source);
    this.action = required(header, "action", source);
    this.reward = required(header, "reward", source);
    this.slatePscore = header.indexOf("pscore");
    if (candidate == null && !candidates(header).isEmpty() && !header.contains("evaluation_policy_pscore")
        && !header.contains("evaluation_policy_pscore_item_position")
        && !header.contains("evaluation_policy_pscore_cascade")) {
      throw new InvalidDataException(source, 0, null, "the log holds the candidates " + candidates(header)
          + " (evaluation_policy_NAME_* columns) and no single evaluation policy: rank them with select");
    }
    this.slatePi = paired(header, slatePscore, "pscore", evaluation + "pscore", source);
    this.positionPscore = header.indexOf("pscore_item_position");
    this.positionPi = paired(header, positionPscore, "pscore_item_position",
        evaluation + "pscore_item_position", source);
    this.prefixPscore = header.indexOf("pscore_cascade");
    this.prefixPi = paired(header, prefixPscore, "pscore_cascade",
        evaluation + "pscore_cascade", source);
    int[] pi = wide(header, candidate == null ? "pi_e_" : "pi_e_" + candidate + "_");
    int[] q = wide(header, candidate == null ? "qhat_" : "qhat_" + candidate + "_");
    if (pi.length != q.length && pi.length > 0 && q.length > 0) {
      throw new InvalidDataException(source, 0, null, "the log has " + pi.length
          + " pi_e_* columns but " + q.length + " qhat_* columns; Cascade-DR needs one of each"
          + " per item");
    }
    this.policy = pi.length > 0 ? pi : null;
    this.model = q.length > 0 ? q : null;
    this.nActions = Math.max(pi.length, q.length) > 0 ? Math.max(pi.length, q.length) : -1;
  }

  /** Suffixes of a candidate's evaluation propensity columns, longest first. */
  private static final String[] CANDIDATE_SUFFIXES = {"_pscore_item_position", "_pscore_cascade", "_pscore"};

  /**
   * The candidates of a log for {@code select}, in order of first appearance: the NAME of every
   * column {@code evaluation_policy_NAME_pscore}, {@code ..._pscore_item_position} or {@code
   * ..._pscore_cascade} (the longest suffix decides); empty for a log of one evaluation policy.
   */
  static List<String> candidates(List<String> header) {
    List<String> names = new ArrayList<>();
    String prefix = "evaluation_policy_";
    for (String column : header) {
      if (!column.startsWith(prefix)) {
        continue;
      }
      String rest = column.substring(prefix.length());
      for (String suffix : CANDIDATE_SUFFIXES) {
        if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
          String name = rest.substring(0, rest.length() - suffix.length());
          if (!names.contains(name)) {
            names.add(name);
          }
          break;
        }
      }
    }
    return names;
  }

  /** Whether the log holds what {@code estimator} reads. */
  boolean supports(SlateEstimator estimator) {
    if (estimator.usesModel() && (policy == null || model == null)) {
      return false;
    }
    if (estimator.usesSlateWeight()) {
      return slatePscore >= 0;
    }
    return estimator.usesPositionWeight() ? positionPscore >= 0 : prefixPscore >= 0;
  }

  /** Header indices read, ascending. */
  int[] used() {
    TreeSet<Integer> used = new TreeSet<>(List.of(slateId, position, action, reward));
    for (int column : new int[] {slatePscore, slatePi, positionPscore, positionPi, prefixPscore,
        prefixPi}) {
      if (column >= 0) {
        used.add(column);
      }
    }
    for (int[] wide : new int[][] {policy, model}) {
      if (wide != null) {
        for (int column : wide) {
          used.add(column);
        }
      }
    }
    return used.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether a column is an id read as an integer. */
  boolean isInteger(int column) {
    return column == slateId || column == position || column == action;
  }

  private static int required(List<String> header, String name, String source) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidDataException(source, 0, name, "required column is missing");
    }
    return index;
  }

  /** The evaluation column of a pair; one without the other is refused. */
  private static int paired(List<String> header, int behaviour, String behaviourName,
      String evaluationName, String source) {
    int evaluation = header.indexOf(evaluationName);
    if ((behaviour >= 0) != (evaluation >= 0)) {
      String missing = behaviour >= 0 ? evaluationName : behaviourName;
      String present = behaviour >= 0 ? behaviourName : evaluationName;
      throw new InvalidDataException(source, 0, missing, "column is missing; it comes with "
          + present + " (behaviour and evaluation propensities go in pairs)");
    }
    return evaluation;
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
