package io.ope4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The non-empty row groups of every part file in order, handed out on the reading thread; a
 * later part is opened and checked against the first when its turn comes.
 */
final class ParquetRowGroups {
  private final ParquetTable table;
  private final List<Path> parts;
  private int part = -1;
  private ParquetMetadata footer;
  private int nextGroup;
  /** The part, and its number of row groups, of the groups handed out so far. */
  int lastPart;
  int groupsInLastPart;
  /** Rows in the groups handed out so far. */
  long rowsGiven;

  ParquetRowGroups(ParquetTable table) {
    this.table = table;
    this.parts = table.parts();
  }

  RowGroupDecoder.Group next() throws IOException {
    while (footer == null || nextGroup == footer.getBlocks().size()) {
      if (part + 1 == parts.size()) {
        return null;
      }
      openPart(part + 1);
    }
    int index = nextGroup++;
    long rows = footer.getBlocks().get(index).getRowCount();
    if (rows == 0) {
      return next();
    }
    RowGroupDecoder.Group group = new RowGroupDecoder.Group(part, parts.get(part), footer, index, rowsGiven, rows);
    rowsGiven += rows;
    return group;
  }

  private void openPart(int index) throws IOException {
    if (index == 0) {
      footer = table.footer();
    } else {
      try (ParquetFileReader file = ParquetTable.openFile(parts.get(index))) {
        table.checkPart(file, parts.get(index));
        footer = file.getFooter();
      }
    }
    part = index;
    nextGroup = 0;
    lastPart = index;
    groupsInLastPart = footer.getBlocks().size();
  }
}
