package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a bandit log in any format; shorthands for {@link LogInput}. */
public final class LogReaders {

  private LogReaders() {}

  /**
   * Opens {@code path}, its format told by content (see {@link InputFormat#AUTO}).
   *
   * @throws InvalidDataException if the input does not fit its format or {@code options}
   * @throws IOException if the input cannot be read
   */
  public static BanditLogReader open(Path path, LogReadOptions options) throws IOException {
    return LogInput.of(path, InputFormat.AUTO).open(options);
  }

  /**
   * Opens {@code pathOrDash} ({@code -} for standard input) in {@code format}.
   *
   * @throws InvalidDataException if the input does not fit its format or {@code options}
   * @throws IOException if the input cannot be read
   */
  public static BanditLogReader open(String pathOrDash, InputFormat format,
      LogReadOptions options) throws IOException {
    return LogInput.of(pathOrDash, format).open(options);
  }
}
