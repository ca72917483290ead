package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.CsvRecordScanner;
import io.ope4j.io.internal.Gzip;
import io.ope4j.io.internal.NumberParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a classification data set in the CSV layout scikit-learn ships its small UCI data sets in
 * (iris, wine, breast cancer, digits): one row per sample, the features then the class as the last
 * column, an integer in [0, K); plain or gzip.
 *
 * <p>The first line may be scikit-learn's header {@code n_samples,n_features,class names...}
 * (e.g. {@code 150,4,setosa,versicolor,virginica}); {@code digits.csv.gz} has none. The first
 * line is taken as that header when its first two fields are non-negative integers, the second
 * plus one equals the number of fields of the next line, and the line has a field that is not a
 * number or a different number of fields than the next line. A header's counts are checked: its
 * {@code n_samples} must equal the number of data rows (a shorter file is truncated) and its
 * class names fix K. Without a header, K is the largest label plus one.
 *
 * <p>Errors are {@link InvalidDataException}s naming the file, the 1-based data row (the header
 * is row 0) and the column ({@code x_j (column c)} for feature j, {@code label} for the class):
 * a missing label, a feature that is not a finite number, a label that is not an integer in
 * range, a row with the wrong number of fields, blank lines inside the file, no data rows.
 */
public final class ClassificationReader {

  private ClassificationReader() {}

  /** Reads {@code path} (plain or gzip). */
  public static ClassificationData read(Path path) throws IOException {
    return read(Files.newInputStream(path), path.toString());
  }

  /** Reads {@code in} (plain or gzip), which is closed afterwards; {@code sourceName} names it in errors. */
  public static ClassificationData read(InputStream in, String sourceName) throws IOException {
    try (CsvRecordScanner scanner = new CsvRecordScanner(Gzip.decompressIfGzip(in, sourceName), sourceName,
        CsvRecordScanner.DEFAULT_BUFFER_SIZE)) {
      return new Parse(scanner, sourceName).run();
    }
  }

  /** One pass over the records. */
  private static final class Parse {
    private final CsvRecordScanner scanner;
    private final String source;
    private double[] features = new double[1024];
    private int[] labels = new int[64];
    private int rows;
    private int fields = -1;
    private long pendingBlank;

    Parse(CsvRecordScanner scanner, String source) {
      this.scanner = scanner;
      this.source = source;
    }

