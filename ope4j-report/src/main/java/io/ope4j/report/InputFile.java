package io.ope4j.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input named in the report's header, so that a reader can check the file is the one meant.
 *
 * @param name the path as given
 * @param bytes its size, or -1 when not a regular file (standard input, a directory)
 * @param sha256 hex SHA-256 of its bytes, or null when not a regular file
 */
public record InputFile(String name, long bytes, String sha256) {

  /** Reads {@code path} once to hash it; a directory or standard input ({@code -}) is named only. */
  public static InputFile of(String path) throws IOException {
    if (path.equals("-") || !Files.isRegularFile(Path.of(path))) {
      return new InputFile(path, -1, null);
    }
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    long size = 0;
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    return new InputFile(path, size, HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
