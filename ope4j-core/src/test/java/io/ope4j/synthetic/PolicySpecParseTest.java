package io.ope4j.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicySpecParseTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cold=softmax:0.5              | Softmax[name=cold, temperature=0.5]",
      "cold = Softmax;temperature=0.5 | Softmax[name=cold, temperature=0.5]",
      "explore=epsilon-greedy:0.2    | EpsilonGreedy[name=explore, epsilon=0.2]",
      "explore=epsilon-greedy:epsilon=0.2 | EpsilonGreedy[name=explore, epsilon=0.2]",
      "greedy=argmax                 | Argmax[name=greedy]",
      "u=uniform                     | Uniform[name=u]"})
  void parse_shorthandAndNamedParametersAgree(String text, String parsed) {
    assertThat(PolicySpec.parse(text.trim())).hasToString(parsed.trim());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "softmax:0.5            | policy 'softmax:0.5': policies are written NAME=KIND[:P], e.g. cold=softmax:0.5",
      "=argmax                | policy '=argmax': policies are written NAME=KIND[:P]",
      "a=boltzmann:2          | policy 'a=boltzmann:2': unknown kind 'boltzmann'; known: softmax, epsilon-greedy, argmax, uniform",
      "a=softmax              | policy 'a=softmax': softmax needs its temperature, e.g. softmax:0.5",
      "a=softmax:hot          | policy 'a=softmax:hot': temperature must be a number, got 'hot'",
      "a=argmax:0.5           | policy 'a=argmax:0.5': parameters are written name=value, got '0.5'",
      "a=softmax:0.5:eps=0.1  | policy 'a=softmax:0.5:eps=0.1': unknown parameter 'eps' for softmax",
      "a=softmax:0           | policy a: temperature must be positive and finite, got 0.0",
      "a b=uniform            | policy name must be 1 or more ASCII letters, digits, '_' or '-', got a b"})
  void parse_badSpecsSayWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> PolicySpec.parse(text.trim()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message.trim());
  }
}
