package io.ope4j.decision;

import static io.ope4j.decision.GateDecision.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-language paragraph of a {@link GateDecision}. */
final class GateSummary {

  private GateSummary() {}

  static String of(GateDecision d) {
    GateRule rule = d.rule();
    String confidence = num(100 * rule.confidence()) + "%";
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "On %,d logged decisions, %d candidate%s compared with the current"
        + " policy '%s', asking for an improvement of more than %s at %s confidence (%s, %s bound%s). ",
        d.rows(), d.candidates().size(), d.candidates().size() == 1 ? " was" : "s were", rule.baseline(),
        num(rule.minImprovement()), confidence, rule.estimator().spec(), rule.bound().id(),
        d.candidates().size() > 1 ? ", corrected for testing several candidates" : ""));
    switch (d.verdict()) {
      case DEPLOY -> {
        CandidateVerdict best = find(d, d.recommended());
        text.append(String.format(Locale.ROOT, "Deploy '%s': it is estimated to add %s per decision, and even the"
            + " cautious estimate (%s) clears the bar.", best.policy(), num(best.difference().value()),
            num(best.lowerAtHolm())));
      }
      case DO_NOT_DEPLOY -> text.append("Do not deploy: every candidate is, with that confidence, not enough better"
          + " than the current policy.");
      default -> text.append("No decision yet: the log cannot tell whether a candidate is better by enough. ");
    }
    List<String> others = new ArrayList<>();
    for (CandidateVerdict v : d.candidates()) {
      if (d.verdict() == Verdict.DEPLOY && v.policy().equals(d.recommended())) {
        continue;
      }
      others.add(String.format(Locale.ROOT, "'%s' %s (estimated change %s)", v.policy(), plain(v.verdict()),
          num(v.difference().value())));
    }
    if (!others.isEmpty() && d.verdict() != Verdict.DO_NOT_DEPLOY) {
      text.append(d.verdict() == Verdict.DEPLOY ? " Other candidates: " : "").append(String.join("; ", others))
          .append('.');
    }
    if (d.baselineRefusal() != null) {
      text.append(" The log covers the current policy too thinly to compare anything with it (")
          .append(d.baselineRefusal()).append(").");
    }
    return text.toString().replace(" .", ".");
  }

  private static String plain(Verdict v) {
    return switch (v) {
      case DEPLOY -> "also passes";
      case DO_NOT_DEPLOY -> "is not good enough";
      case INCONCLUSIVE -> "is undecided: more data needed";
      case REFUSED -> "was not judged: the log covers it too thinly";
    };
  }

  private static CandidateVerdict find(GateDecision d, String policy) {
    for (CandidateVerdict v : d.candidates()) {
      if (v.policy().equals(policy)) {
        return v;
      }
    }
    throw new IllegalStateException("no candidate " + policy);
  }
}
