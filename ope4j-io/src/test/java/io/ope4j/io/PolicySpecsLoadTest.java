package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySpecsLoadTest {

  private static final PolicySpecs.Target TARGET = new PolicySpecs.Target(2, 3, 1, 1);

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void loadsEveryFileInOrder_andThePoliciesGiveProbabilities() throws IOException {
    Path first = write("first.json", "[{\"name\": \"u\", \"type\": \"uniform\"},"
        + " {\"name\": \"best\", \"type\": \"argmax\", \"weights\": [[1, 0], [0, 1], [0, 0]]}]");
    Path second = write("second.json", "{\"name\": \"soft\", \"type\": \"softmax\","
        + " \"weights\": [[1, 0], [0, 1], [0, 0]], \"temperature\": 1}");
    Map<String, Policy> policies = PolicySpecs.load(List.of(first, second), TARGET);
    assertThat(policies.keySet()).containsExactly("u", "best", "soft");
    double[] pi = new double[3];
    policies.get("best").probabilities(new double[] {0.1, 2.0}, 2, null, 1, pi);
    assertThat(pi).containsExactly(0, 1, 0);
  }

  @Test
  void aNameUsedTwiceOrReserved_isRefusedNamingTheFile() throws IOException {
    Path first = write("first.json", "{\"name\": \"u\", \"type\": \"uniform\"}");
    Path again = write("again.json", "{\"name\": \"u\", \"type\": \"uniform\"}");
    assertThatThrownBy(() -> PolicySpecs.load(List.of(first, again), TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(again + ": policy name 'u' is used twice");
    assertThatThrownBy(() -> PolicySpecs.load(List.of(first), TARGET, Set.of("u")))
        .hasMessage(first + ": policy name 'u' is used twice");
  }
}
