package io.ope4j.cli;

import io.ope4j.data.UsageException;
import picocli.CommandLine.Option;

/** {@code --threads}: the worker threads of a command; its output never depends on it. */
final class ThreadsOption implements Preflight {

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all cores). The output does not depend on it.")
  Integer threads;

  @Override
  public void check() {
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be at least 1, got " + threads);
    }
  }

  /** The chosen count, or the number of cores. */
  int count() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
