package io.ope4j.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocExamplesParseTest {

  @Test
  void shellAndConsoleBlocks_inDocumentOrder_withContinuationsAndOutput() {
    List<DocExample> examples = DocExamples.parse("doc.md", List.of(
        "Text.",
        "```sh",
        "# a remark",
        "./ope4j simulate --rows 10 \\",
        "    -o sim.csv",
        "",
        "```",
        "```java",
        "ope4j is not a command in Java",
        "```",
        "```console",
        "$ ope4j evaluate --data sim.csv",
        "line 1",
        "",
        "$ ope4j select --data sim.csv",
        "```"));
    assertThat(examples).extracting(DocExample::line).containsExactly(4, 12, 15);
    assertThat(examples.get(0).command().words()).containsExactly("./ope4j", "simulate", "--rows", "10", "-o",
        "sim.csv");
    assertThat(examples.get(0).expectedOutput()).isNull();
    assertThat(examples.get(1).expectedOutput()).isEqualTo("line 1\n\n");
    assertThat(examples.get(2).expectedOutput()).isEmpty();
    assertThat(examples).allMatch(DocExample::runs).extracting(DocExample::expectedExit).containsOnly(0);
    assertThat(examples.get(1).where()).isEqualTo("doc.md:12");
  }

  @Test
  void directives_applyToTheWholeNextBlock() {
    List<DocExample> examples = DocExamples.parse("doc.md", List.of(
        "<!-- not run: needs a cluster -->",
        "```bash",
        "spark-submit --class X $(cat cp.txt)",
        "./ope4j evaluate --engine spark",
        "```",
        "<!-- exit code: 2 -->",
        "```sh",
        "ope4j evaluate --data missing.csv",
        "```",
        "```sh",
        "ope4j evaluate --data examples/logs.csv.gz",
        "```"));
    assertThat(examples).extracting(DocExample::notRunReason)
        .containsExactly("needs a cluster", "needs a cluster", null, null);
    assertThat(examples).extracting(DocExample::expectedExit).containsExactly(0, 0, 2, 0);
    assertThat(examples.get(0).command()).isNull();
    assertThat(examples.get(1).command().arguments()).containsExactly("evaluate", "--engine", "spark");
  }

  @Test
  void anotherProgram_mustBeMarkedNotRun() {
    assertThatThrownBy(() -> DocExamples.parse("doc.md", List.of("```sh", "mvn -B verify", "```")))
        .hasMessage("doc.md:2: 'mvn' is not an ope4j command: mark the block with <!-- not run: REASON --> "
            + "on the line before it");
  }

  @Test
  void unsupportedSyntax_namesDocumentAndLine() {
    assertThatThrownBy(() -> DocExamples.parse("doc.md", List.of("", "```sh", "ope4j select [--truth t.json]", "```")))
        .hasMessageStartingWith("doc.md:3: not in the shell subset the docs test runs: '['");
  }

  @Test
  void untaggedBlockOfCommands_isRefused() {
    assertThatThrownBy(() -> DocExamples.parse("doc.md", List.of("```", "ope4j convert --data a --to jsonl", "```")))
        .hasMessageStartingWith("doc.md:1: a command in a block without a language");
    assertThat(DocExamples.parse("doc.md", List.of("```", "policy  estimator  value", "```"))).isEmpty();
  }

  @Test
  void consoleBlock_mustStartWithACommand() {
    assertThatThrownBy(() -> DocExamples.parse("doc.md", List.of("```console", "output first", "```")))
        .hasMessage("doc.md:2: a console block must start with a '$ ' command line");
  }

  @Test
  void sampleOutput_toleratesDurationsAndEllipsesOnly() {
    String shown = "simulated (seed 1, 2.0 s)\n...\nlast \n\n";
    assertThat(SampleOutput.matches(shown, "simulated (seed 1, 13 s)\na\nb\nlast\n")).isTrue();
    assertThat(SampleOutput.matches(shown, "simulated (seed 1, 0.4 s)\nlast")).isTrue();
    assertThat(SampleOutput.matches(shown, "simulated (seed 2, 2.0 s)\nlast\n")).isFalse();
    assertThat(SampleOutput.matches(shown, "simulated (seed 1, 2.0 s)\nlast\nmore\n")).isFalse();
    assertThat(SampleOutput.matches("3 slots\n", "4 slots\n")).isFalse();
    assertThat(SampleOutput.matches("", "")).isTrue();
    assertThat(SampleOutput.matches("", "something\n")).isFalse();
  }
}
