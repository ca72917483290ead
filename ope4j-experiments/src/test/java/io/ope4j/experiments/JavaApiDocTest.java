package io.ope4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/java-api.md runs as written: every {@code java} block is compiled against the library
 * class path and run from the repository root, and what it prints must be the {@code text} block
 * that follows it ("It prints:"). A renamed method or a changed output breaks the build.
 */
class JavaApiDocTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOC = ROOT.resolve("docs/java-api.md");
  /** A java block, and optionally the text block after one line of prose. */
  private static final Pattern SNIPPET =
      Pattern.compile("```java\\n(.*?)```(?:\\n\\n[^`\\n]*\\n\\n```text\\n(.*?)```)?", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

  @TempDir Path classes;

  record Snippet(String className, String source, String expectedOutput) {}

  static List<Snippet> snippets() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    Matcher m = SNIPPET.matcher(Files.readString(DOC));
    while (m.find()) {
      Matcher name = CLASS_NAME.matcher(m.group(1));
      if (!name.find()) {
        throw new AssertionError("a java block of " + DOC + " has no public class:\n" + m.group(1));
      }
      snippets.add(new Snippet(name.group(1), m.group(1), m.group(2)));
    }
    return snippets;
  }

  @TestFactory
  Stream<DynamicTest> everySnippetCompilesRunsAndPrintsWhatTheDocSays() throws IOException {
    List<Snippet> snippets = snippets();
    assertThat(snippets).as("java blocks in " + DOC).hasSizeGreaterThanOrEqualTo(4);
    assertThat(snippets).as("each shows its output").allMatch(s -> s.expectedOutput() != null);
    return snippets.stream().map(s -> DynamicTest.dynamicTest(s.className(), () -> compileAndRun(s)));
  }

  private void compileAndRun(Snippet snippet) throws Exception {
    Path source = classes.resolve(snippet.className() + ".java");
    Files.writeString(source, snippet.source());
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean compiled = compiler.getTask(null, files, diagnostics,
          List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:none"), null,
          files.getJavaFileObjects(source)).call();
      assertThat(compiled).as("%s compiles: %s", snippet.className(), diagnostics.getDiagnostics()).isTrue();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stdout = classes.resolve(snippet.className() + ".out");
    Path stderr = classes.resolve(snippet.className() + ".err");
    Process process = new ProcessBuilder(java.toString(), "-cp", classes + File.pathSeparator + classPath,
        snippet.className())
        .directory(ROOT.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", snippet.className()).isTrue();
    assertThat(process.exitValue()).as("%s exits 0: %s", snippet.className(), Files.readString(stderr)).isZero();
    assertThat(Files.readString(stdout).replace(System.lineSeparator(), "\n"))
        .as("what %s prints", snippet.className()).isEqualTo(snippet.expectedOutput());
  }
}
