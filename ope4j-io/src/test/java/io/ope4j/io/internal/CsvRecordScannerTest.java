package io.ope4j.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record splitting, checked for every buffer size from the minimum up, so that every field,
 * quote, doubled quote and line end lands on a buffer boundary somewhere.
 */
class CsvRecordScannerTest {

  @Test
  void splitsRecords_whateverTheBufferSize() throws IOException {
    String csv = "\uFEFFa,\"b,c\",d\r\n"
        + "\"say \"\"hi\"\"\",,\"\"\r\n"
        + "\"two\nlines\",x\"y,z\r\n"
        + "\n"
        + "\"\"\"\",\"\"\"\"\"\",end\r\n"
        + "ünï,cödé,\"\"\n"
        + "last,no,newline";
    List<List<String>> expected = List.of(
        List.of("a", "b,c", "d"),
        List.of("say \"hi\"", "", ""),
        List.of("two\nlines", "x\"y", "z"),
        List.of(""),
        List.of("\"", "\"\"", "end"),
        List.of("ünï", "cödé", ""),
        List.of("last", "no", "newline"));

    for (int bufferSize = 4; bufferSize <= csv.length() + 8; bufferSize++) {
      assertThat(records(csv, bufferSize)).as("buffer size %s", bufferSize).isEqualTo(expected);
    }
  }

  @Test
  void blankLines_areRecordsWithOneEmptyField_andCountInTheNumbering() throws IOException {
    CsvRecordScanner scanner = scanner("h\n\nx\r\n\r\n", 64);
    List<String> seen = new ArrayList<>();
    while (scanner.next()) {
      seen.add(scanner.record() + (scanner.isBlank() ? ":blank" : ":" + scanner.text(0)));
    }
    assertThat(seen).containsExactly("0:h", "1:blank", "2:x", "3:blank");
  }

  @Test
  void quotedEmptyField_isNotBlank() throws IOException {
    CsvRecordScanner scanner = scanner("\"\"\n", 64);
    assertThat(scanner.next()).isTrue();
    assertThat(scanner.isBlank()).isFalse();
    assertThat(scanner.text(0)).isEmpty();
  }

  @Test
  void finalCarriageReturnWithoutNewline_endsTheRecord() throws IOException {
    assertThat(records("a,\"b\"\r", 4)).containsExactly(List.of("a", "b"));
    assertThat(records("a,b\r", 4)).containsExactly(List.of("a", "b"));
  }

  @Test
  void longRecord_growsTheBuffer() throws IOException {
    String field = "x".repeat(10_000);
    assertThat(records(field + "," + field + "\nshort\n", 16))
        .containsExactly(List.of(field, field), List.of("short"));
  }

  /** Issue 10: a row of 60 MiB of commas took 1.2 GB; it is refused after a few MiB. */
  @Test
  void rowOfCommas_isRefusedAtTheFieldCap_withoutReadingItAll() {
    CommaStream commas = new CommaStream("action,reward\n", 60 << 20);
    CsvRecordScanner scanner =
        new CsvRecordScanner(commas, "commas.csv", CsvRecordScanner.DEFAULT_BUFFER_SIZE);
    assertThatThrownBy(() -> {
      while (scanner.next()) {
        // header, then the row of commas
      }
    }).isInstanceOf(InvalidDataException.class)
        .hasMessage("commas.csv row 1: row has more than 1048576 fields; is the separator a "
            + "comma? (raise the limit with -Dope4j.csv.maxColumns=N in OPE4J_JAVA_OPTS)");
    assertThat(commas.served).isLessThan(8L << 20);
  }

  @Test
  void limits_canBeChangedBySystemProperties() throws IOException {
    System.setProperty(CsvRecordScanner.MAX_FIELDS_PROPERTY, "3");
    System.setProperty(CsvRecordScanner.MAX_RECORD_PROPERTY, "16");
    try {
      assertThat(records("a,b,c\n1,2,3\n", 4)).hasSize(2);
      assertThatThrownBy(() -> records("a,b,c,d\n", 4))
          .hasMessageContaining("row has more than 3 fields");
      assertThatThrownBy(() -> records("a\n" + "x".repeat(40) + "\n", 4))
          .hasMessage("test.csv row 1: row is longer than 16 bytes; is this a CSV file with line"
              + " breaks? (raise the limit with -Dope4j.csv.maxRowBytes=N in OPE4J_JAVA_OPTS)");
      System.setProperty(CsvRecordScanner.MAX_FIELDS_PROPERTY, "many");
      assertThatThrownBy(() -> records("a\n", 4)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("system property ope4j.csv.maxColumns must be an integer in [1, 268435456],"
              + " got 'many'");
    } finally {
      System.clearProperty(CsvRecordScanner.MAX_FIELDS_PROPERTY);
      System.clearProperty(CsvRecordScanner.MAX_RECORD_PROPERTY);
    }
  }

  /** A header, then {@code commas} commas, made on the fly; counts the bytes served. */
  private static final class CommaStream extends InputStream {
    private final byte[] header;
    private final long total;
    long served;

    CommaStream(String header, long commas) {
      this.header = header.getBytes(StandardCharsets.US_ASCII);
      this.total = header.length() + commas;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served == total) {
        return -1;
      }
      int n = (int) Math.min(len, total - served);
      for (int i = 0; i < n; i++) {
        long at = served + i;
        b[off + i] = at < header.length ? header[(int) at] : (byte) ',';
      }
      served += n;
      return n;
    }
  }

  private static List<List<String>> records(String csv, int bufferSize) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvRecordScanner scanner = scanner(csv, bufferSize)) {
      while (scanner.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < scanner.fieldCount(); i++) {
          fields.add(scanner.text(i));
        }
        records.add(fields);
      }
    }
    return records;
  }

  private static CsvRecordScanner scanner(String csv, int bufferSize) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    return new CsvRecordScanner(new ByteArrayInputStream(bytes), "test.csv", bufferSize);
  }
}
