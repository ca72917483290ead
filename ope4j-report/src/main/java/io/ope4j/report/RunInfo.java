package io.ope4j.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What produced the results, for the report's header: enough to rerun the command and to check
 * that the inputs are the ones meant.
 *
 * @param title the page title, e.g. {@code ope4j evaluate}
 * @param commandLine the command as typed
 * @param version the ope4j version
 * @param inputs the input files with their sizes and hashes
 * @param settings other things that fix the numbers (seeds, estimators, interval), in order
 * @param started when the command started
 * @param elapsed how long it took
 */
public record RunInfo(String title, String commandLine, String version, List<InputFile> inputs,
    Map<String, String> settings, Instant started, Duration elapsed) {

  public RunInfo {
    inputs = List.copyOf(inputs);
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }
}
