package io.ope4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ope4j.data.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines as a {@link TableReader}: one JSON object per line, e.g. {@code {"action": 3,
 * "reward": 0, "pscore": 0.25, "pi": 0.5}}. The header is the keys of the first object, in
 * order. Every row must give each selected column a value (a missing key or {@code null} is an
 * error, as is a key given twice); keys not selected are skipped whatever their value, like
 * unused CSV columns. Numbers are read by Jackson's streaming parser, exactly as {@link
 * Double#parseDouble} reads their text; a number column holding a string, a boolean, an object or
 * an array is an error naming row and column. An integer column holding a fraction ({@code 1.5},
 * {@code 1.0}) reads as NaN, so the schema's check rejects it as in CSV. Rows are numbered from 1
 * in object order; whitespace (blank lines included) between objects is allowed.
 *
 * <p>Parsing streams: no tree and no object per value, except the text of {@code TEXT} columns.
 */
final class JsonLinesTable extends TableBase {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final JsonParser parser;

  /** Selected column by key, its slot in the arrays below. */
  private final Map<String, Integer> slots = new HashMap<>();
  private boolean[] seen = new boolean[0];
  /** Whether the slot's current value was written as an integer (how messages show it). */
  private boolean[] integerToken = new boolean[0];

  private JsonLinesTable(String source, List<String> header, JsonParser parser) {
    super(source, header);
    this.parser = parser;
  }

  /**
   * Reads the keys of the first object of {@code in} (already decompressed); the table owns the
   * stream and closes it on {@link #close()} or when opening fails.
   *
   * @throws InvalidDataException if the input holds no object, or its first line is not one
   */
  static JsonLinesTable open(InputStream in, String source) throws IOException {
    JsonParser parser = null;
    try {
      byte[] firstLine = readFirstLine(in);
      if (firstLine.length == 0) {
        throw new InvalidDataException(source, -1, null, "empty file (no JSON object)");
      }
      List<String> header = keys(firstLine, source);
      InputStream whole = new SequenceInputStream(new ByteArrayInputStream(firstLine), in);
      parser = JSON.createParser(whole);
      return new JsonLinesTable(source, header, parser);
    } catch (IOException | RuntimeException failure) {
      Closing.closeAfter(failure, parser != null ? parser : in);
      throw failure;
    }
  }

  /** The first line with content (leading whitespace included), or nothing at the end. */
  private static byte[] readFirstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean content = false;
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      content |= b != ' ' && b != '\t' && b != '\r' && b != '\n';
      if (b == '\n' && content) {
        break;
      }
    }
    return content ? line.toByteArray() : new byte[0];
  }

  /** The top-level keys of the one object in {@code line}, in order. */
  private static List<String> keys(byte[] line, String source) throws IOException {
    List<String> keys = new ArrayList<>();
    try (JsonParser first = JSON.createParser(line)) {
      if (first.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidDataException(source, 1, null,
            "expected a JSON object ({...}) on each line, got " + first.getText());
      }
      for (JsonToken token = first.nextToken(); token == JsonToken.FIELD_NAME;
          token = first.nextToken()) {
        keys.add(first.currentName());
        first.nextToken();
        first.skipChildren();
      }
    } catch (JsonProcessingException broken) {
      throw notJson(source, 1, broken);
    }
    return List.copyOf(keys);
  }

  private static InvalidDataException notJson(String source, long row, JsonProcessingException e) {
    return new InvalidDataException(source, row, null,
        "not valid JSON (" + e.getOriginalMessage() + ")", e);
  }

  @Override
  public InputFormat format() {
    return InputFormat.JSONL;
  }

  @Override
  public void select(int[] columns, Kind[] columnKinds) {
    super.select(columns, columnKinds);
    seen = new boolean[columns.length];
    integerToken = new boolean[columns.length];
    slots.clear();
    for (int u = 0; u < columns.length; u++) {
      slots.put(header().get(columns[u]), u);
    }
  }

  @Override
  public boolean nextRow() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      row++;
      if (token != JsonToken.START_OBJECT) {
        throw new InvalidDataException(source(), row, null,
            "expected a JSON object ({...}) on each line, got " + parser.getText());
      }
      Arrays.fill(seen, false);
      for (token = parser.nextToken(); token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        Integer slot = slots.get(parser.currentName());
        token = parser.nextToken();
        if (slot == null) {
          parser.skipChildren();
        } else {
          readValue(slot, token);
        }
      }
      for (int u = 0; u < selected.length; u++) {
        if (!seen[u]) {
          throw new InvalidDataException(source(), row, header().get(selected[u]),
              "missing key (every row needs the columns the log uses)");
        }
      }
      return true;
    } catch (JsonProcessingException broken) {
      throw notJson(source(), row, broken);
    }
  }

  private void readValue(int u, JsonToken token) throws IOException {
    int column = selected[u];
    if (seen[u]) {
      throw new InvalidDataException(source(), row, header().get(column), "key given twice");
    }
    seen[u] = true;
    texts[u] = null;
    if (kinds[u] == Kind.TEXT
        && (token == JsonToken.VALUE_STRING || token.isNumeric())) {
      texts[u] = parser.getText();
      return;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      integerToken[u] = true;
      values[column] = parser.getDoubleValue();
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      integerToken[u] = false;
      if (kinds[u] == Kind.INTEGER) {
        texts[u] = parser.getText();
        values[column] = Double.NaN;
      } else {
        values[column] = parser.getDoubleValue();
      }
    } else {
      String expected = kinds[u] == Kind.TEXT ? "a JSON string or number" : "a JSON number";
      throw new InvalidDataException(source(), row, header().get(column),
          "must be " + expected + ", got " + shown(token));
    }
  }

  private String shown(JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> '"' + parser.getText() + '"';
      default -> parser.getText();
    };
  }

  @Override
  boolean isIntegerValue(int u) {
    return integerToken[u];
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
