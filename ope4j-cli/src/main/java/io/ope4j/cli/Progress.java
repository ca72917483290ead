package io.ope4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (me.tongfei:progressbar): the count, and with a known total the
 * percentage and the time left, with the rate. Shown only on an interactive terminal, never under
 * {@code CI} or {@code --quiet}; it never writes to stdout, and it clears its line when done.
 */
final class Progress implements LongConsumer, AutoCloseable {

  private static volatile boolean quiet;

  private final ProgressBar bar;
  /** The thread that moves the bar by itself ({@link #pollingFile}), or null. */
  private final Thread poller;
  /** Where the bar's position comes from instead of the count it is told, or null. */
  private final java.util.function.LongSupplier position;

  private Progress(ProgressBar bar) {
    this(bar, null);
  }

  private Progress(ProgressBar bar, java.util.function.LongSupplier position) {
    this(bar, position, null);
  }

  private Progress(ProgressBar bar, java.util.function.LongSupplier position, Thread poller) {
    this.bar = bar;
    this.position = position;
    this.poller = poller;
  }

  /** {@code --quiet}: no progress for the rest of this command line. */
  static void setQuiet(boolean silent) {
    quiet = silent;
  }

  /** A counter of {@code unit} without a known total (rate and elapsed time, no time left). */
  static Progress onTerminal(PrintWriter err, String unit) {
    return onTerminal(err, unit, -1);
  }

  /**
   * A bar over the bytes of a log file, whatever it is told (the rows read): its total is the file's
   * size in MiB, so it shows the time left. A counter of rows for standard input, directories and
   * Parquet, whose bytes are not followed.
   */
  static Progress ofFile(PrintWriter err, io.ope4j.io.LogInput input) throws java.io.IOException {
    long size = input.sizeBytes();
    if (size <= 0 || input.resolveFormat() == io.ope4j.io.InputFormat.PARQUET) {
      return onTerminal(err, "rows read");
    }
    return new Progress(onTerminal(err, "MiB read", Math.max(1, size >> 20)).bar, () -> input.bytesRead() >> 20);
  }

  /**
   * A bar over the MiB of a log read in {@code passes} passes (-1 when not known: then a counter),
   * for work that does not report its rows: a daemon thread polls {@link
   * io.ope4j.io.LogInput#bytesRead} twice a second, adding up the passes (a drop in the count is a
   * new pass). A no-op off a terminal and for inputs whose bytes are not followed.
   */
  static Progress pollingFile(PrintWriter err, io.ope4j.io.LogInput input, int passes)
      throws java.io.IOException {
    long size = input.sizeBytes();
    if (size <= 0 || input.resolveFormat() == io.ope4j.io.InputFormat.PARQUET) {
      return new Progress(null);
    }
    long total = passes > 0 ? Math.max(1, (passes * size) >> 20) : -1;
    Progress shown = onTerminal(err, "MiB read", total);
    if (shown.bar == null) {
      return shown;
    }
    long[] earlier = {0, 0}; // bytes of the passes done, and the count seen last
    java.util.function.LongSupplier read = () -> {
      long now = input.bytesRead();
      if (now < earlier[1]) {
        earlier[0] += earlier[1];
      }
      earlier[1] = now;
      return (earlier[0] + now) >> 20;
    };
    Thread poller = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          shown.bar.stepTo(read.getAsLong());
          Thread.sleep(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ope4j-progress");
    poller.setDaemon(true);
    poller.start();
    return new Progress(shown.bar, null, poller);
  }

  private static final long POLL_MILLIS = 250;

  /** A bar towards {@code total} {@code unit}s: percentage, rate and time left. */
  static Progress onTerminal(PrintWriter err, String unit, long total) {
    if (quiet || !stderrIsTerminal() || System.getenv("CI") != null) {
      return new Progress(null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("ope4j " + unit)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setConsumer(new LineConsumer(err))
        .clearDisplayOnFinish()
        .build();
    return new Progress(bar);
  }

  /**
   * Whether stderr is a terminal, so that {@code ope4j evaluate ... > out.csv} still shows the bar:
   * on Linux from the file descriptor's link; elsewhere, Java's console (stdin and stdout).
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  @Override
  public void accept(long count) {
    if (bar != null) {
      bar.stepTo(position == null ? count : position.getAsLong());
    }
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.interrupt();
      try {
        poller.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (bar != null) {
      bar.close();
    }
  }

  /** Bars of a command's stages, one after another on the same line (see {@link Stages}). */
  static Stages stages(PrintWriter err) {
    return new Stages(err);
  }

  /**
   * Stages shown one at a time (fitting, then reading): a stage's bar appears at its first count
   * and closes the bar of the stage before, so that two bars never share the line.
   */
  static final class Stages implements AutoCloseable {
    private final PrintWriter err;
    private Progress current = new Progress(null);

    private Stages(PrintWriter err) {
      this.err = err;
    }

    /** The stage of {@code unit}s towards {@code total} (-1 when unknown); call it with the count so far. */
    LongConsumer stage(String unit, long total) {
      Progress[] mine = {null};
      return count -> {
        synchronized (this) {
          if (mine[0] == null) {
            current.close();
            current = mine[0] = onTerminal(err, unit, total);
          }
          mine[0].accept(count);
        }
      };
    }

    @Override
    public synchronized void close() {
      current.close();
    }
  }

  /** Redraws one line of stderr; its width is the terminal's ({@code COLUMNS}) or 100. */
  private static final class LineConsumer implements ProgressBarConsumer {
    private final PrintWriter err;

    LineConsumer(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int getMaxRenderedLength() {
      try {
        return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")) - 1);
      } catch (NumberFormatException e) {
        return 99;
      }
    }

    @Override
    public void accept(String rendered) {
      err.print('\r' + rendered);
      err.flush();
    }

    @Override
    public void clear() {
      err.print("\r\033[K");
      err.flush();
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
