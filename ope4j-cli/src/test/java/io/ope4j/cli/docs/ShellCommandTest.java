package io.ope4j.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandTest {

  @Test
  void quotesAndEscapes_giveTheWordsAShellWould() {
    ShellCommand command = ShellCommand.parse(
        "./ope4j ct-evaluate --basis 'x^2,x^2*tau' --master \"local[2]\" a\\ b \"q\\\"uote\" x#y # comment");
    assertThat(command.words()).containsExactly("./ope4j", "ct-evaluate", "--basis", "x^2,x^2*tau", "--master",
        "local[2]", "a b", "q\"uote", "x#y");
    assertThat(command.isOpe4j()).isTrue();
    assertThat(command.arguments()).first().isEqualTo("ct-evaluate");
    assertThat(command.input()).isEmpty();
    assertThat(command.stdoutFile()).isNull();
  }

  @Test
  void pipeFromGunzip_andRedirection() {
    ShellCommand command = ShellCommand.parse("gunzip -c in.csv.gz | ope4j evaluate --data - > out.txt");
    assertThat(command.words()).containsExactly("ope4j", "evaluate", "--data", "-");
    assertThat(command.inputFile()).isEqualTo("in.csv.gz");
    assertThat(command.inputGzipped()).isTrue();
    assertThat(command.stdoutFile()).isEqualTo("out.txt");

    ShellCommand cat = ShellCommand.parse("cat in.csv|ope4j evaluate --data -");
    assertThat(cat.inputFile()).isEqualTo("in.csv");
    assertThat(cat.inputGzipped()).isFalse();
  }

  @Test
  void quotedOperators_areWords() {
    assertThat(ShellCommand.parse("ope4j x '|' \">\"").words()).isEqualTo(List.of("ope4j", "x", "|", ">"));
  }

  @Test
  void blankOrCommentOnly_isNoCommand() {
    assertThat(ShellCommand.parse("   ")).isNull();
    assertThat(ShellCommand.parse("  # just a remark")).isNull();
  }

  @Test
  void otherPrograms_areParsedButNotOpe4j() {
    assertThat(ShellCommand.parse("mvn -B verify").isOpe4j()).isFalse();
    assertThat(ShellCommand.parse("ope4jx evaluate").isOpe4j()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ope4j select [--truth truth.json]", // the optional-argument notation is not a command
      "ope4j evaluate --data $LOG",
      "ope4j evaluate --data \"$LOG\"",
      "ope4j evaluate --data `ls`",
      "ope4j evaluate --data *.csv",
      "ope4j evaluate; ope4j select",
      "ope4j evaluate &",
      "ope4j evaluate --data - < in.csv",
      "ope4j evaluate 2> err.txt",
      "ope4j evaluate > a > b",
      "ope4j evaluate > out.txt --format json",
      "ope4j evaluate >",
      "head in.csv | ope4j evaluate --data -",
      "cat a | cat b | ope4j evaluate --data -",
      "| ope4j evaluate",
      "ope4j evaluate 'unclosed",
      "ope4j evaluate \"unclosed",
      "ope4j evaluate ~/logs.csv",
  })
  void syntaxOutsideTheSubset_isRefused(String line) {
    assertThatThrownBy(() -> ShellCommand.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not in the shell subset the docs test runs: ");
  }
}
