package io.ope4j.cli;

import io.ope4j.data.InvalidDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points (t, x) at which ct-evaluate reports Ĵ: a small CSV with a header holding {@code t}
 * (optional in the stationary settings: 0 then) and every state column of the data. Read whole;
 * errors name the file, the 1-based data row and the column.
 */
final class CtEvalPoints {

  /** Each row: t, then the state in the data's column order. */
  final List<double[]> points = new ArrayList<>();
  /** 1-based data row of each point. */
  final List<Long> rows = new ArrayList<>();

  static CtEvalPoints read(Path file, List<String> stateNames, boolean needsTime) throws IOException {
    String source = file.toString();
    CtEvalPoints result = new CtEvalPoints();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = in.readLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw new InvalidDataException(source, -1, null, "empty file (no header line)");
      }
      List<String> header = Arrays.stream(headerLine.replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
      int timeColumn = header.indexOf("t");
      if (timeColumn < 0 && needsTime) {
        throw new InvalidDataException(source, 0, "t", "missing column: the finite setting needs the time of each point");
      }
      int[] stateColumns = new int[stateNames.size()];
      for (int i = 0; i < stateColumns.length; i++) {
        stateColumns[i] = header.indexOf(stateNames.get(i));
        if (stateColumns[i] < 0) {
          throw new InvalidDataException(source, 0, stateNames.get(i), "missing column (the data's state columns are "
              + stateNames + ")");
        }
      }
      String line;
      long row = 0;
      while ((line = in.readLine()) != null) {
        row++;
        String[] fields = line.split(",", -1);
        if (fields.length != header.size()) {
          throw new InvalidDataException(source, row, null, line.isBlank() ? "empty row"
              : "has " + fields.length + " fields, the header has " + header.size());
        }
        double[] point = new double[1 + stateColumns.length];
        point[0] = timeColumn < 0 ? 0 : number(source, row, header.get(timeColumn), fields[timeColumn]);
        for (int i = 0; i < stateColumns.length; i++) {
          point[1 + i] = number(source, row, stateNames.get(i), fields[stateColumns[i]]);
        }
        result.points.add(point);
        result.rows.add(row);
      }
    }
    if (result.points.isEmpty()) {
      throw new InvalidDataException(source, -1, null, "no data rows (only a header)");
    }
    return result;
  }

  private static double number(String source, long row, String column, String text) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException bad) {
      throw new InvalidDataException(source, row, column, "not a number: '" + text + "'");
    }
    if (!Double.isFinite(value)) {
      throw new InvalidDataException(source, row, column, "must be a finite number, got " + text);
    }
    return value;
  }
}
