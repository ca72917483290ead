package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RewardModelSpecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "logistic            | logistic(C=1)",
      "logistic:C=100      | logistic(C=100)",
      "ridge;alpha=2       | ridge(alpha=2)",
      "xgboost:rounds=5:depth=2 | xgboost(binary:logistic, rounds=5, max_depth=2"})
  void specs_giveTheirFitters(String spec, String described) {
    assertThat(RewardModelSpec.parse(spec.trim(), RewardFeatures.defaults(), 1).describe()).startsWith(described.trim());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "forest              | reward model 'forest': unknown model 'forest'; known: logistic, ridge, xgboost",
      "logistic:C          | reward model 'logistic:C': parameters are written name=value, got 'C'",
      "logistic:C=x        | reward model 'logistic:C=x': C must be a number, got 'x'",
      "ridge:C=1           | reward model 'ridge:C=1': unknown parameter 'c' for ridge",
      "ridge:alpha=1:alpha=2 | reward model 'ridge:alpha=1:alpha=2': parameter 'alpha' given twice",
      "logistic:C=NaN      | reward model 'logistic:C=NaN': C must be a number, got 'NaN'",
      "xgboost:objective=poisson | reward model 'xgboost:objective=poisson': objective must be binary or regression"})
  void badSpecs_sayWhatIsWrong(String spec, String message) {
    assertThatThrownBy(() -> RewardModelSpec.parse(spec.trim(), RewardFeatures.defaults(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message.trim());
  }
}
