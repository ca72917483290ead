package io.ope4j.sequential;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A temporary binary copy of a source's episodes, written while the first pass reads them and
 * replayed as the second pass's source, so that a log is parsed once even with a self-normalised
 * estimator (docs/sequential.md, "Passes"). It holds exactly the doubles the fold reads (rewards,
 * propensities, Q-hat at the logged action, and per policy the evaluation probabilities, V-hat
 * and, when the source gives them, the marginal ratios and differential values), so a replayed
 * pass gives the same result to the bit as a re-read one. About {@code 8 (3 + 2P)} bytes per step
 * for P policies ({@code 8 (3 + 5P)} with marginal ratios), in a file deleted on {@link #close}.
 * Written and read by one thread at a time, sequentially.
 */
final class EpisodeSpill implements Closeable {

  private static final int BUFFER_BYTES = 1 << 20;
  /** Episode id and length. */
  private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;

  private final FileChannel channel;
  private final String name;
  private final List<String> policyNames;
  private final boolean hasModel;
  private final boolean hasRatios;
  private ByteBuffer buffer = newBuffer(BUFFER_BYTES);

  private EpisodeSpill(FileChannel channel, EpisodeSource source) {
    this.channel = channel;
    this.name = source.name();
    this.policyNames = source.policyNames();
    this.hasModel = source.hasModel();
    this.hasRatios = source.hasMarginalRatios();
  }

  /** An empty spill for {@code source}'s episodes, a new file in {@code directory}. */
  static EpisodeSpill create(Path directory, EpisodeSource source) throws IOException {
    Path file = Files.createTempFile(directory, "ope4j-episodes-", ".bin");
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException | RuntimeException failure) {
      Files.deleteIfExists(file);
      throw failure;
    }
    return new EpisodeSpill(channel, source);
  }

  /** {@code source}, whose every episode is also written to this spill as it is read. */
  EpisodeSource recording(EpisodeSource source) {
    return new Recording(source);
  }

  /** The spilled episodes from the start (after the recording pass), as a source. */
  EpisodeSource replay() throws IOException {
    flush();
    channel.position(0);
    buffer.clear().limit(0);
    return new Replay();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static ByteBuffer newBuffer(int bytes) {
    return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
  }

  /** Bytes of an episode of {@code length} steps. */
  private int recordBytes(int length) {
    int perStep = 3 + policyNames.size() * (hasRatios ? 5 : 2);
    long bytes = HEADER_BYTES + (long) Double.BYTES * perStep * length;
    if (bytes > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException(name + ": an episode of " + length + " steps is too long to"
          + " spill");
    }
    return (int) bytes;
  }

  private void write(EpisodeSteps episode) throws IOException {
    int length = episode.length();
    int bytes = recordBytes(length);
    if (buffer.remaining() < bytes) {
      flush();
      if (buffer.capacity() < bytes) {
        buffer = newBuffer(bytes);
      }
    }
    buffer.putLong(episode.id()).putInt(length);
    put(episode.reward, length);
    put(episode.pscore, length);
    put(episode.qLogged, length);
    for (int p = 0; p < policyNames.size(); p++) {
      put(episode.pi[p], length);
      put(episode.vHat[p], length);
      if (hasRatios) {
        put(episode.marginalRatio[p], length);
        put(episode.differentialQ[p], length);
        put(episode.differentialV[p], length);
      }
    }
  }

  /** A bulk copy through a double view of the native-order buffer (a memory copy, no loop). */
  private void put(double[] values, int length) {
    buffer.asDoubleBuffer().put(values, 0, length);
    buffer.position(buffer.position() + Double.BYTES * length);
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /** Reads the next episode into {@code episode}; false at the end of the spill. */
  private boolean read(EpisodeSteps episode) throws IOException {
    if (!fill(HEADER_BYTES)) {
      return false;
    }
    long id = buffer.getLong(buffer.position());
    int length = buffer.getInt(buffer.position() + Long.BYTES);
    if (!fill(recordBytes(length))) {
      throw new IllegalStateException(name + ": the episode spill ends inside episode " + id);
    }
    buffer.position(buffer.position() + HEADER_BYTES);
    episode.start(id);
    episode.resize(length);
    get(episode.reward, length);
    get(episode.pscore, length);
    get(episode.qLogged, length);
    for (int p = 0; p < policyNames.size(); p++) {
      get(episode.pi[p], length);
      get(episode.vHat[p], length);
      if (hasRatios) {
        get(episode.marginalRatio[p], length);
        get(episode.differentialQ[p], length);
        get(episode.differentialV[p], length);
      } else {
        // as a reader's setPolicy leaves them
        Arrays.fill(episode.marginalRatio[p], 0, length, Double.NaN);
        Arrays.fill(episode.differentialQ[p], 0, length, Double.NaN);
        Arrays.fill(episode.differentialV[p], 0, length, Double.NaN);
      }
    }
    return true;
  }

  private void get(double[] values, int length) {
    buffer.asDoubleBuffer().get(values, 0, length);
    buffer.position(buffer.position() + Double.BYTES * length);
  }

  /** Makes {@code bytes} readable in the buffer; false if the spill ends first. */
  private boolean fill(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return true;
    }
    if (buffer.capacity() < bytes) {
      ByteBuffer larger = newBuffer(bytes);
      larger.put(buffer);
      buffer = larger;
    } else {
      buffer.compact();
    }
    while (buffer.position() < bytes) {
      if (channel.read(buffer) < 0) {
        break;
      }
    }
    buffer.flip();
    return buffer.remaining() >= bytes;
  }

  /** The first pass's source, teeing each episode into the spill. */
  private final class Recording extends ForwardingEpisodeSource {

    Recording(EpisodeSource source) {
      super(source);
    }

    @Override
    public boolean next(EpisodeSteps episode) throws IOException {
      if (!super.next(episode)) {
        return false;
      }
      write(episode);
      return true;
    }
  }

  /** The second pass's source: the spilled episodes in order. */
  private final class Replay implements EpisodeSource {

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<String> policyNames() {
      return policyNames;
    }

    @Override
    public boolean hasModel() {
      return hasModel;
    }

    @Override
    public boolean hasMarginalRatios() {
      return hasRatios;
    }

    @Override
    public boolean next(EpisodeSteps episode) throws IOException {
      return read(episode);
    }

    @Override
    public void close() {
      // the spill owns the file; EpisodeSpill.close deletes it
    }
  }
}
