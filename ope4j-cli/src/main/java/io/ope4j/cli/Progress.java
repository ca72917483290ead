package io.ope4j.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * A one-line progress counter on stderr, shown only on an interactive terminal and at most
 * twice a second; silent when output is piped or redirected.
 */
final class Progress implements LongConsumer, AutoCloseable {

  private final PrintWriter err;
  private final String unit;
  private final boolean enabled;
  private long lastPrint;
  private boolean printed;

  private Progress(PrintWriter err, String unit, boolean enabled) {
    this.err = err;
    this.unit = unit;
    this.enabled = enabled;
  }

  static Progress onTerminal(PrintWriter err, String unit) {
    return new Progress(err, unit, System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public void accept(long count) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint > 500_000_000L) {
      err.print(String.format("\r%,d %s", count, unit));
      err.flush();
      lastPrint = now;
      printed = true;
    }
  }

  @Override
  public void close() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
