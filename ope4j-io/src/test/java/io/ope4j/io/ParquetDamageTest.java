package io.ope4j.io;

import static io.ope4j.io.ParquetFiles.Column.float64;
import static io.ope4j.io.ParquetFiles.Column.int64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.ParquetFiles.Column;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 10: every common codec reads; damage is an error naming file and place, never a value. */
class ParquetDamageTest {

  private static final List<Column> NARROW =
      List.of(int64("action"), float64("reward"), float64("pscore"), float64("pi"));

  /** A reward no other value of the file shares, to find its bytes in a data page. */
  private static final double MARKED_REWARD = 0.123456789012345;

  @TempDir Path dir;

  private static List<Object[]> rows(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double reward = i == n / 2 ? MARKED_REWARD : (i % 7) / 7.0;
      rows.add(new Object[] {(long) (i % 3), reward, 0.25 + (i % 3) / 4.0, (i % 5) / 5.0});
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4", "LZ4_RAW"})
  void everyCommonCodec_reads(CompressionCodecName codec) throws IOException {
    List<Object[]> rows = rows(3000);
    Path file = ParquetFiles.write(dir.resolve("logs.parquet"), NARROW, rows, 16 << 10, codec);
    try (ParquetLogReader reader = ParquetLogReader.open(file)) {
      LogTable table = LogTable.readAll(reader, 1000);
      assertThat(table.reward()).hasSize(3000);
      for (int i = 0; i < rows.size(); i++) {
        assertThat(table.reward()[i]).isEqualTo((double) rows.get(i)[1]);
      }
    }
  }

  @Test
  void flippedBitInADataPage_failsTheChecksum_insteadOfChangingTheValue() throws IOException {
    Path file = ParquetFiles.write(dir.resolve("logs.parquet"), NARROW, rows(200), 1 << 20,
        CompressionCodecName.UNCOMPRESSED);
    byte[] bytes = Files.readAllBytes(file);
    int at = ParquetFiles.offsetOf(bytes, MARKED_REWARD);
    bytes[at] ^= 1; // the lowest mantissa bit: still a valid double, just a different one
    Files.write(file, bytes);

    // The value sits in the column's dictionary page, read with the row group (column unknown).
    assertThatThrownBy(() -> readAll(file)).isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(file + ": row group 1 (rows 1-200): corrupt or unreadable Parquet"
            + " data (could not verify")
        .hasMessageEndingWith("CRC checksum verification failed)");
  }

  @Test
  void damagedFooter_isNotAReadableParquetFile() throws IOException {
    Path file = ParquetFiles.write(dir.resolve("logs.parquet"), NARROW, rows(50));
    byte[] bytes = Files.readAllBytes(file);
    int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4)
        .order(ByteOrder.LITTLE_ENDIAN).getInt();
    for (int i = bytes.length - 8 - footerLength; i < bytes.length - 8; i += 3) {
      bytes[i] = (byte) 0xff;
    }
    Files.write(file, bytes);

    assertThatThrownBy(() -> readAll(file)).isInstanceOf(InvalidDataException.class)
        .hasMessageStartingWith(file + ": not a readable Parquet file (")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reason_isOneLineWithoutObjectIds() {
    String reason = ParquetFailures.reason(new IllegalStateException(
        "bad page org.apache.parquet.column.page.DataPageV1@1b2c3d4e\nmessage schema {\n}"));
    assertThat(reason).isEqualTo(
        "IllegalStateException: bad page org.apache.parquet.column.page.DataPageV1");
    assertThat(ParquetFailures.reason(new NullPointerException("\"dataHeaderV1\" is null")))
        .isEqualTo("inconsistent metadata: NullPointerException");
  }

  @Test
  void thrownByLibrary_tellsParquetFailuresFromOurOwnBugs() {
    IllegalStateException ours = new IllegalStateException("a bug");
    assertThat(ParquetFailures.thrownByLibrary(ours)).isFalse();
    IllegalStateException library = new IllegalStateException("damaged");
    library.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.Objects", "requireNonNull", null, 1),
        new StackTraceElement("org.apache.parquet.Reader", "read", null, 1),
        new StackTraceElement("io.ope4j.io.ParquetLogReader", "next", null, 1)});
    assertThat(ParquetFailures.thrownByLibrary(library)).isTrue();
  }

  private static void readAll(Path file) throws IOException {
    try (ParquetLogReader reader = ParquetLogReader.open(file)) {
      LogTable.readAll(reader, 4096);
    }
  }
}
