package io.ope4j.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate policies ranked by one estimator, with the top k selected for an online test.
 *
 * @param estimator the estimator spec whose estimates were ranked
 * @param criterion what they were ranked by
 * @param topK how many are selected
 * @param rows logged rounds the estimates rest on
 * @param ranking every candidate, best first
 */
public record Selection(String estimator, Criterion criterion, int topK, long rows, List<RankedCandidate> ranking) {

  public Selection {
    ranking = List.copyOf(ranking);
  }

  /** Names of the selected candidates, best first. */
  public List<String> selected() {
    List<String> names = new ArrayList<>(topK);
    for (int i = 0; i < topK; i++) {
      names.add(ranking.get(i).policy());
    }
    return names;
  }

  /** Candidate names in log order. */
  public List<String> candidates() {
    String[] names = new String[ranking.size()];
    for (RankedCandidate candidate : ranking) {
      names[candidate.logIndex()] = candidate.policy();
    }
    return List.of(names);
  }

  /** The scores the candidates were ranked by, in log order. */
  public double[] scores() {
    double[] scores = new double[ranking.size()];
    for (RankedCandidate candidate : ranking) {
      scores[candidate.logIndex()] = candidate.score();
    }
    return scores;
  }

  /** The point estimates, in log order. */
  public double[] estimates() {
    double[] values = new double[ranking.size()];
    for (RankedCandidate candidate : ranking) {
      values[candidate.logIndex()] = candidate.estimate().value();
    }
    return values;
  }
}
