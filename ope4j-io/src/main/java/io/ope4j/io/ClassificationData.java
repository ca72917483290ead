package io.ope4j.io;

import java.util.List;

/**
 * A labelled classification data set held in memory: features row-major, one integer class per
 * row.
 *
 * @param source the file name, for messages
 * @param features {@code features[i * dim + j]}, finite
 * @param dim number of features per row
 * @param labels class of each row, in [0, classes)
 * @param classNames one name per class (from the file's header, else {@code "0"}, {@code "1"}, ...)
 */
public record ClassificationData(String source, double[] features, int dim, int[] labels, List<String> classNames) {

  public ClassificationData {
    classNames = List.copyOf(classNames);
    if (features.length != (long) labels.length * dim) {
      throw new IllegalArgumentException("features has " + features.length + " values, expected rows * dim = "
          + (long) labels.length * dim);
    }
  }

  public int rows() {
    return labels.length;
  }

  /** Number of classes K. */
  public int classes() {
    return classNames.size();
  }
}
