package io.ope4j.io;

import java.io.Closeable;
import java.io.IOException;

/** Closing what an open that failed had already opened, without hiding the failure. */
final class Closing {

  private Closing() {}

  /** Closes {@code resource} (if not null), adding a failure to close to {@code failure}. */
  static void closeAfter(Throwable failure, Closeable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (IOException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }
}
