package io.ope4j.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import java.util.List;

/**
 * Where the episodes of a trajectory log lie across the partitions, from {@link EpisodeRuns}: the
 * first global row of every partition, whether its first run continues an episode begun in an
 * earlier partition ("leading" rows) and whether its last run goes on in a later one, and the
 * global index (0-based, in row order) of its first row's episode. Episode indices fix the
 * local engine's chunks of whole episodes ({@link #CHUNK_EPISODES}).
 */
final class EpisodePlan implements ChunkCut {

  private static final long serialVersionUID = 1L;

  /** Episodes per chunk: the local engine's ({@code ChunkedEpisodeFold}). */
  static final int CHUNK_EPISODES = 1024;

  private final long[] offsets;
  private final boolean[] continuesBefore;
  private final boolean[] continuesAfter;
  /** Global index of the episode of each partition's first row. */
  private final long[] firstEpisode;
  /** Runs starting in each partition that are episodes' first rows. */
  private final long[] starts;
  private final long episodes;
  /** The episode column's position in the projection. */
  private final int episodeSlot;

  private EpisodePlan(long[] offsets, boolean[] continuesBefore, boolean[] continuesAfter,
      long[] firstEpisode, long[] starts, long episodes, int episodeSlot) {
    this.offsets = offsets;
    this.continuesBefore = continuesBefore;
    this.continuesAfter = continuesAfter;
    this.firstEpisode = firstEpisode;
    this.starts = starts;
    this.episodes = episodes;
    this.episodeSlot = episodeSlot;
  }

  /** Stitches the partitions' runs (any order; empty partitions included) into episodes. */
  static EpisodePlan of(List<EpisodeRuns> scanned, int partitions, int episodeSlot) {
    EpisodeRuns[] byPartition = new EpisodeRuns[partitions];
    for (EpisodeRuns runs : scanned) {
      byPartition[runs.partition()] = runs;
    }
    long[] offsets = new long[partitions + 1];
    boolean[] before = new boolean[partitions];
    boolean[] after = new boolean[partitions];
    long[] first = new long[partitions];
    long[] starts = new long[partitions];
    long episodes = 0;
    int previous = -1; // the last partition with rows so far
    for (int p = 0; p < partitions; p++) {
      EpisodeRuns runs = byPartition[p];
      offsets[p + 1] = offsets[p] + runs.rows();
      if (runs.rows() == 0) {
        first[p] = episodes;
        continue;
      }
      if (previous >= 0) {
        EpisodeRuns last = byPartition[previous];
        before[p] = !EpisodeRuns.startsRun(runs.firstNull(), runs.firstId(), last.lastNull(), last.lastId());
        after[previous] = before[p];
      }
      starts[p] = runs.runs() - (before[p] ? 1 : 0);
      first[p] = before[p] ? episodes - 1 : episodes;
      episodes += starts[p];
      previous = p;
    }
    return new EpisodePlan(offsets, before, after, first, starts, episodes, episodeSlot);
  }

  @Override
  public long offset(int p) {
    return offsets[p];
  }

  long rows() {
    return offsets[offsets.length - 1];
  }

  long episodes() {
    return episodes;
  }

  @Override
  public long chunks() {
    return (episodes + CHUNK_EPISODES - 1) / CHUNK_EPISODES;
  }

  /** Whether partition {@code p}'s first row continues an episode begun earlier. */
  boolean continuesBefore(int p) {
    return continuesBefore[p];
  }

  /** Global index of the episode of partition {@code p}'s first row. */
  long firstEpisode(int p) {
    return firstEpisode[p];
  }

  /** Whether chunk {@code chunk}'s first episode begins in partition {@code p} and its last ends there. */
  @Override
  public boolean chunkWithin(int p, long chunk) {
    long begun = continuesBefore[p] ? firstEpisode[p] + 1 : firstEpisode[p];
    long lastEnded = begun + starts[p] - 1 - (continuesAfter[p] ? 1 : 0);
    long chunkFirst = chunk * CHUNK_EPISODES;
    long chunkLast = Math.min(chunkFirst + CHUNK_EPISODES, episodes) - 1;
    return chunkFirst >= begun && chunkLast <= lastEnded;
  }

  /** Counts episodes from the partition's first row: a row that starts a run starts the next. */
  @Override
  public RowChunks rowsOf(int p) {
    return new RowChunks() {
      private long episode = firstEpisode[p];
      private boolean started;
      private long previous;
      private boolean previousNull;

      @Override
      public long chunkOf(InternalRow row) {
        boolean isNull = row.isNullAt(episodeSlot);
        long id = isNull ? 0 : row.getLong(episodeSlot);
        if (started && EpisodeRuns.startsRun(isNull, id, previousNull, previous)) {
          episode++;
        }
        started = true;
        previous = id;
        previousNull = isNull;
        return episode / CHUNK_EPISODES;
      }
    };
  }
}
