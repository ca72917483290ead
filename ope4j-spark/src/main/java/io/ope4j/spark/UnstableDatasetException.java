package io.ope4j.spark;

/**
 * A Dataset gave different rows on the pass that numbered them and the pass that folded them,
 * so rows could not be given stable indices: the result would be wrong, and is not given.
 */
public final class UnstableDatasetException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  UnstableDatasetException(String message) {
    super(message);
  }
}
