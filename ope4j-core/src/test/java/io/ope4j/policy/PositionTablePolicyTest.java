package io.ope4j.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionTablePolicyTest {

  private static final PositionTablePolicy TABLE =
      PositionTablePolicy.of(new double[][] {{0.5, 0.25, 0.25}, {0.0, 0.0, 1.0}});

  @Test
  void rowsTakeTheirSlotsRow_slot0WithoutPositions() {
    double[] out = new double[6];
    TABLE.probabilities(new double[0], 0, new int[] {1, 0}, 2, out);
    assertThat(out).containsExactly(0, 0, 1, 0.5, 0.25, 0.25);
    TABLE.probabilities(new double[0], 0, null, 1, out);
    assertThat(out).startsWith(0.5, 0.25, 0.25);
  }

  @Test
  void badTablesAndPositions_areRejected() {
    assertThatThrownBy(() -> PositionTablePolicy.of(new double[][] {{0.5, 0.6}})).hasMessageContaining("sum");
    assertThatThrownBy(() -> PositionTablePolicy.of(new double[][] {{1.5, -0.5}})).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> TABLE.probabilities(new double[0], 0, new int[] {2}, 1, new double[3]))
        .hasMessageContaining("position 2 outside");
  }

  @Test
  void policyColumns_pickTheLoggedActionAndTheModelValue() {
    // Row 0: slot 1, action 2 -> pi 1, model value q_2 = 3. Row 1: slot 0, action 1 -> pi 0.25,
    // model value 0.5 * 1 + 0.25 * 2 + 0.25 * 4 = 2.
    double[] q = {1, 2, 3, 1, 2, 4};
    PolicyColumns columns = PolicyColumns.compute(TABLE, new double[0], 0, new int[] {1, 0}, new int[] {2, 1}, q);
    assertThat(columns.piLogged()).containsExactly(1.0, 0.25);
    assertThat(columns.modelValue()).containsExactly(new double[] {3, 2}, within(1e-15));
    assertThat(PolicyColumns.compute(TABLE, new double[0], 0, null, new int[] {0}, null).modelValue()).isNull();
    assertThatThrownBy(() -> PolicyColumns.compute(TABLE, new double[0], 0, null, new int[] {3}, null))
        .hasMessageContaining("action 3 outside");
  }

  @Test
  void policyColumns_workAcrossBlocks() {
    int rows = PolicyColumns.BLOCK_ROWS * 2 + 7;
    double[] contexts = new double[rows];
    int[] actions = new int[rows];
    for (int i = 0; i < rows; i++) {
      contexts[i] = i % 5 - 2.0;
      actions[i] = i % 2;
    }
    ScoredPolicy sign = ScoredPolicy.of(
        LinearScoringModel.of(new double[][] {{-1}, {1}}, new double[] {0, 0.5}), ActionRule.argmax());
    double[] pi = PolicyColumns.compute(sign, contexts, 1, null, actions, null).piLogged();
    for (int i = 0; i < rows; i++) {
      int best = contexts[i] + 0.5 > -contexts[i] ? 1 : 0;
      assertThat(pi[i]).as("row %s", i).isEqualTo(actions[i] == best ? 1.0 : 0.0);
    }
  }
}
