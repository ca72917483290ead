package io.ope4j.io;

import io.ope4j.data.BatchSource;
import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens a bandit log file with the reader its content calls for: Parquet or CSV. */
public final class LogReaders {

  private LogReaders() {}

  /**
   * Opens {@code path}: a Parquet file (recognised by its magic bytes, whatever its name) with
   * {@link ParquetLogReader}, anything else with {@link CsvLogReader} (plain or gzip).
   *
   * @throws InvalidDataException if the file does not fit {@code options}, or is a directory
   * @throws IOException if the file cannot be read
   */
  public static BatchSource open(Path path, LogReadOptions options) throws IOException {
    if (Files.isDirectory(path)) {
      throw new InvalidDataException(path.toString(), -1, null, "is a directory; the local "
          + "engine reads one file (CSV or Parquet): give one part file, or read the whole "
          + "directory with --engine spark");
    }
    return isParquet(path)
        ? ParquetLogReader.open(path, options) : CsvLogReader.open(path, options);
  }

  /** Whether the file starts with Parquet's magic bytes {@code PAR1}. */
  public static boolean isParquet(Path path) throws IOException {
    byte[] head = new byte[ParquetLogReader.MAGIC.length];
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && Arrays.equals(head, ParquetLogReader.MAGIC);
    }
  }
}
