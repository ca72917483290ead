package io.ope4j.ct;

import java.io.IOException;
import java.util.List;

/**
 * Sampled paths read in order, a block of whole paths at a time (e.g. a CSV file). One pass.
 */
public interface PathSource extends AutoCloseable {

  /** Name for messages (the file name). */
  String name();

  /** Names of the state columns, e.g. {@code [x]} or {@code [x_price, x_volume]}. */
  List<String> stateNames();

  /**
   * Clears {@code block} and fills it with the next whole paths (at least one, about {@code
   * targetRows} rows).
   *
   * @return false when no path is left
   */
  boolean next(PathBlock block, int targetRows) throws IOException;

  @Override
  void close() throws IOException;
}
