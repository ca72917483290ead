package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogWriterTest {

  @TempDir Path directory;

  @Test
  void writesHeaderIntsWithoutPointAndDoublesAsDoubleToString() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvLogWriter out = CsvLogWriter.to(bytes, List.of("action", "reward", "pscore"))) {
      out.writeInt(3).writeDouble(1).writeDouble(0.25).endRow();
      out.writeInt(-7).writeDouble(-0.0).writeDouble(1e-5).endRow();
      out.writeLong(Long.MIN_VALUE).writeDouble(Double.NaN).writeDouble(12345678.0).endRow();
      out.writeInt(0).writeDouble(-2.0).writeDouble(Double.NEGATIVE_INFINITY).endRow();
      assertThat(out.rowsWritten()).isEqualTo(4);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("action,reward,pscore\n"
        + "3,1.0,0.25\n"
        + "-7,-0.0,1.0E-5\n"
        + "-9223372036854775808,NaN,1.2345678E7\n"
        + "0,-2.0,-Infinity\n");
  }

  @Test
  void doublesRoundTripExactly_throughTheReader() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    double[] values = new double[20_000];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvLogWriter out = CsvLogWriter.to(bytes, List.of("action", "reward", "pscore", "pi"))) {
      for (int i = 0; i < values.length; i++) {
        values[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15);
        out.writeInt(i).writeDouble(values[i]).writeDouble(1.0).writeDouble(0.5).endRow();
      }
    }

    LogTable table = LogTable.read(bytes.toByteArray(), LogReadOptions.defaults(), 1 << 16);

    assertThat(table.reward()).isEqualTo(values);
    for (int i = 0; i < values.length; i++) {
      assertThat(table.action()[i]).isEqualTo(i);
    }
  }

  @Test
  void gzipWhenTheNameEndsWithGz() throws IOException {
    Path gz = directory.resolve("sim.csv.gz");
    Path plain = directory.resolve("sim.csv");
    for (Path path : List.of(gz, plain)) {
      try (CsvLogWriter out = CsvLogWriter.open(path, List.of("a", "b"))) {
        out.writeInt(1).writeDouble(0.5).endRow();
      }
    }

    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,0.5\n");
    }
    assertThat(Files.readString(plain)).isEqualTo("a,b\n1,0.5\n");
  }

  @Test
  void headerNamesWithSpecialCharactersAreQuoted_andReadBack() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> columns = List.of("action", "reward", "pscore", "pi", "a,b", "say \"x\"");
    try (CsvLogWriter out = CsvLogWriter.to(bytes, columns)) {
      out.writeInt(0).writeInt(1).writeDouble(0.5).writeDouble(0.5).writeInt(2).writeInt(3)
          .endRow();
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("action,reward,pscore,pi,\"a,b\",\"say \"\"x\"\"\"\n");
    try (CsvLogReader reader = CsvLogReader.open(
        new java.io.ByteArrayInputStream(bytes.toByteArray()), "w.csv",
        LogReadOptions.defaults())) {
      assertThat(reader.header()).isEqualTo(columns);
    }
  }

  @Test
  void longRows_spanManyBufferFlushes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> columns = new java.util.ArrayList<>();
    for (int c = 0; c < 5000; c++) {
      columns.add("c" + c);
    }
    try (CsvLogWriter out = CsvLogWriter.to(bytes, columns)) {
      for (int c = 0; c < 5000; c++) {
        out.writeDouble(Math.PI * c);
      }
      out.endRow();
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    String[] cells = lines[1].split(",");
    assertThat(cells).hasSize(5000);
    assertThat(Double.parseDouble(cells[4999])).isEqualTo(Math.PI * 4999);
  }

  @Test
  void misuseIsReported() throws IOException {
    CsvLogWriter out = CsvLogWriter.to(new ByteArrayOutputStream(), List.of("a", "b"));
    out.writeInt(1);
    assertThatThrownBy(out::endRow).isInstanceOf(IllegalStateException.class)
        .hasMessage("row 1 has 1 cells, expected 2");
    out.writeInt(2);
    assertThatThrownBy(() -> out.writeInt(3)).isInstanceOf(IllegalStateException.class)
        .hasMessage("row 1 already has 2 cells; call endRow()");
    out.endRow();
    out.writeInt(1);
    assertThatThrownBy(out::close).isInstanceOf(IllegalStateException.class)
        .hasMessage("closed in the middle of row 2");
    assertThatThrownBy(() -> out.writeInt(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CsvLogWriter.to(new ByteArrayOutputStream(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
