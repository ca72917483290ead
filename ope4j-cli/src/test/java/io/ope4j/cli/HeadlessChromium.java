package io.ope4j.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in headless Chromium, in one run: the DOM after its scripts ran, every console
 * message, and a screenshot. Absent Chromium, {@link #find} returns null.
 */
final class HeadlessChromium {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final Pattern CONSOLE = Pattern.compile("INFO:CONSOLE.*");

  private final String executable;

  private HeadlessChromium(String executable) {
    this.executable = executable;
  }

  /** The browser on the PATH, or null. */
  static HeadlessChromium find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : NAMES) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return new HeadlessChromium(Path.of(dir, name).toString());
        }
      }
    }
    return null;
  }

  /** What the browser saw of one page. */
  record Visit(String dom, List<String> consoleMessages, String log) {

    /** The value of an attribute of the root element, or null. */
    String rootAttribute(String name) {
      Matcher m = Pattern.compile("<html[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
      return m.find() ? m.group(1) : null;
    }
  }

  /**
   * Loads {@code page}, writes a PNG of it 1280 pixels wide and {@code height} tall, and returns
   * the DOM after its scripts ran, with the console's messages.
   */
  Visit open(Path page, Path png, int height) throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    ProcessResult run = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height, page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw new IOException("chromium wrote no screenshot " + png + ":\n" + run.err());
    }
    List<String> console = new ArrayList<>();
    Matcher m = CONSOLE.matcher(run.err());
    while (m.find()) {
      console.add(m.group());
    }
    return new Visit(run.out(), console, run.err());
  }

  private record ProcessResult(String out, String err) {}

  private ProcessResult run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions"));
    command.addAll(args);
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish in 120 s: " + command);
      }
      return new ProcessResult(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
