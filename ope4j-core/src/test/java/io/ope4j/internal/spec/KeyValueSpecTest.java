package io.ope4j.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyValueSpecTest {

  @Test
  void parse_keepsTheOrderWrittenAndLowerCasesNamesOnly() {
    KeyValueSpec spec = KeyValueSpec.parse(" Xgboost:Rounds=5;ETA=0.3:objective=Regression ", "model", "parameter");
    assertThat(spec.id()).isEqualTo("xgboost");
    assertThat(spec.text()).isEqualTo("Xgboost:Rounds=5;ETA=0.3:objective=Regression");
    assertThat(spec.remaining()).containsExactly(
        org.assertj.core.api.Assertions.entry("rounds", "5"),
        org.assertj.core.api.Assertions.entry("eta", "0.3"),
        org.assertj.core.api.Assertions.entry("objective", "Regression"));
  }

  @Test
  void number_readsInfinityAndFallsBack() {
    KeyValueSpec spec = KeyValueSpec.parse("dr:clip=inf", "estimator", "hyperparameter");
    assertThat(spec.number("clip", "clip", 1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(spec.number("clip", "clip", 7)).as("taken already").isEqualTo(7);
    spec.requireNoneLeft();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ipw:clip        | estimator 'ipw:clip': hyperparameters are written name=value, got 'clip'",
      "ipw:=3          | estimator 'ipw:=3': hyperparameters are written name=value, got '=3'",
      "ipw:clip=       | estimator 'ipw:clip=': hyperparameters are written name=value, got 'clip='",
      "ipw:            | estimator 'ipw:': hyperparameters are written name=value, got ''",
      "dr:clip=1;CLIP=2 | estimator 'dr:clip=1;CLIP=2': hyperparameter 'clip' given twice"})
  void parse_badShapesNameThePart(String text, String message) {
    assertThatThrownBy(() -> KeyValueSpec.parse(text, "estimator", "hyperparameter"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void number_rejectsNaNAndWords() {
    KeyValueSpec spec = KeyValueSpec.parse("logistic:c=NaN:alpha=big", "reward model", "parameter");
    assertThatThrownBy(() -> spec.number("c", "C", 1))
        .hasMessage("reward model 'logistic:c=NaN:alpha=big': C must be a number, got 'NaN'");
    assertThatThrownBy(() -> spec.number("alpha", "alpha", 1))
        .hasMessage("reward model 'logistic:c=NaN:alpha=big': alpha must be a number, got 'big'");
  }

  @Test
  void requireNoneLeft_namesTheFirstUnknownParameter() {
    KeyValueSpec spec = KeyValueSpec.parse("ridge:alpha=1:beta=2:gamma=3", "reward model", "parameter");
    spec.take("alpha");
    assertThatThrownBy(spec::requireNoneLeft)
        .hasMessage("reward model 'ridge:alpha=1:beta=2:gamma=3': unknown parameter 'beta' for ridge");
  }
}
