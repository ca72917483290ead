package io.ope4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ColumnarLog checks its values with the readers' LogValidator, with their messages. */
class ColumnarLogValidationTest {

  private static final int[] ACTION = {0, 1, 2};
  private static final double[] REWARD = {1.0, 0.0, 1.0};
  private static final double[] PSCORE = {0.5, 0.25, 0.25};
  private static final double[] PI = {0.2, 0.3, 0.5};

  @Test
  void validLog_builds() {
    assertThat(ColumnarLog.builder(ACTION, REWARD, PSCORE).policy("p", PI).nActions(3).build().rows())
        .isEqualTo(3);
  }

  @Test
  void pscoreZero_namesRowColumnAndValue() {
    double[] pscore = {0.5, 0.0, 0.25};
    assertThatThrownBy(() -> ColumnarLog.builder(ACTION, REWARD, pscore).policy("p", PI).build())
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("ColumnarLog row 2, pscore: must be in (0, 1], got 0.0");
  }

  @Test
  void nanReward_isNotFinite() {
    double[] reward = {1.0, 0.0, Double.NaN};
    assertThatThrownBy(() -> ColumnarLog.builder(ACTION, reward, PSCORE).policy("p", PI).build())
        .hasMessage("ColumnarLog row 3, reward: must be a finite number, got NaN");
  }

  @Test
  void actionOutsideK_andPolicyProbability_andModelValues_withTheBuildersSourceName() {
    assertThatThrownBy(() -> ColumnarLog.builder(ACTION, REWARD, PSCORE).policy("p", PI).nActions(2)
            .source("mine").build())
        .hasMessage("mine row 3, action: must be an integer in [0, 2), got 2");
    assertThatThrownBy(() -> ColumnarLog.builder(ACTION, REWARD, PSCORE).policy("p", new double[] {0, 1.5, 0})
            .build())
        .hasMessage("ColumnarLog row 2, p: must be a probability in [0, 1], got 1.5");
    double[] q = {0.1, 0.2, 0.3};
    double[] qUnderP = {0.1, Double.POSITIVE_INFINITY, 0.3};
    assertThatThrownBy(() -> ColumnarLog.builder(ACTION, REWARD, PSCORE).policy("p", PI, qUnderP)
            .modelAtLoggedAction(q).build())
        .hasMessage("ColumnarLog row 2, q_p: must be a finite number, got Infinity");
  }
}
