package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

  @TempDir Path dir;

  private static final String CSV =
      "action,reward,pscore,pi,note\n0,1,0.5,0.25,\"a, b\"\n1,0,0.25,0.5,c\n";

  @Test
  void stdin_toJsonLines_andBackToCsv_keepsColumnsTypesAndText() throws IOException {
    Path jsonl = dir.resolve("logs.jsonl");
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("convert", "--data", "-", "--to", "jsonl", "-o", jsonl.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("wrote 2 rows to " + jsonl);
    } finally {
      System.setIn(original);
    }
    assertThat(Files.readString(jsonl)).isEqualTo(
        "{\"action\":0,\"reward\":1,\"pscore\":0.5,\"pi\":0.25,\"note\":\"a, b\"}\n"
            + "{\"action\":1,\"reward\":0,\"pscore\":0.25,\"pi\":0.5,\"note\":\"c\"}\n");
    Path back = dir.resolve("back.csv");
    CliRun run = CliRun.of("convert", "--data", jsonl.toString(), "--to", "csv", "-o", back.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(back)).isEqualTo(CSV);
  }

  @Test
  void badTarget_orGzipParquet_isAUsageError() throws IOException {
    Path csv = Files.writeString(dir.resolve("logs.csv"), CSV);
    CliRun xml = CliRun.of("convert", "--data", csv.toString(), "--to", "xml", "-o", dir.resolve("x").toString());
    assertThat(xml.exitCode()).isEqualTo(2);
    assertThat(xml.err()).contains("--to must be csv, parquet or jsonl, got 'xml'");
    CliRun gz = CliRun.of("convert", "--data", csv.toString(), "--to", "parquet", "-o",
        dir.resolve("x.parquet.gz").toString());
    assertThat(gz.exitCode()).isEqualTo(2);
    assertThat(gz.err()).contains("Parquet is compressed inside: name the output x.parquet (without .gz)");
  }
}
