package io.ope4j.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EstimatorsTest {

  @ParameterizedTest
  @ValueSource(strings = {"dm", "ipw", "snipw", "dr", "sndr", "ipw:clip=100", "dr:clip=2.5",
      "switch-dr:lambda=5", "switch-dr:lambda=inf", "dr-os:lambda=100", "ipw-sg:lambda=0.1", "dr-sg:lambda=1"})
  void specRoundTrips(String spec) {
    Estimator estimator = Estimators.parse(spec);
    assertThat(estimator.spec()).isEqualTo(spec);
    assertThat(Estimators.parse(estimator.spec())).isEqualTo(estimator);
  }

  @Test
  void idsAndHyperparametersAreCaseInsensitiveAndTrimmed() {
    assertThat(Estimators.parse(" IPW:Clip=100 ").spec()).isEqualTo("ipw:clip=100");
    assertThat(Estimators.parse("switch-dr;lambda=5")).isEqualTo(Estimators.parse("switch-dr:lambda=5"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo|unknown estimator id 'foo'",
      "ipw:clip=0|clip must be > 0",
      "ipw:clip=-3|clip must be > 0",
      "ipw:clip=abc|clip must be a number",
      "ipw:lambda=3|unknown hyperparameter 'lambda' for ipw",
      "switch-dr|needs lambda=VALUE",
      "switch-dr:lambda=-1|lambda must be in [0, inf]",
      "ipw-sg:lambda=1.5|lambda must be in [0, 1]",
      "dr-os:lambda|hyperparameters are written name=value",
      "dr:clip=1:clip=2|given twice",
      "ipw:clip=NaN|clip must be a number",
      "dm:clip=3|unknown hyperparameter 'clip' for dm"})
  void badSpecsNameTheProblem(String spec, String message) {
    assertThatThrownBy(() -> Estimators.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimator '" + spec + "'")
        .hasMessageContaining(message);
  }

  @Test
  void emptyEntryInAList() {
    assertThatThrownBy(() -> Estimators.parseList("ipw,,dr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty estimator spec");
  }
}
