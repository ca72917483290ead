package io.ope4j.io;

import io.ope4j.data.UsageException;
import java.util.Locale;

/** The file formats a log can be read from; {@link #AUTO} tells them apart by content. */
public enum InputFormat {
  /**
   * By content: Parquet's magic bytes {@code PAR1} (or a directory of part files), else, after
   * undoing gzip if its magic bytes come first, JSON Lines if the first non-blank byte is {@code
   * {}, else CSV. File names play no part.
   */
  AUTO,
  /** Comma-separated with a header line, plain or gzip. */
  CSV,
  /** A Parquet file, or a directory of Parquet part files with the same columns. */
  PARQUET,
  /** One JSON object per line, plain or gzip. */
  JSONL;

  /**
   * Parses {@code auto}, {@code csv}, {@code parquet} or {@code jsonl} (any case).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static InputFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new UsageException(
          "unknown input format '" + name + "': use auto, csv, parquet or jsonl");
    }
  }
}
