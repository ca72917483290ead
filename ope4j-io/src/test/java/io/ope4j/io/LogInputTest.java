package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point: formats told by content or as asked, standard input, reading twice. */
class LogInputTest {

  @TempDir Path dir;

  private static final String CSV = "action,reward,pscore,pi\n0,1,0.5,0.25\n1,0,0.25,0.5\n";

  private Path csv() throws IOException {
    return Files.writeString(dir.resolve("logs.csv"), CSV);
  }

  @Test
  void formats_areToldByContent_notByName() throws IOException {
    Path csv = csv();
    Path parquet = dir.resolve("logs.data");
    LogConverter.convert(LogInput.of(csv, InputFormat.AUTO), parquet, InputFormat.PARQUET);
    Path jsonl = dir.resolve("logs.txt");
    LogConverter.convert(LogInput.of(csv, InputFormat.AUTO), jsonl, InputFormat.JSONL);
    Path jsonlGz = dir.resolve("logs.jsonl.gz");
    LogConverter.convert(LogInput.of(csv, InputFormat.AUTO), jsonlGz, InputFormat.JSONL);
    Files.writeString(jsonl, "\n  \n" + Files.readString(jsonl)); // blank lines before the first object

    for (Path file : List.of(csv, parquet, jsonl, jsonlGz)) {
      try (BanditLogReader reader = LogInput.of(file.toString()).open(LogReadOptions.defaults())) {
        assertThat(read(reader)).as(file.toString()).containsExactly(0.25, 0.5);
      }
    }
    assertThat(LogInput.of(parquet.toString()).openTable().format()).isEqualTo(InputFormat.PARQUET);
    assertThat(LogInput.of(jsonlGz.toString()).openTable().format()).isEqualTo(InputFormat.JSONL);
  }

  @Test
  void explicitFormat_overridesDetection() throws IOException {
    Path jsonl = dir.resolve("logs.jsonl");
    LogConverter.convert(LogInput.of(csv(), InputFormat.AUTO), jsonl, InputFormat.JSONL);
    assertThatThrownBy(() -> LogInput.of(jsonl.toString(), InputFormat.CSV).open(LogReadOptions.defaults()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(jsonl + " header, field 2: text after the closing quote"); // read as CSV
    assertThatThrownBy(() -> LogInput.of(dir.toString(), InputFormat.CSV).openTable())
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> InputFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown input format 'xml': use auto, csv, parquet or jsonl");
  }

  @Test
  void stdin_reopenable_isSpooledOnce_andDeletedOnClose() throws IOException {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(CSV.getBytes()));
      Path spool;
      try (LogInput input = LogInput.of("-").reopenable()) {
        for (int pass = 0; pass < 2; pass++) {
          try (BanditLogReader reader = input.open(LogReadOptions.defaults())) {
            assertThat(reader.source()).isEqualTo("<stdin>");
            assertThat(read(reader)).containsExactly(0.25, 0.5);
          }
        }
        spool = spoolHolding(CSV.getBytes());
        assertThat(spool).exists();
      }
      assertThat(spool).doesNotExist();
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void parquetFromStdin_isCopiedToATemporaryFile_deletedWhenTheReaderCloses() throws IOException {
    Path parquet = dir.resolve("logs.parquet");
    LogConverter.convert(LogInput.of(csv(), InputFormat.AUTO), parquet, InputFormat.PARQUET);
    InputStream original = System.in;
    byte[] bytes = Files.readAllBytes(parquet);
    try {
      System.setIn(new ByteArrayInputStream(bytes));
      Path spool;
      try (BanditLogReader reader = LogInput.of("-").open(LogReadOptions.defaults())) {
        assertThat(reader.format()).isEqualTo(InputFormat.PARQUET);
        assertThat(read(reader)).containsExactly(0.25, 0.5);
        spool = spoolHolding(bytes);
      }
      assertThat(spool).doesNotExist();
    } finally {
      System.setIn(original);
    }
  }

  /** The copy of standard input holding {@code bytes} (other runs may have copies too). */
  private static Path spoolHolding(byte[] bytes) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      List<Path> copies = files.filter(f -> f.getFileName().toString().startsWith("ope4j-stdin-"))
          .filter(f -> java.util.Arrays.equals(readOrEmpty(f), bytes)).toList();
      assertThat(copies).hasSize(1);
      return copies.get(0);
    }
  }

  private static byte[] readOrEmpty(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException gone) {
      return new byte[0];
    }
  }

  /** The policy's probabilities of the logged actions, in row order. */
  private static List<Double> read(BanditLogReader reader) throws IOException {
    BanditBatch batch = reader.newBatch();
    List<Double> pi = new java.util.ArrayList<>();
    while (reader.next(batch)) {
      for (int i = 0; i < batch.size(); i++) {
        pi.add(batch.piLogged(0)[i]);
      }
    }
    return pi;
  }
}
