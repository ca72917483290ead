package io.ope4j.models.sequential;

import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.TabularMdp;
import io.ope4j.sequential.EpisodeList;
import io.ope4j.sequential.EpisodeSource;
import io.ope4j.sequential.EpisodeSteps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Logged episodes of a {@link TabularMdp} with one target policy, held as {@link EpisodeSteps}
 * with states: the tabular index, or with {@code features} the state's feature row.
 */
final class MdpLogs {

  private MdpLogs() {}

  static List<EpisodeSteps> collect(TabularMdp mdp, double[][] behaviour, double[][] target,
      double[][] features, int episodes, long seed) throws IOException {
    List<EpisodeSteps> log = new ArrayList<>();
    int k = mdp.actions();
    EpisodeCollector.collect(mdp, behaviour, episodes, seed,
        (episode, step, state, action, reward, pscore, done) -> {
          if (step == 0) {
            EpisodeSteps fresh = new EpisodeSteps(1);
            fresh.start(episode);
            log.add(fresh);
          }
          EpisodeSteps current = log.get(log.size() - 1);
          int t = current.append();
          current.set(t, reward, pscore, Double.NaN);
          current.setPolicy(0, t, target[state][action], Double.NaN);
          double[] row = features == null ? new double[] {state} : features[state];
          current.setState(t, action, row, 0, row.length);
          current.setPolicyRow(0, t, target[state], k);
          current.setEnded(done);
        });
    return log;
  }

  static TransitionLog transitions(List<EpisodeSteps> episodes, boolean tabular)
      throws IOException {
    return TransitionLog.collect(source(episodes), tabular);
  }

  static EpisodeSource source(List<EpisodeSteps> episodes) {
    return EpisodeList.of(episodes, List.of("target"), false, false).open();
  }
}
