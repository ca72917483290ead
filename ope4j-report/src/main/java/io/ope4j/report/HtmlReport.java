package io.ope4j.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page of a command's results: a header saying what produced them, then
 * sections of charts, each with its table. The chart library (Apache ECharts) and the page's
 * script and style are inlined and the numbers sit in a JSON element, so the file works offline
 * and makes no network request (its Content-Security-Policy forbids any).
 *
 * <pre>{@code
 * HtmlReport.builder().header("ope4j evaluate", "ope4j evaluate --data logs.csv", "0.1.0")
 *     .input(InputFile.of("logs.csv")).setting("seed", "12345")
 *     .section(EvaluationSections.estimates(result, truths))
 *     .build().write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {

  /** ECharts' version, as bundled by its webjar. */
  public static final String ECHARTS_VERSION = "5.3.1";

  private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

  private final RunInfo run;
  private final List<Section> sections;

  private HtmlReport(RunInfo run, List<Section> sections) {
    this.run = run;
    this.sections = List.copyOf(sections);
  }

  public static Builder builder() {
    return new Builder();
  }

  public RunInfo run() {
    return run;
  }

  public List<Section> sections() {
    return sections;
  }

  /** Writes the page to {@code path} (UTF-8), replacing it. */
  public void write(Path path) throws IOException {
    Files.writeString(path, html(), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  public String html() {
    ObjectNode charts = new ObjectMapper().createObjectNode();
    StringBuilder body = new StringBuilder();
    PageWriter.header(body, run, sections);
    for (int s = 0; s < sections.size(); s++) {
      PageWriter.section(body, "s" + (s + 1), sections.get(s), charts);
    }
    PageWriter.footer(body);
    return PageWriter.page(run.title(), body, resource(ECHARTS), resource("io/ope4j/report/report.js"),
        resource("io/ope4j/report/report.css"), charts.toString());
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " (the echarts webjar must be on the class path)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects the header and the sections. */
  public static final class Builder {
    private String title = "ope4j";
    private String commandLine = "";
    private String version = "";
    private final List<InputFile> inputs = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Instant started = Instant.now();
    private Duration elapsed;
    private final List<Section> sections = new ArrayList<>();

    private Builder() {}

    /**
     * What the page is about and what produced it.
     *
     * @param pageTitle e.g. {@code ope4j evaluate}
     * @param line the command line as typed
     * @param ope4jVersion the version that ran
     */
    public Builder header(String pageTitle, String line, String ope4jVersion) {
      title = pageTitle;
      commandLine = line;
      version = ope4jVersion;
      return this;
    }

    public Builder input(InputFile file) {
      inputs.add(file);
      return this;
    }

    /** A setting that fixes the numbers (a seed, the estimators, the interval). */
    public Builder setting(String name, String value) {
      settings.put(name, value);
      return this;
    }

    /** When the work started; the elapsed time defaults to the time from then to {@link #build}. */
    public Builder started(Instant when) {
      started = when;
      return this;
    }

    public Builder elapsed(Duration took) {
      elapsed = took;
      return this;
    }

    public Builder section(Section section) {
      sections.add(section);
      return this;
    }

    public Builder sections(List<Section> more) {
      sections.addAll(more);
      return this;
    }

    public HtmlReport build() {
      Duration took = elapsed != null ? elapsed : Duration.between(started, Instant.now());
      return new HtmlReport(new RunInfo(title, commandLine, version, inputs, settings, started, took), sections);
    }
  }
}
