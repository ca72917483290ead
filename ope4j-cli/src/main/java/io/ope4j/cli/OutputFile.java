package io.ope4j.cli;

import io.ope4j.data.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The check of a file a command will write, made before any work. */
final class OutputFile {

  private OutputFile() {}

  /**
   * @param option the option that names the file, for the message
   * @throws UsageException if {@code file} is a directory or its directory does not exist
   */
  static void check(String option, Path file) {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " " + file + " is a directory: give the name of a file to write");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException(option + " " + file + ": there is no directory " + parent + " to write it in");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new UsageException(option + " " + file + ": the file cannot be written (permission denied)");
    }
  }
}
