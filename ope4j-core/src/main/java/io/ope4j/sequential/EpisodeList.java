package io.ope4j.sequential;

import java.util.List;

/**
 * Episodes held in memory as an {@link EpisodeSource}: each {@link #open} delivers copies of
 * them in order (simulations, tests, logs built by hand).
 */
public final class EpisodeList implements EpisodeSource.Opener {

  private final List<EpisodeSteps> episodes;
  private final List<String> policyNames;
  private final boolean model;
  private final boolean ratios;

  private EpisodeList(List<EpisodeSteps> episodes, List<String> policyNames, boolean model,
      boolean ratios) {
    this.episodes = List.copyOf(episodes);
    this.policyNames = List.copyOf(policyNames);
    this.model = model;
    this.ratios = ratios;
  }

  /**
   * @param model whether the episodes carry Q-hat and V-hat
   * @param ratios whether they carry marginal ratios
   */
  public static EpisodeList of(List<EpisodeSteps> episodes, List<String> policyNames,
      boolean model, boolean ratios) {
    return new EpisodeList(episodes, policyNames, model, ratios);
  }

  @Override
  public EpisodeSource open() {
    return new EpisodeSource() {
      private int next;

      @Override
      public String name() {
        return "memory";
      }

      @Override
      public List<String> policyNames() {
        return policyNames;
      }

      @Override
      public boolean hasModel() {
        return model;
      }

      @Override
      public boolean hasMarginalRatios() {
        return ratios;
      }

      @Override
      public boolean next(EpisodeSteps episode) {
        if (next == episodes.size()) {
          return false;
        }
        episode.copyFrom(episodes.get(next++));
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
