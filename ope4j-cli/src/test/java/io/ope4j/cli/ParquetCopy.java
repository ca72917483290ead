package io.ope4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Test helper: the same log as a plain numeric CSV file and as Parquet (action, position int64; the rest double). */
final class ParquetCopy {

  private ParquetCopy() {}

  static Path of(Path csv, Path parquet) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",");
    StringBuilder schema = new StringBuilder("message log {");
    for (String column : header) {
      schema.append(isInteger(column) ? " required int64 " : " required double ").append(column).append(';');
    }
    MessageType type = MessageTypeParser.parseMessageType(schema.append(" }").toString());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(parquet))
        .withConf(new PlainParquetConfiguration()).withType(type).build()) {
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",");
        Group row = groups.newGroup();
        for (int c = 0; c < header.length; c++) {
          if (isInteger(header[c])) {
            row.append(header[c], Long.parseLong(fields[c]));
          } else {
            row.append(header[c], Double.parseDouble(fields[c]));
          }
        }
        writer.write(row);
      }
    }
    return parquet;
  }

  private static boolean isInteger(String column) {
    return column.equals("action") || column.equals("position");
  }
}
