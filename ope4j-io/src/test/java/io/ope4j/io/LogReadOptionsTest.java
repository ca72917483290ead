package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.io.LogReadOptions.PolicyColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReadOptionsTest {

  @Test
  void defaults_areTheFormatsMdNames() {
    LogReadOptions options = LogReadOptions.defaults();

    assertThat(options.actionColumn()).isEqualTo("action");
    assertThat(options.rewardColumn()).isEqualTo("reward");
    assertThat(options.pscoreColumn()).isEqualTo("pscore");
    assertThat(options.positionColumn()).isEqualTo("position");
    assertThat(options.modelPrefix()).isEqualTo("q_");
    assertThat(options.modelColumn()).isEqualTo("q");
    assertThat(options.nActions()).isEqualTo(-1);
    assertThat(options.policies()).isEmpty();
    assertThat(options.batchCapacity()).isEqualTo(4096);
  }

  @Test
  void withMethods_changeOneComponentEach() {
    LogReadOptions options = LogReadOptions.defaults()
        .withActionColumn("a").withRewardColumn("r").withPscoreColumn("p")
        .withPositionColumn("slot").withModelPrefix("m_").withModelColumn("m")
        .withNActions(5).withPolicy("bts", "pi_bts_").withPolicy("g", "pi_g")
        .withBatchCapacity(7);

    assertThat(options).isEqualTo(new LogReadOptions("a", "r", "p", "slot", "m_", "m", 5,
        List.of(PolicyColumnSpec.of("bts", "pi_bts_"), PolicyColumnSpec.of("g", "pi_g")), 7));
    assertThat(options.withPolicies(List.of()).policies()).isEmpty();
    assertThat(LogReadOptions.defaults()).isEqualTo(LogReadOptions.defaults()); // immutable
  }

  @Test
  void invalidValues_areRejected() {
    LogReadOptions defaults = LogReadOptions.defaults();
    assertThatThrownBy(() -> defaults.withNActions(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withNActions(-2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withBatchCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withPscoreColumn(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withActionColumn(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withPolicy("a", "pi_a_").withPolicy("a", "pi_b_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy name 'a' given twice");
  }

  @Test
  void policyColumns_parseTheCliForm() {
    assertThat(PolicyColumnSpec.parse("bts=pi_bts_")).isEqualTo(PolicyColumnSpec.of("bts", "pi_bts_"));
    assertThat(PolicyColumnSpec.parse("a=b=c")).isEqualTo(PolicyColumnSpec.of("a", "b=c"));
    for (String bad : new String[] {"bts", "=pi", "bts=", ""}) {
      assertThatThrownBy(() -> PolicyColumnSpec.parse(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
