package io.ope4j.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
