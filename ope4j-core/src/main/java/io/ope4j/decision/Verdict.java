package io.ope4j.decision;

import java.util.Locale;

/** What the gate says, of one candidate or of the whole decision. */
public enum Verdict {
  /** The improvement exceeds the minimum at the rule's confidence (Holm-adjusted). */
  DEPLOY,
  /** The improvement's upper bound lies below the minimum: the candidate is not good enough. */
  DO_NOT_DEPLOY,
  /** Neither: more data would be needed to tell. */
  INCONCLUSIVE,
  /** The log supports the candidate (or the baseline) too thinly to decide. */
  REFUSED;

  /** The id written in records: deploy, do-not-deploy, inconclusive, refused. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
