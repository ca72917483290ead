package io.ope4j.cli.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.cli.Ope4j;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Runs the examples of one document, in order, in the working directory of its JVM: the docs test
 * starts it in a scratch directory, so the files the examples name resolve there and the checkout
 * stays clean. Each {@code ope4j} command runs in-process through {@link Ope4j#execute}, with its
 * standard output and error captured. Arguments: the repository root, the document (relative to
 * the root), the JSON file to write the results to.
 */
public final class DocRunner {

  /** What one command did. */
  public record Result(int line, int exitCode, String out, String err, long millis) {}

  /** What the commands of a document did, and the CPU time of the whole run. */
  public record Report(List<Result> results, long cpuMillis) {}

  private DocRunner() {}

  public static void main(String[] args) throws IOException {
    List<Result> results = new ArrayList<>();
    for (DocExample example : DocExamples.read(Path.of(args[0]), args[1])) {
      if (example.runs()) {
        results.add(run(example));
      }
    }
    long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    new ObjectMapper().writeValue(Path.of(args[2]).toFile(), new Report(results, cpuNanos / 1_000_000));
    // A library may leave non-daemon threads behind; the results are written.
    System.exit(0);
  }

  static Result run(DocExample example) throws IOException {
    ShellCommand command = example.command();
    InputStream stdin = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code;
    try {
      if (!command.input().isEmpty()) {
        System.setIn(new ByteArrayInputStream(pipedInput(command)));
      }
      code = Ope4j.execute(command.arguments().toArray(String[]::new), new PrintWriter(out, true),
          new PrintWriter(err, true));
    } finally {
      System.setIn(stdin);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String stdout = out.toString();
    if (command.stdoutFile() != null) {
      Files.writeString(Path.of(command.stdoutFile()), stdout);
      stdout = "";
    }
    return new Result(example.line(), code, stdout, err.toString(), millis);
  }

  private static byte[] pipedInput(ShellCommand command) throws IOException {
    Path file = Path.of(command.inputFile());
    if (!command.inputGzipped()) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
