package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

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
 * <p>Files may be plain or gzip (recognised by their magic bytes), comma-separated without
 * quoting. Every problem throws an {@link InvalidDataException} naming the file, the 1-based data
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

  /** {@code dir/name} or {@code dir/name.gz}, whichever exists. */
  static Path existing(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.exists(plain)) {
      return plain;
    }
    Path gzip = dir.resolve(name + ".gz");
    if (Files.exists(gzip)) {
      return gzip;
    }
    throw new InvalidDataException(plain.toString(), -1, null, "no such file (nor " + gzip.getFileName() + ")");
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
    String source = file.toString();
    try (BufferedReader reader = open(file)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new InvalidDataException(source, -1, null, "file is empty");
      }
      String[] header = split(headerLine, source, 0);
      int[] required = new int[REQUIRED.length];
      for (int c = 0; c < REQUIRED.length; c++) {
        required[c] = indexOf(header, REQUIRED[c], source);
      }
      List<String> userNames = new ArrayList<>();
      List<Integer> userColumns = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        if (header[c].contains("user_feature")) {
          userNames.add(header[c]);
          userColumns.add(c);
        }
      }
      boolean labelled = header[0].isEmpty();
      Columns columns = new Columns(userColumns.size());
      long row = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        row++;
        if (line.isEmpty()) {
          throw new InvalidDataException(source, row, null, "blank line");
        }
        String[] fields = split(line, source, row);
        if (fields.length != header.length) {
          throw new InvalidDataException(source, row, null, "has " + fields.length + " fields, the header has "
              + header.length);
        }
        String timestamp = fields[required[0]];
        if (timestamp.isEmpty()) {
          throw new InvalidDataException(source, row, "timestamp", "is empty");
        }
        long item = parseLong(fields[required[1]], source, row, "item_id");
        if (item < 0 || item > Integer.MAX_VALUE - 1) {
          throw new InvalidDataException(source, row, "item_id", "must be a non-negative item id, got " + item);
        }
        long position = parseLong(fields[required[2]], source, row, "position");
        double click = parseDouble(fields[required[3]], source, row, "click");
        if (!Double.isFinite(click)) {
          throw new InvalidDataException(source, row, "click", "must be finite, got " + fields[required[3]]);
        }
        double pscore = parseDouble(fields[required[4]], source, row, "propensity_score");
        if (!(pscore > 0.0 && pscore <= 1.0)) {
          throw new InvalidDataException(source, row, "propensity_score", "must be in (0, 1], got " + fields[required[4]]);
        }
        long label = labelled ? parseLong(fields[0], source, row, "row label") : row - 1;
        columns.add(timestamp, (int) item, position, click, pscore, label);
        for (int u = 0; u < userColumns.size(); u++) {
          columns.addUserValue(u, fields[userColumns.get(u)]);
        }
      }
      if (row == 0) {
        throw new InvalidDataException(source, -1, null, "no data rows");
      }
      return columns.finish(userNames);
    }
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
    String source = file.toString();
    List<String[]> rows = new ArrayList<>();
    String[] header;
    try (BufferedReader reader = open(file)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new InvalidDataException(source, -1, null, "file is empty");
      }
      header = split(headerLine, source, 0);
      long row = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        row++;
        String[] fields = split(line, source, row);
        if (fields.length != header.length) {
          throw new InvalidDataException(source, row, null, "has " + fields.length + " fields, the header has "
              + header.length);
        }
        rows.add(fields);
      }
    }
    int itemColumn = indexOf(header, "item_id", source);
    int numericColumn = indexOf(header, "item_feature_0", source);
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
        numbers[r] = Double.parseDouble(rows.get(r)[column]);
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

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String[] split(String line, String source, long row) {
    if (line.indexOf('"') >= 0) {
      throw new InvalidDataException(source, row, null, "quoted fields are not supported in Open Bandit Dataset files");
    }
    return line.split(",", -1);
  }

  private static int indexOf(String[] header, String name, String source) {
    for (int c = 0; c < header.length; c++) {
      if (header[c].equals(name)) {
        return c;
      }
    }
    throw new InvalidDataException(source, 0, name, "missing column (the header has " + String.join(",", header) + ")");
  }

  private static long parseLong(String text, String source, long row, String column) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidDataException(source, row, column, "expected an integer, got '" + text + "'");
    }
  }

  private static double parseDouble(String text, String source, long row, String column) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidDataException(source, row, column, "expected a number, got '" + text + "'");
    }
  }
}
