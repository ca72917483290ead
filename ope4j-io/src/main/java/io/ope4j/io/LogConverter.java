package io.ope4j.io;

import io.ope4j.data.UsageException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.NumberParser;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes any log (any {@link TableReader} format) in another format with the same columns, in
 * the same order, row for row: CSV, Parquet or JSON Lines; CSV and JSON Lines are gzip-compressed
 * when the output name ends with {@code .gz}, Parquet is compressed inside (snappy) and cut
 * into row groups of {@value ParquetLogWriter#ROWS_PER_GROUP} rows, decoded in parallel by
 * {@link ParquetLogReader}.
 *
 * <p>The input is read twice: once to give each column a type, once to write. A column whose
 * every value is an integer (as the CSV reader reads integers) becomes a 64-bit integer column,
 * else one whose every value is a number a double column, else a string column. Numbers keep
 * their exact value, so every reader reads the converted log as it read the original, and the
 * estimates are the same to the bit.
 */
public final class LogConverter {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private LogConverter() {}

  /**
   * Converts {@code input} to {@code output} in format {@code to}.
   *
   * @param input a reopenable input (see {@link LogInput#reopenable()})
   * @return the number of data rows written
   * @throws IllegalArgumentException if {@code to} is {@link InputFormat#AUTO}, or Parquet with
   *     a {@code .gz} name
   * @throws InvalidDataException if the input cannot be read as its format
   * @throws IOException on a read or write failure
   */
  public static long convert(LogInput input, Path output, InputFormat to) throws IOException {
    return convert(input, output, to, ProgressStages.NONE);
  }

  /** Rows between two progress reports. */
  private static final long REPORT_EVERY = 1 << 16;

  /**
   * As {@link #convert(LogInput, Path, InputFormat)}, reporting progress: {@code stages} is
   * called once per pass ({@code "rows scanned"} with an unknown total, -1, then {@code "rows
   * written"} with the scanned count) and returns what to tell the count so far.
   */
  public static long convert(LogInput input, Path output, InputFormat to, ProgressStages stages) throws IOException {
    return convert(input, output, to, stages, ParquetLogWriter.ROWS_PER_GROUP);
  }

  /**
   * As {@link #convert(LogInput, Path, InputFormat, ProgressStages)}, with Parquet row groups of at
   * most {@code rowsPerGroup} rows (other formats ignore it).
   *
   * @throws IllegalArgumentException if rowsPerGroup is below 1
   */
  public static long convert(LogInput input, Path output, InputFormat to, ProgressStages stages, int rowsPerGroup)
      throws IOException {
    if (rowsPerGroup < 1) {
      throw new UsageException("rows per row group must be at least 1, got " + rowsPerGroup);
    }
    boolean gzip = output.getFileName() != null
        && output.getFileName().toString().endsWith(".gz");
    if (to == InputFormat.AUTO) {
      throw new UsageException("give the output format: csv, parquet or jsonl");
    }
    if (to == InputFormat.PARQUET && gzip) {
      throw new UsageException("Parquet is compressed inside: name the output "
          + output.getFileName().toString().replaceFirst("\\.gz$", "") + " (without .gz)");
    }
    long[] scanned = {0};
    TableReader.Kind[] kinds = columnKinds(input, stages.stage("rows scanned", -1), scanned);
    java.util.function.LongConsumer progress = stages.stage("rows written", scanned[0]);
    try (TableReader table = openAllColumns(input, TableReader.Kind.TEXT);
        RowWriter writer = RowWriter.open(to, output, gzip, table.header(), kinds, rowsPerGroup)) {
      long rows = 0;
      while (table.nextRow()) {
        for (int c = 0; c < kinds.length; c++) {
          writer.write(c, table.text(c));
        }
        writer.endRow();
        if (++rows % REPORT_EVERY == 0) {
          progress.accept(rows);
        }
      }
      progress.accept(rows);
      return rows;
    }
  }

  /** The narrowest kind that holds every value of each column. */
  private static TableReader.Kind[] columnKinds(LogInput input, java.util.function.LongConsumer progress, long[] rows)
      throws IOException {
    try (TableReader table = openAllColumns(input, TableReader.Kind.TEXT)) {
      TableReader.Kind[] kinds = new TableReader.Kind[table.header().size()];
      Arrays.fill(kinds, TableReader.Kind.INTEGER);
      while (table.nextRow()) {
        for (int c = 0; c < kinds.length; c++) {
          if (kinds[c] != TableReader.Kind.TEXT) {
            kinds[c] = widen(kinds[c], table.text(c));
          }
        }
        if (++rows[0] % REPORT_EVERY == 0) {
          progress.accept(rows[0]);
        }
      }
      progress.accept(rows[0]);
      return kinds;
    }
  }

  private static TableReader.Kind widen(TableReader.Kind kind, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (kind == TableReader.Kind.INTEGER
        && NumberParser.parseInteger(bytes, 0, bytes.length) != NumberParser.NOT_AN_INTEGER) {
      return kind;
    }
    try {
      NumberParser.parseDouble(bytes, 0, bytes.length);
      return TableReader.Kind.NUMBER;
    } catch (NumberFormatException notANumber) {
      return TableReader.Kind.TEXT;
    }
  }

  private static TableReader openAllColumns(LogInput input, TableReader.Kind kind)
      throws IOException {
    TableReader table = input.openTable();
    int[] all = new int[table.header().size()];
    TableReader.Kind[] kinds = new TableReader.Kind[all.length];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
      kinds[c] = kind;
    }
    table.select(all, kinds);
    return table;
  }

  /** One output format: cells by column index, as text of their column's kind. */
  private interface RowWriter extends Closeable {
    void write(int column, String text) throws IOException;

    void endRow() throws IOException;

    static RowWriter open(InputFormat to, Path output, boolean gzip, List<String> header,
        TableReader.Kind[] kinds, int rowsPerGroup) throws IOException {
      return switch (to) {
        case CSV -> new CsvRows(CsvLogWriter.open(output, header));
        case JSONL -> new JsonRows(output, gzip, header, kinds);
        case PARQUET -> new ParquetRows(output, header, kinds, rowsPerGroup);
        case AUTO -> throw new UsageException("no output format");
      };
    }
  }

  private static long parseLong(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return NumberParser.parseInteger(bytes, 0, bytes.length);
  }

  private static double parseDouble(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return NumberParser.parseDouble(bytes, 0, bytes.length);
  }

  /** CSV: every cell's text as read (numbers keep their digits). */
  private record CsvRows(CsvLogWriter out) implements RowWriter {
    @Override
    public void write(int column, String text) throws IOException {
      out.writeText(text);
    }

    @Override
    public void endRow() throws IOException {
      out.endRow();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** JSON Lines: one object per row, numbers as JSON numbers, text as strings. */
  private static final class JsonRows implements RowWriter {
    private final JsonGenerator json;
    private final List<String> header;
    private final TableReader.Kind[] kinds;

    JsonRows(Path output, boolean gzip, List<String> header, TableReader.Kind[] kinds)
        throws IOException {
      OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
      this.json = JSON.createGenerator(gzip ? new GZIPOutputStream(file, 1 << 16) : file);
      this.json.setRootValueSeparator(null);
      this.header = header;
      this.kinds = kinds;
    }

    @Override
    public void write(int column, String text) throws IOException {
      if (column == 0) {
        json.writeStartObject();
      }
      json.writeFieldName(header.get(column));
      switch (kinds[column]) {
        case INTEGER -> json.writeNumber(parseLong(text));
        case NUMBER -> json.writeNumber(parseDouble(text));
        default -> json.writeString(text);
      }
    }

    @Override
    public void endRow() throws IOException {
      json.writeEndObject();
      json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      json.close();
    }
  }

  /** Parquet: one required column per input column, INT64, DOUBLE or UTF-8 string ({@link ParquetLogWriter}). */
  private static final class ParquetRows implements RowWriter {
    private final ParquetLogWriter writer;
    private final TableReader.Kind[] kinds;

    ParquetRows(Path output, List<String> header, TableReader.Kind[] kinds, int rowsPerGroup) throws IOException {
      this.writer = ParquetLogWriter.open(output, header, kinds, rowsPerGroup);
      this.kinds = kinds;
    }

    @Override
    public void write(int column, String text) {
      switch (kinds[column]) {
        case INTEGER -> writer.writeLong(parseLong(text));
        case NUMBER -> writer.writeDouble(parseDouble(text));
        default -> writer.writeText(text);
      }
    }

    @Override
    public void endRow() throws IOException {
      writer.endRow();
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}
