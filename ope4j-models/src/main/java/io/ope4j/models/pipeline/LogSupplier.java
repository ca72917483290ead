package io.ope4j.models.pipeline;

import io.ope4j.data.BatchSource;
import java.io.IOException;

/**
 * Opens the same log again each time it is called, from its first row: a model that must see
 * the data before predicting reads the log twice. Each call returns a new source, closed by the
 * caller.
 */
@FunctionalInterface
public interface LogSupplier {

  /**
   * A new source over the whole log.
   *
   * @throws IOException if the log cannot be read
   */
  BatchSource open() throws IOException;
}
