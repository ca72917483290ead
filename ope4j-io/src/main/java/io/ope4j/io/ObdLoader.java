package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogValidator;
import io.ope4j.io.internal.NumberParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a log of the Open Bandit Dataset (Saito, Aihara, Matsutani, Narita, "Open Bandit Dataset
 * and Pipeline", NeurIPS 2021 Datasets and Benchmarks, arXiv:2008.07146; CC BY 4.0) into an
 * {@link ObdLog}, with the preprocessing of Open Bandit Pipeline 0.5.5's {@code
 * OpenBanditDataset}:
 *
 * <ul>
 *   <li>rows sorted by {@code timestamp} (as text, which is chronological for the dataset's
 *       fixed-width timestamps). The sort is <b>stable</b>: rows with equal timestamps keep file
 *       order. OBP's pandas quicksort is not stable and swaps 2 such rows of the {@code random /
 *       men} sample; point estimates do not depend on row order;
 *   <li>action = {@code item_id}; K = largest item id + 1;
 *   <li>slot = dense rank of {@code position} minus 1 (1, 2, 3 become 0, 1, 2);
 *   <li>reward = {@code click}; pscore = {@code propensity_score}, read exactly ({@code
 *       0.029411764705882353} is 1/34; OBP's pandas parser reads it 15 ulps low);
 *   <li>context = one-hot of every column whose name contains {@code user_feature}, categories
 *       in sorted order, the first category of each column dropped ({@code pandas.get_dummies(...,
 *       drop_first=True)}); the {@code user-item_affinity_*} columns are not used;
 *   <li>action context from {@code item_context.csv}: every column but the row label and {@code
 *       item_feature_0} label-encoded (values numbered in sorted order, numerically if all are
 *       numbers: {@code item_id}, {@code item_feature_1..3}), then {@code item_feature_0} as a
 *       number.
 * </ul>
 *
 * <p>Files are read through {@link LogInput}: CSV (plain or gzip), Parquet or JSON Lines, told
 * apart by content, with the same column names. Every problem throws an {@link InvalidDataException} naming the file, the 1-based data
 * row (header = row 0) and the column.
 */
public final class ObdLoader {

  private static final String[] REQUIRED = {"timestamp", "item_id", "position", "click", "propensity_score"};

  private ObdLoader() {}

  /**
   * Reads {@code root/<policy>/<campaign>/<campaign>.csv} (or {@code .csv.gz}) and the {@code
   * item_context.csv} (or {@code .csv.gz}) beside it, the layout of the dataset and of {@code
   * data/obd/} in this project.
   *
   * @throws InvalidDataException on a missing file or bad content
   * @throws IOException if a file cannot be read
   */
  public static ObdLog loadCampaign(Path root, String policy, String campaign) throws IOException {
    Path dir = root.resolve(policy).resolve(campaign);
    return load(existing(dir, campaign + ".csv"), existing(dir, "item_context.csv"));
  }

  /** Names a file of the dataset may have, after its stem: every format, plain or gzip. */
  private static final List<String> SUFFIXES =
      List.of(".csv", ".csv.gz", ".parquet", ".jsonl", ".jsonl.gz");

  /**
   * The first of {@code dir/<stem>.csv}, {@code .csv.gz}, {@code .parquet} (a file or a directory
   * of part files), {@code .jsonl}, {@code .jsonl.gz} that exists, for {@code name} = {@code
   * <stem>.csv}.
   */
  static Path existing(Path dir, String name) {
    String stem = name.substring(0, name.length() - ".csv".length());
    for (String suffix : SUFFIXES) {
      Path candidate = dir.resolve(stem + suffix);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new InvalidDataException(dir.resolve(name).toString(), -1, null,
        "no such file (nor " + stem + " with " + String.join(", ", SUFFIXES.subList(1, SUFFIXES.size())) + ")");
  }

  /**
   * Reads a log and its item context.
   *
   * @throws InvalidDataException on bad content, naming file, row and column
   * @throws IOException if a file cannot be read
   */
  public static ObdLog load(Path logFile, Path itemContextFile) throws IOException {
    RawLog raw = readLog(logFile);
    ItemContext items = readItemContext(itemContextFile);
    int rows = raw.itemIds.length;
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    // Arrays.sort on objects is a merge sort (TimSort): stable.
    Arrays.sort(order, Comparator.comparing(i -> raw.timestamps[i]));
    int maxItem = 0;
    for (int i = 0; i < rows; i++) {
      maxItem = Math.max(maxItem, raw.itemIds[i]);
    }
    int nActions = maxItem + 1;
    if (items.count < nActions) {
      int firstMissing = items.count;
      long row = 0;
      for (int i = 0; i < rows && row == 0; i++) {
        if (raw.itemIds[i] >= firstMissing) {
          row = i + 1;
        }
      }
      throw new InvalidDataException(logFile.toString(), row, "item_id", "item " + maxItem
          + " has no row in " + itemContextFile + " (it describes items 0.." + (items.count - 1) + ")");
    }
    long[] distinctPositions = Arrays.stream(raw.positions).distinct().sorted().toArray();
    int[] actions = new int[rows];
    int[] positions = new int[rows];
    double[] rewards = new double[rows];
    double[] pscores = new double[rows];
    long[] labels = new long[rows];
    OneHot oneHot = OneHot.of(raw.userFeatureNames, raw.userFeatureCodes, raw.userFeatureValues);
    double[] contexts = new double[rows * oneHot.width];
    for (int i = 0; i < rows; i++) {
      int from = order[i];
      actions[i] = raw.itemIds[from];
      positions[i] = Arrays.binarySearch(distinctPositions, raw.positions[from]);
      rewards[i] = raw.clicks[from];
      pscores[i] = raw.pscores[from];
      labels[i] = raw.labels[from];
      oneHot.encode(from, contexts, i * oneHot.width);
    }
    double[] actionContext = Arrays.copyOf(items.features, nActions * items.names.size());
    return new ObdLog(logFile.toString(), actions, positions, rewards, pscores, contexts, oneHot.names,
        actionContext, items.names, nActions, distinctPositions.length, labels);
  }

  // ---------------------------------------------------------------- the log file

  /** The log's columns in file order. */
  private static final class RawLog {
    String[] timestamps;
    int[] itemIds;
    long[] positions;
    double[] clicks;
    double[] pscores;
    long[] labels;
    List<String> userFeatureNames;
    /** Per user-feature column, each row's value as a code into userFeatureValues. */
    int[][] userFeatureCodes;
    List<List<String>> userFeatureValues;
  }

  private static RawLog readLog(Path file) throws IOException {
    try (TableReader table = openTable(file)) {
      String source = table.source();
      List<String> header = table.header();
      int[] required = new int[REQUIRED.length];
      for (int c = 0; c < REQUIRED.length; c++) {
        required[c] = indexOf(header, REQUIRED[c], source);
      }
      List<String> userNames = new ArrayList<>();
      List<Integer> userColumns = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c).contains("user_feature")) {
          userNames.add(header.get(c));
          userColumns.add(c);
        }
      }
      boolean labelled = header.get(0).isEmpty();
      TableReader.Kind[] kinds = new TableReader.Kind[header.size()];
      kinds[required[0]] = TableReader.Kind.TEXT;
      kinds[required[1]] = TableReader.Kind.INTEGER;
      kinds[required[2]] = TableReader.Kind.INTEGER;
      kinds[required[3]] = TableReader.Kind.NUMBER;
      kinds[required[4]] = TableReader.Kind.NUMBER;
      if (labelled) {
        kinds[0] = TableReader.Kind.INTEGER;
      }
      for (int column : userColumns) {
        kinds[column] = TableReader.Kind.TEXT;
      }
      select(table, kinds);
      LogValidator check = new LogValidator(source, header, -1, table::describe);
      double[] values = table.values();
      Columns columns = new Columns(userColumns.size());
      long rows = 0;
      while (table.nextRow()) {
        long row = table.row();
        check.atRow(row);
        String timestamp = table.text(required[0]);
        if (timestamp.isEmpty()) {
          throw new InvalidDataException(source, row, "timestamp", "is empty");
        }
        int item = check.action(required[1], values[required[1]]);
        long position = check.position(required[2], values[required[2]]);
        double click = check.finite(required[3], values[required[3]]);
        double pscore = check.pscore(required[4], values[required[4]]);
        long label = labelled ? integer(table, 0, "row label") : rows;
        columns.add(timestamp, item, position, click, pscore, label);
        for (int u = 0; u < userColumns.size(); u++) {
          columns.addUserValue(u, table.text(userColumns.get(u)));
        }
        rows++;
      }
      if (rows == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      return columns.finish(userNames);
    }
  }

  /** The current row's integer in {@code column} (read as {@code INTEGER}). */
  private static long integer(TableReader table, int column, String name) {
    double value = table.values()[column];
    if (Double.isNaN(value)) {
      throw new InvalidDataException(table.source(), table.row(), name,
          "expected an integer, got " + table.describe(column));
    }
    return (long) value;
  }

  /** Selects the columns with a kind, in header order. */
  private static void select(TableReader table, TableReader.Kind[] kindByColumn) {
    int count = 0;
    for (TableReader.Kind kind : kindByColumn) {
      count += kind != null ? 1 : 0;
    }
    int[] columns = new int[count];
    TableReader.Kind[] kinds = new TableReader.Kind[count];
    int n = 0;
    for (int c = 0; c < kindByColumn.length; c++) {
      if (kindByColumn[c] != null) {
        columns[n] = c;
        kinds[n++] = kindByColumn[c];
      }
    }
    table.select(columns, kinds);
  }

  private static TableReader openTable(Path file) throws IOException {
    return LogInput.of(file, InputFormat.AUTO).openTable();
  }

  /** Growable columns of the log. */
  private static final class Columns {
    private int size;
    private String[] timestamps = new String[1024];
    private int[] itemIds = new int[1024];
    private long[] positions = new long[1024];
    private double[] clicks = new double[1024];
    private double[] pscores = new double[1024];
    private long[] labels = new long[1024];
    private final int[][] codes;
    private final List<java.util.Map<String, Integer>> dictionaries = new ArrayList<>();

    Columns(int userColumns) {
      codes = new int[userColumns][1024];
      for (int u = 0; u < userColumns; u++) {
        dictionaries.add(new java.util.HashMap<>());
      }
    }

    void add(String timestamp, int item, long position, double click, double pscore, long label) {
      if (size == itemIds.length) {
        int grown = size * 2;
        timestamps = Arrays.copyOf(timestamps, grown);
        itemIds = Arrays.copyOf(itemIds, grown);
        positions = Arrays.copyOf(positions, grown);
        clicks = Arrays.copyOf(clicks, grown);
        pscores = Arrays.copyOf(pscores, grown);
        labels = Arrays.copyOf(labels, grown);
        for (int u = 0; u < codes.length; u++) {
          codes[u] = Arrays.copyOf(codes[u], grown);
        }
      }
      timestamps[size] = timestamp;
      itemIds[size] = item;
      positions[size] = position;
      clicks[size] = click;
      pscores[size] = pscore;
      labels[size] = label;
      size++;
    }

    /** Codes the value of user column u for the row just added. */
    void addUserValue(int u, String value) {
      java.util.Map<String, Integer> dictionary = dictionaries.get(u);
      Integer code = dictionary.get(value);
      if (code == null) {
        code = dictionary.size();
        dictionary.put(value, code);
      }
      codes[u][size - 1] = code;
    }

    RawLog finish(List<String> userNames) {
      RawLog raw = new RawLog();
      raw.timestamps = Arrays.copyOf(timestamps, size);
      raw.itemIds = Arrays.copyOf(itemIds, size);
      raw.positions = Arrays.copyOf(positions, size);
      raw.clicks = Arrays.copyOf(clicks, size);
      raw.pscores = Arrays.copyOf(pscores, size);
      raw.labels = Arrays.copyOf(labels, size);
      raw.userFeatureNames = userNames;
      raw.userFeatureCodes = new int[codes.length][];
      raw.userFeatureValues = new ArrayList<>();
      for (int u = 0; u < codes.length; u++) {
        raw.userFeatureCodes[u] = Arrays.copyOf(codes[u], size);
        String[] values = new String[dictionaries.get(u).size()];
        dictionaries.get(u).forEach((value, code) -> values[code] = value);
        raw.userFeatureValues.add(Arrays.asList(values));
      }
      return raw;
    }
  }

  /** One-hot encoding with the first (smallest) category of each column dropped. */
  private static final class OneHot {
    final List<String> names = new ArrayList<>();
    final int width;
    /** Per column: code (first-seen order) -> output column offset, or -1 for the dropped one. */
    final int[][] offsetOfCode;
    final int[][] codes;

    private OneHot(List<String> columns, int[][] codes, List<List<String>> values) {
      this.codes = codes;
      this.offsetOfCode = new int[columns.size()][];
      int next = 0;
      for (int u = 0; u < columns.size(); u++) {
        List<String> seen = values.get(u);
        String[] sorted = seen.toArray(new String[0]);
        Arrays.sort(sorted); // pandas orders categories by sorting the values
        offsetOfCode[u] = new int[seen.size()];
        for (int code = 0; code < seen.size(); code++) {
          int rank = Arrays.binarySearch(sorted, seen.get(code));
          offsetOfCode[u][code] = rank == 0 ? -1 : next + rank - 1;
        }
        for (int rank = 1; rank < sorted.length; rank++) {
          names.add(columns.get(u) + "_" + sorted[rank]);
        }
        next += sorted.length - 1;
      }
      this.width = next;
    }

    static OneHot of(List<String> columns, int[][] codes, List<List<String>> values) {
      return new OneHot(columns, codes, values);
    }

    void encode(int row, double[] out, int offset) {
      for (int u = 0; u < codes.length; u++) {
        int column = offsetOfCode[u][codes[u][row]];
        if (column >= 0) {
          out[offset + column] = 1.0;
        }
      }
    }
  }

  // ---------------------------------------------------------------- the item context

  private record ItemContext(int count, List<String> names, double[] features) {}

  private static ItemContext readItemContext(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    String source;
    String[] header;
    try (TableReader table = openTable(file)) {
      source = table.source();
      header = table.header().toArray(new String[0]);
      TableReader.Kind[] kinds = new TableReader.Kind[header.length];
      Arrays.fill(kinds, TableReader.Kind.TEXT);
      select(table, kinds);
      while (table.nextRow()) {
        String[] fields = new String[header.length];
        for (int c = 0; c < header.length; c++) {
          fields[c] = table.text(c);
        }
        rows.add(fields);
      }
    }
    int itemColumn = indexOf(List.of(header), "item_id", source);
    int numericColumn = indexOf(List.of(header), "item_feature_0", source);
    int first = header[0].isEmpty() ? 1 : 0;
    List<Integer> encoded = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = first; c < header.length; c++) {
      if (c != numericColumn) {
        encoded.add(c);
        names.add(header[c]);
      }
    }
    names.add(header[numericColumn]);
    int n = rows.size();
    int width = names.size();
    double[] features = new double[n * width];
    boolean[] seen = new boolean[n];
    int[] slotOfRow = new int[n];
    for (int r = 0; r < n; r++) {
      long item = parseLong(rows.get(r)[itemColumn], source, r + 1, "item_id");
      if (item < 0 || item >= n || seen[(int) item]) {
        throw new InvalidDataException(source, r + 1, "item_id", "item ids must be 0.." + (n - 1)
            + ", each once; got " + item);
      }
      seen[(int) item] = true;
      slotOfRow[r] = (int) item;
    }
    for (int e = 0; e < encoded.size(); e++) {
      int column = encoded.get(e);
      double[] codes = labelEncode(rows, column);
      for (int r = 0; r < n; r++) {
        features[slotOfRow[r] * width + e] = codes[r];
      }
    }
    for (int r = 0; r < n; r++) {
      double value = parseDouble(rows.get(r)[numericColumn], source, r + 1, "item_feature_0");
      if (!Double.isFinite(value)) {
        throw new InvalidDataException(source, r + 1, "item_feature_0", "must be finite, got " + value);
      }
      features[slotOfRow[r] * width + width - 1] = value;
    }
    return new ItemContext(n, names, features);
  }

  /**
   * Each row's rank among the column's distinct values (scikit-learn's {@code LabelEncoder}):
   * numeric order if every value is a number, else text order.
   */
  private static double[] labelEncode(List<String[]> rows, int column) {
    int n = rows.size();
    double[] numbers = new double[n];
    boolean numeric = true;
    for (int r = 0; r < n && numeric; r++) {
      try {
        numbers[r] = strictDouble(rows.get(r)[column]);
      } catch (NumberFormatException e) {
        numeric = false;
      }
    }
    double[] codes = new double[n];
    if (numeric) {
      double[] distinct = Arrays.stream(numbers).distinct().sorted().toArray();
      for (int r = 0; r < n; r++) {
        codes[r] = Arrays.binarySearch(distinct, numbers[r]);
      }
    } else {
      String[] distinct = rows.stream().map(fields -> fields[column]).distinct().sorted().toArray(String[]::new);
      for (int r = 0; r < n; r++) {
        codes[r] = Arrays.binarySearch(distinct, rows.get(r)[column]);
      }
    }
    return codes;
  }

  // ---------------------------------------------------------------- text

  private static int indexOf(List<String> header, String name, String source) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidDataException(source, 0, name,
          "missing column (the header has " + String.join(",", header) + ")");
    }
    return index;
  }

  // The log's strict grammar (formats.md): no trimming, no Java suffixes or hex, ASCII digits only.
  private static long parseLong(String text, String source, long row, String column) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long value = NumberParser.parseInteger(bytes, 0, bytes.length);
    if (value == NumberParser.NOT_AN_INTEGER) {
      throw new InvalidDataException(source, row, column, "expected an integer, got '" + text + "'");
    }
    return value;
  }

  private static double parseDouble(String text, String source, long row, String column) {
    try {
      return strictDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidDataException(source, row, column, "expected a number, got '" + text + "'");
    }
  }

  private static double strictDouble(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return NumberParser.parseDouble(bytes, 0, bytes.length);
  }
}
