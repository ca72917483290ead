package io.ope4j.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every typed factory of {@link Estimators} gives exactly what its spec parses to. */
class TypedFactoriesTest {

  private static final Map<String, Supplier<Estimator>> BY_SPEC = Map.ofEntries(
      Map.entry("dm", Estimators::dm),
      Map.entry("ipw", Estimators::ipw),
      Map.entry("snipw", Estimators::snipw),
      Map.entry("dr", Estimators::dr),
      Map.entry("sndr", Estimators::sndr),
      Map.entry("ipw:clip=100", () -> Estimators.ipw().clipped(100)),
      Map.entry("dr:clip=2.5", () -> Estimators.dr().clipped(2.5)),
      Map.entry("ipw:clip=inf", () -> Estimators.ipw().clipped(Double.POSITIVE_INFINITY)),
      Map.entry("switch-dr:lambda=5", () -> Estimators.switchDr(5)),
      Map.entry("switch-dr:lambda=inf", () -> Estimators.switchDr(Double.POSITIVE_INFINITY)),
      Map.entry("dr-os:lambda=100", () -> Estimators.drOs(100)),
      Map.entry("ipw-sg:lambda=0.1", () -> Estimators.ipwSg(0.1)),
      Map.entry("dr-sg:lambda=1", () -> Estimators.drSg(1)),
      Map.entry("switch-dr:lambda=slope", Estimators::switchDrSlope),
      Map.entry("dr-os:lambda=slope", Estimators::drOsSlope),
      Map.entry("ipw-sg:lambda=slope", Estimators::ipwSgSlope),
      Map.entry("dr-sg:lambda=slope", Estimators::drSgSlope),
      Map.entry("ipw-balanced", Estimators::ipwBalanced),
      Map.entry("ipw-weighted:clip=2", () -> Estimators.ipwWeighted().clipped(2)),
      Map.entry("dr-balanced:clip=3", () -> Estimators.drBalanced().clipped(3)),
      Map.entry("dr-weighted", Estimators::drWeighted),
      Map.entry("mips", Estimators::mips),
      Map.entry("snmips", Estimators::snmips),
      Map.entry("mips:dims=slope", Estimators::mipsSlope),
      Map.entry("cressie-read", Estimators::cressieRead),
      Map.entry("mle", Estimators::mle));

  @Test
  void eachFactoryEqualsTheParsedSpec() {
    BY_SPEC.forEach((spec, factory) -> {
      Estimator typed = factory.get();
      Estimator parsed = Estimators.parse(spec);
      assertThat(typed).as(spec).isEqualTo(parsed);
      assertThat(typed.spec()).as(spec).isEqualTo(parsed.spec());
    });
  }

  @Test
  void everyIdHasAFactory() {
    assertThat(BY_SPEC.values()).extracting(factory -> factory.get().id())
        .containsAll(Estimators.IDS);
  }

  @Test
  void clippingTwiceKeepsTheLastCap() {
    assertThat(Estimators.ipw().clipped(5).clipped(100)).isEqualTo(Estimators.parse("ipw:clip=100"));
  }

  @Test
  void outOfRangeHyperparametersAreRefusedAsTheParserRefusesThem() {
    assertThatThrownBy(() -> Estimators.ipw().clipped(0)).hasMessageContaining("clip must be > 0");
    assertThatThrownBy(() -> Estimators.dr().clipped(Double.NaN)).hasMessageContaining("clip must be > 0");
    assertThatThrownBy(() -> Estimators.switchDr(-1)).hasMessageContaining("lambda must be in [0, inf]");
    assertThatThrownBy(() -> Estimators.ipwSg(1.5)).hasMessageContaining("lambda must be in [0, 1]");
    assertThatThrownBy(() -> Estimators.drSg(Double.NaN)).hasMessageContaining("lambda must be in [0, 1]");
  }
}
