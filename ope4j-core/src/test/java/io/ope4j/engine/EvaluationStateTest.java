package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The state other engines (Spark) fold and merge: it must serialize and merge like the local run. */
class EvaluationStateTest {

  private static final EvaluationConfig CONFIG = EvaluationConfig.of(
          Estimators.parseList("ipw,snipw,dr,switch-dr:lambda=slope"))
      .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(64, 3);

  @Test
  void statesOfPartsSerializedAndMergedEqualTheEvaluator() throws Exception {
    ColumnarLog log = RandomLogs.of(5, 50_000);
    EvaluationResult expected = new Evaluator(CONFIG.withThreads(1)).evaluate(log.source());
    EvaluationState total = null;
    try (BatchSource source = log.source()) {
      BanditBatch batch = new BanditBatch(source.layout(), Evaluator.BATCH_ROWS);
      int batches = 0;
      EvaluationState part = new EvaluationState(source.layout(), CONFIG);
      while (source.next(batch)) {
        part.add(batch);
        // Parts of 16 batches, as the evaluator's chunks.
        if (++batches % Evaluator.CHUNK_BATCHES == 0) {
          total = mergeInto(total, roundTrip(part));
          part = new EvaluationState(source.layout(), CONFIG);
        }
      }
      total = mergeInto(total, roundTrip(part));
    }
    assertThat(total.finish()).isEqualTo(expected);
  }

  private static EvaluationState mergeInto(EvaluationState total, EvaluationState part) {
    if (total == null) {
      EvaluationState empty = new EvaluationState(part.layout(), part.config());
      empty.merge(part);
      return empty;
    }
    total.merge(part);
    return total;
  }

  private static EvaluationState roundTrip(EvaluationState state) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (EvaluationState) in.readObject();
    }
  }

  @Test
  void anEmptyStateHasNoEstimate() {
    EvaluationState state = new EvaluationState(RandomLogs.of(1, 10).layout(), CONFIG);
    assertThatThrownBy(state::finish).hasMessageContaining("no rows");
  }

  @Test
  void statesOfDifferentConfigurationsDoNotMerge() {
    var layout = RandomLogs.of(1, 10).layout();
    EvaluationState a = new EvaluationState(layout, CONFIG);
    EvaluationState b = new EvaluationState(layout, CONFIG.withLevel(0.9));
    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class);
  }
}
