package io.ope4j.io;

import io.ope4j.data.UsageException;

/**
 * The names of a bandit log's optional columns (formats.md, "Several loggers" and "Action
 * embeddings"), each read only when the file has it.
 *
 * @param logger which logging policy produced the row: any text or integer label; default
 *     {@code logger}
 * @param pscoreAvg the loggers' mixture probability of the logged action, {@code pi_avg(a_i|x_i)},
 *     in (0, 1]; default {@code pscore_avg}
 * @param embeddingPrefix prefix of the observed embedding's categories, {@code e_0 .. e_{D-1}},
 *     integers >= 0; default {@code e_}
 * @param behaviorPrefix prefix of the behaviour policy's probability of every action, {@code
 *     pscore_0 .. pscore_{K-1}}; default {@code pscore_}
 */
public record ExtraColumnNames(String logger, String pscoreAvg, String embeddingPrefix, String behaviorPrefix)
    implements java.io.Serializable {

  /** The formats.md names. */
  public static final ExtraColumnNames DEFAULT = new ExtraColumnNames("logger", "pscore_avg", "e_", "pscore_");

  public ExtraColumnNames {
    for (String name : new String[] {logger, pscoreAvg, embeddingPrefix, behaviorPrefix}) {
      if (name == null || name.isEmpty()) {
        throw new UsageException("an optional column name must be non-empty, got '" + name + "'");
      }
    }
  }

  public ExtraColumnNames withLogger(String column) {
    return new ExtraColumnNames(column, pscoreAvg, embeddingPrefix, behaviorPrefix);
  }

  public ExtraColumnNames withPscoreAvg(String column) {
    return new ExtraColumnNames(logger, column, embeddingPrefix, behaviorPrefix);
  }

  public ExtraColumnNames withEmbeddingPrefix(String prefix) {
    return new ExtraColumnNames(logger, pscoreAvg, prefix, behaviorPrefix);
  }

  public ExtraColumnNames withBehaviorPrefix(String prefix) {
    return new ExtraColumnNames(logger, pscoreAvg, embeddingPrefix, prefix);
  }
}
