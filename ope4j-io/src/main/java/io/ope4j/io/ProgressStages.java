package io.ope4j.io;

import java.util.function.LongConsumer;

/**
 * Where long work reports how far it is, stage by stage (e.g. a conversion's scan then write, a
 * Spark job's stages): {@link #stage} is called when a stage starts and returns what to tell the
 * count so far. The command line draws these as progress bars; a library caller may ignore them.
 */
@FunctionalInterface
public interface ProgressStages {

  /** Reports nothing. */
  ProgressStages NONE = (unit, total) -> count -> { };

  /**
   * A stage counting {@code unit}s towards {@code total}.
   *
   * @param total the count at which the stage is done, or -1 when unknown
   */
  LongConsumer stage(String unit, long total);
}