    ClassificationData run() throws IOException {
      if (!scanner.next() || scanner.isBlank() && !scanner.next()) {
        throw new InvalidDataException(source, -1, null, "empty file");
      }
      List<String> first = new ArrayList<>();
      for (int i = 0; i < scanner.fieldCount(); i++) {
        first.add(scanner.text(i).trim());
      }
      boolean more = scanner.next();
      long skippedBlank = -1;
      while (more && scanner.isBlank()) {
        skippedBlank = skippedBlank < 0 ? scanner.record() : skippedBlank;
        more = scanner.next();
      }
      int nextFields = more ? scanner.fieldCount() : -1;
      if (!more && first.size() >= 2 && isCount(first.get(0)) && isCount(first.get(1))
          && !first.stream().allMatch(Parse::isNumber)) {
        throw new InvalidDataException(source, -1, null, "no data rows (only a header)");
      }
      boolean header = isHeader(first, nextFields);
      List<String> classNames = List.of();
      long rowOffset = header ? 0 : 1; // data row = scanner record (+1 when line 1 is data)
      if (header) {
        classNames = first.subList(2, first.size());
        fields = nextFields;
      } else {
        fields = first.size();
        parseTextRow(first);
      }
      if (skippedBlank >= 0 && more) {
        throw new InvalidDataException(source, skippedBlank + rowOffset, null, "empty line");
      }
      if (fields < 2) {
        throw new InvalidDataException(source, 1, null,
            "a row needs at least one feature and the label, got " + fields + " field(s)");
      }
      while (more) {
        long row = scanner.record() + rowOffset;
        if (scanner.isBlank()) {
          if (pendingBlank == 0) {
            pendingBlank = row;
          }
        } else {
          if (pendingBlank != 0) {
            throw new InvalidDataException(source, pendingBlank, null, "empty line");
          }
          parseRow(row);
        }
        more = scanner.next();
      }
      if (rows == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      if (header) {
        long declared = Long.parseLong(first.get(0));
        if (declared != rows) {
          throw new InvalidDataException(source, 0, null, "the header says " + declared + " samples, the file has "
              + rows + " data rows" + (rows < declared ? " (truncated?)" : ""));
        }
      }
      return finish(classNames);
    }

    private boolean isHeader(List<String> first, int nextFields) {
      if (first.size() < 2 || nextFields < 0 || !isCount(first.get(0)) || !isCount(first.get(1))) {
        return false;
      }
      if (Long.parseLong(first.get(1)) + 1 != nextFields) {
        return false;
      }
      boolean named = false;
      for (String field : first) {
        named |= !isNumber(field);
      }
      return named || first.size() != nextFields;
    }

    private ClassificationData finish(List<String> headerNames) {
      int dim = fields - 1;
      int largest = 0;
      for (int i = 0; i < rows; i++) {
        largest = Math.max(largest, labels[i]);
      }
      List<String> names = new ArrayList<>(headerNames);
      if (names.isEmpty()) {
        for (int k = 0; k <= largest; k++) {
          names.add(Integer.toString(k));
        }
      } else if (largest >= names.size()) {
        for (int i = 0; i < rows; i++) {
          if (labels[i] >= names.size()) {
            throw new InvalidDataException(source, i + 1L, "label", "must be in [0, "
                + names.size() + ") (the header names " + names.size() + " classes), got " + labels[i]);
          }
        }
      }
      if (names.size() < 2) {
        throw new InvalidDataException(source, -1, "label", "a classification data set needs at least 2 classes, got "
            + names.size());
      }
      return new ClassificationData(source, Arrays.copyOf(features, rows * dim), dim, Arrays.copyOf(labels, rows),
          names);
    }

    private void parseTextRow(List<String> text) {
      ensureRoom();
      int dim = fields - 1;
      for (int j = 0; j < dim; j++) {
        features[rows * dim + j] = feature(1, j, text.get(j));
      }
      labels[rows] = label(1, text.get(dim));
      rows++;
    }

    private void parseRow(long row) {
      int count = scanner.fieldCount();
      if (count != fields) {
        String hint = count == fields - 1 ? " (is the label missing?)" : "";
        throw new InvalidDataException(source, row, null, "expected " + fields + " fields (" + (fields - 1)
            + " features and the label), got " + count + hint);
      }
      ensureRoom();
      int dim = fields - 1;
      byte[] buffer = scanner.buffer();
      int[] starts = scanner.starts();
      int[] ends = scanner.ends();
      for (int j = 0; j < dim; j++) {
        double value;
        try {
          value = NumberParser.parseDouble(buffer, starts[j], ends[j]);
        } catch (NumberFormatException e) {
          value = feature(row, j, scanner.text(j)); // throws with the text
        }
        if (!Double.isFinite(value)) {
          throw new InvalidDataException(source, row, featureName(j), "must be a finite number, got " + scanner.text(j));
        }
        features[rows * dim + j] = value;
      }
      if (starts[dim] == ends[dim]) {
        throw new InvalidDataException(source, row, "label", "missing label (empty last field)");
      }
      long label = NumberParser.parseInteger(buffer, starts[dim], ends[dim]);
      if (label == NumberParser.NOT_AN_INTEGER) {
        label(row, scanner.text(dim)); // throws with the text
      }
      labels[rows] = checkLabel(row, label, scanner.text(dim));
      rows++;
    }

    private double feature(long row, int j, String text) {
      try {
        double value = Double.parseDouble(text.trim());
        if (!Double.isFinite(value)) {
          throw new InvalidDataException(source, row, featureName(j), "must be a finite number, got " + text);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new InvalidDataException(source, row, featureName(j),
            text.isBlank() ? "missing value" : "not a number: '" + text + "'");
      }
    }

    private int label(long row, String text) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        throw new InvalidDataException(source, row, "label", "missing label (empty last field)");
      }
      double value;
      try {
        value = Double.parseDouble(trimmed);
      } catch (NumberFormatException e) {
        throw new InvalidDataException(source, row, "label", "must be an integer class in [0, K), got '" + text + "'");
      }
      if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
        throw new InvalidDataException(source, row, "label", "must be an integer class in [0, K), got '" + text + "'");
      }
      return checkLabel(row, (long) value, text);
    }

    private int checkLabel(long row, long label, String text) {
      if (label < 0 || label > Integer.MAX_VALUE - 1) {
        throw new InvalidDataException(source, row, "label", "must be an integer class in [0, K), got '" + text + "'");
      }
      return (int) label;
    }

    private String featureName(int j) {
      return "x_" + j + " (column " + (j + 1) + ")";
    }

    private void ensureRoom() {
      int dim = fields - 1;
      if ((rows + 1) * (long) dim > features.length) {
        features = Arrays.copyOf(features, Math.max(features.length * 2, (rows + 1) * dim));
      }
      if (rows + 1 > labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
    }

    private static boolean isCount(String text) {
      if (text.isEmpty() || text.length() > 12) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        if (!Character.isDigit(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean isNumber(String text) {
      try {
        Double.parseDouble(text);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

}
