package io.ope4j.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.cli.Ope4j;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every shell example of README.md and docs/*.md runs as written, so a renamed option or a
 * missing file breaks the build rather than the reader.
 *
 * <p>The examples of one document run in document order, from the top of a scratch copy of the
 * checkout's shipped folders ({@link #SHIPPED}): a document names files relative to the top of
 * the checkout, and may read a file an earlier example of the same document made. A separate JVM
 * ({@link DocRunner}) gives each document its own working directory and runs its {@code ope4j}
 * commands in-process. Each command must exit 0 (or the code its block says), and where a
 * {@code console} block shows the output, print exactly that ({@link SampleOutput}). The rules
 * for writing examples are in {@link DocExamples}, {@link ShellCommand} and examples/README.md.
 */
class DocExamplesTest {

  /** The folders of the checkout an example may read; whatever else it reads, it makes. */
  static final List<String> SHIPPED = List.of("examples", "data", "testdata");
  private static final long TIMEOUT_MINUTES = 5;

  @TestFactory
  Stream<DynamicTest> everyShellExample_runsAsWritten() throws IOException {
    Path root = root();
    return documents(root).stream().map(doc -> DynamicTest.dynamicTest(doc, () -> check(root, doc)));
  }

  private static void check(Path root, String doc) throws IOException, InterruptedException {
    List<DocExample> examples = DocExamples.read(root, doc);
    List<DocExample> runnable = examples.stream().filter(DocExample::runs).toList();
    SoftAssertions softly = new SoftAssertions();
    for (DocExample example : examples) {
      if (!example.runs()) {
        System.out.println("not run: " + example.where() + " (" + example.notRunReason() + "): " + example.text());
        checkOptions(example, softly);
      }
    }
    System.out.println(doc + ": " + runnable.size() + " commands run, " + (examples.size() - runnable.size())
        + " not run");
    if (!runnable.isEmpty()) {
      Path scratch = Files.createTempDirectory("ope4j-docs-");
      List<DocRunner.Result> outcomes = runInScratchCopy(root, doc, scratch);
      assertThat(outcomes).hasSameSizeAs(runnable);
      for (int i = 0; i < runnable.size(); i++) {
        check(runnable.get(i), outcomes.get(i), softly);
      }
      if (softly.wasSuccess()) {
        delete(scratch);
      } else {
        System.out.println(doc + ": the files the examples made are kept in " + scratch);
      }
    }
    softly.assertAll();
  }

  /** Runs the document's examples in a JVM whose working directory is a copy of the shipped folders. */
  private static List<DocRunner.Result> runInScratchCopy(Path root, String doc, Path scratch)
      throws IOException, InterruptedException {
    for (String folder : SHIPPED) {
      copy(root.resolve(folder), scratch.resolve(folder));
    }
    Path results = Files.createTempFile("ope4j-docs-", ".json");
    Path log = Files.createTempFile("ope4j-docs-", ".log");
    Process process = new ProcessBuilder(java(), "-cp", classPath(), DocRunner.class.getName(),
        root.toString(), doc, results.toString())
        .directory(scratch.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(doc + ": the examples did not finish in " + TIMEOUT_MINUTES + " minutes; scratch copy " + scratch);
    }
    assertThat(process.exitValue()).as(doc + ": the example runner failed:\n" + Files.readString(log)).isZero();
    DocRunner.Report report = new ObjectMapper().readValue(results.toFile(), DocRunner.Report.class);
    System.out.printf("%s: %d commands in %.1f s of CPU%n", doc, report.results().size(), report.cpuMillis() / 1e3);
    Files.delete(results);
    Files.delete(log);
    return report.results();
  }

  private static void check(DocExample example, DocRunner.Result outcome, SoftAssertions softly) {
    System.out.printf("%s (%d ms): %s%n", example.where(), outcome.millis(), example.text());
    softly.assertThat(outcome.exitCode())
        .as("%s: exit code of `%s`; stderr:%n%s", example.where(), example.text(), outcome.err())
        .isEqualTo(example.expectedExit());
    // A failing command prints its message on stderr and nothing on stdout: the document shows the message.
    boolean failing = example.expectedExit() != 0;
    if (failing) {
      softly.assertThat(outcome.out()).as("%s: stdout of a failing command", example.where()).isEmpty();
    }
    String printed = failing ? outcome.err() : outcome.out();
    if (example.expectedOutput() != null && !SampleOutput.matches(example.expectedOutput(), printed)) {
      softly.fail("%s: `%s` printed other than the document shows.%n--- shown:%n%s--- printed:%n%s",
          example.where(), example.text(), example.expectedOutput(), printed);
    }
  }

  /** An ope4j command that is not run must still name options and values the command takes. */
  private static void checkOptions(DocExample example, SoftAssertions softly) {
    if (example.command() == null || !example.command().isOpe4j()) {
      return;
    }
    try {
      new CommandLine(new Ope4j()).parseArgs(example.command().arguments().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      softly.fail("%s: `%s` (not run) does not parse: %s", example.where(), example.text(), e.getMessage());
    }
  }

  /** README.md, then docs/*.md in name order. */
  static List<String> documents(Path root) throws IOException {
    List<String> docs = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      files.map(file -> "docs/" + file.getFileName()).filter(name -> name.endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The top of the checkout: the first folder up from the working directory with docs/. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPath() {
    // Surefire may start the tests through a manifest-only jar; this property has the full path.
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(file -> {
        try {
          Files.copy(file, to.resolve(from.relativize(file).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
