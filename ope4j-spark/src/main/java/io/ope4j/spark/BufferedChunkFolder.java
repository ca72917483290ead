package io.ope4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * Turns the pieces of consecutive chunks, sorted by chunk and first row, into one piece per chunk
 * in chunk order: a whole chunk's state (or bad row) passes through; the row buffers of a shared
 * chunk are joined in row order, then read and folded as one chunk. The first bad row ends the
 * output: every chunk after it comes later in the log.
 */
final class BufferedChunkFolder<S extends Serializable>
    implements FlatMapFunction<Iterator<Tuple2<ChunkKey, ChunkPiece<S>>>, ChunkPiece<S>> {

  private static final long serialVersionUID = 1L;

  private final ChunkReader<S> reader;

  BufferedChunkFolder(ChunkReader<S> reader) {
    this.reader = reader;
  }

  @Override
  public Iterator<ChunkPiece<S>> call(Iterator<Tuple2<ChunkKey, ChunkPiece<S>>> pieces) {
    List<ChunkPiece<S>> chunks = new ArrayList<>();
    List<RowBuffer> shared = new ArrayList<>();
    long sharedChunk = -1;
    while (pieces.hasNext()) {
      Tuple2<ChunkKey, ChunkPiece<S>> keyed = pieces.next();
      ChunkPiece<S> piece = keyed._2();
      long chunk = keyed._1().chunk();
      if (!shared.isEmpty() && chunk != sharedChunk && !add(chunks, readShared(shared))) {
        return chunks.iterator();
      }
      if (piece.rows() != null) {
        sharedChunk = chunk;
        shared.add(piece.rows());
      } else if (!add(chunks, piece)) {
        return chunks.iterator();
      }
    }
    if (!shared.isEmpty()) {
      add(chunks, readShared(shared));
    }
    return chunks.iterator();
  }

  /** Adds a chunk's piece; returns false if it is a bad row. */
  private static <S extends Serializable> boolean add(List<ChunkPiece<S>> chunks, ChunkPiece<S> piece) {
    chunks.add(piece);
    return piece.failure() == null;
  }

  /** Reads and folds the buffers of one chunk (in row order) and clears the list. */
  private ChunkPiece<S> readShared(List<RowBuffer> buffers) {
    for (int i = 1; i < buffers.size(); i++) {
      RowBuffer before = buffers.get(i - 1);
      if (buffers.get(i).firstRow() != before.firstRow() + before.size()) {
        throw new IllegalStateException("rows " + (before.firstRow() + before.size()) + ".."
            + buffers.get(i).firstRow() + " of a chunk are missing");
      }
    }
    ChunkPiece<S> folded = reader.read(List.copyOf(buffers));
    buffers.clear();
    return folded;
  }
}
