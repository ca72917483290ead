package io.ope4j.ct;

import java.io.IOException;
import java.util.List;

/** A {@link PathSource} over another one: the same name and state columns; closing closes it. */
public abstract class ForwardingPathSource implements PathSource {

  /** The source read from. */
  protected final PathSource source;

  protected ForwardingPathSource(PathSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public List<String> stateNames() {
    return source.stateNames();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
