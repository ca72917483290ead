package io.ope4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Reads the rows of one whole chunk with a local schema reader over a {@link BufferTable} (its
 * checks and messages) and folds them into a fresh state, as the local engine folds each chunk.
 *
 * @param <S> the chunk state
 */
interface ChunkReader<S extends Serializable> extends Serializable {

  /** The chunk's state, or its first bad row (with the row at which it was found). */
  ChunkPiece<S> read(List<RowBuffer> rows);

  /** Folds a chunk's rows read as a table: a state, or a bad row met by the local reader. */
  interface TableFold<S> {
    S fold(BufferTable table) throws java.io.IOException;
  }

  /**
   * {@code fold} applied to {@code rows} read as one table: the chunk's state, or its first bad
   * row with the table row at which it was found.
   */
  static <S extends Serializable> ChunkPiece<S> readAsTable(String source, ProjectedColumns columns,
      List<RowBuffer> rows, TableFold<S> fold) {
    BufferTable table = new BufferTable(source, columns, rows);
    try {
      return ChunkPiece.of(fold.fold(table));
    } catch (io.ope4j.data.InvalidDataException badRow) {
      return ChunkPiece.failed(badRow, table.row());
    } catch (java.io.IOException cannotHappen) {
      throw new java.io.UncheckedIOException(cannotHappen);
    }
  }
}
