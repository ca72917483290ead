package io.ope4j.sequential;

import java.io.IOException;
import java.util.List;

/** An {@link EpisodeSource} that hands every call to another; subclasses change some of them. */
abstract class ForwardingEpisodeSource implements EpisodeSource {

  private final EpisodeSource source;

  ForwardingEpisodeSource(EpisodeSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public List<String> policyNames() {
    return source.policyNames();
  }

  @Override
  public boolean hasModel() {
    return source.hasModel();
  }

  @Override
  public boolean hasMarginalRatios() {
    return source.hasMarginalRatios();
  }

  @Override
  public boolean next(EpisodeSteps episode) throws IOException {
    return source.next(episode);
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
