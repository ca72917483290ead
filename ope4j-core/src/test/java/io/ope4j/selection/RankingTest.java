package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RankingTest {

  @Test
  void descending_tiesGoToTheFirstListed() {
    assertThat(Ranking.descending(new double[] {3, 1, 3, 2}, TieBreak.FIRST_LISTED)).containsExactly(0, 2, 3, 1);
  }

  @Test
  void descending_tiesGoToTheLastListed_asNumpyArgsortReversed() {
    assertThat(Ranking.descending(new double[] {3, 1, 3, 2}, TieBreak.LAST_LISTED)).containsExactly(2, 0, 3, 1);
  }

  @Test
  void descending_negativeAndPositiveZeroTie() {
    assertThat(Ranking.descending(new double[] {-0.0, 0.0}, TieBreak.FIRST_LISTED)).containsExactly(0, 1);
    assertThat(Ranking.descending(new double[] {-0.0, 0.0}, TieBreak.LAST_LISTED)).containsExactly(1, 0);
  }

  @Test
  void descending_infinitiesRankAtTheEnds() {
    double[] values = {1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    assertThat(Ranking.descending(values, TieBreak.FIRST_LISTED)).containsExactly(2, 0, 1);
  }

  @Test
  void descending_emptyAndSingle() {
    assertThat(Ranking.descending(new double[0], TieBreak.FIRST_LISTED)).isEmpty();
    assertThat(Ranking.descending(new double[] {5}, TieBreak.LAST_LISTED)).containsExactly(0);
  }

  @Test
  void averageRanks_tiesShareTheirMeanRank() {
    // Sorted ascending: 1 (rank 1), 2 (rank 2), 3 and 3 (ranks 3 and 4, both 3.5).
    assertThat(Ranking.averageRanks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    assertThat(Ranking.averageRanks(new double[] {7, 7, 7})).containsExactly(2, 2, 2);
  }

  @RepeatedTest(20)
  void descending_agreesWithASortOfBoxedIndices(RepetitionInfo repetition) {
    long seed = 1000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(60);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(8); // many ties
    }
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i;
    }
    java.util.Arrays.sort(expected, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : b - a);
    int[] order = Ranking.descending(values, TieBreak.LAST_LISTED);
    for (int i = 0; i < n; i++) {
      assertThat(order[i]).as("seed %s position %s", seed, i).isEqualTo(expected[i]);
    }
  }
}
