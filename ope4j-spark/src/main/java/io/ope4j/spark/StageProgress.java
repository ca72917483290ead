package io.ope4j.spark;

import io.ope4j.io.ProgressStages;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells {@link ProgressStages} of each Spark stage as it runs: a stage of its tasks, counted as
 * they end. Registered on the driver for one evaluation; Spark calls it on its listener thread.
 */
final class StageProgress extends SparkListener {

  private final ProgressStages stages;
  private final Map<Integer, LongConsumer> bars = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicLong> done = new ConcurrentHashMap<>();

  StageProgress(ProgressStages stages) {
    this.stages = stages;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    int stage = submitted.stageInfo().stageId();
    done.put(stage, new AtomicLong());
    LongConsumer bar = stages.stage("Spark stage " + stage + " tasks", submitted.stageInfo().numTasks());
    bars.put(stage, bar);
    bar.accept(0);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd ended) {
    LongConsumer bar = bars.get(ended.stageId());
    if (bar != null) {
      bar.accept(done.get(ended.stageId()).incrementAndGet());
    }
  }

  /** Waits (up to a few seconds) until Spark has told the listeners every event so far, e.g. the last tasks' ends. */
  void drain(org.apache.spark.sql.SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(DRAIN_MILLIS);
    } catch (java.util.concurrent.TimeoutException slow) {
      // the bars may miss the last tasks; the result does not depend on them
    }
  }

  private static final long DRAIN_MILLIS = 5_000;
}
