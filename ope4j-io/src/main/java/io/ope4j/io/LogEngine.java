package io.ope4j.io;

import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * An engine that evaluates a log where it lies, e.g. on a Spark cluster: a service ({@link
 * ServiceLoader}) found at run time, so that the command line does not depend on the engine's
 * module (design.md: nothing depends on {@code ope4j-spark}). Implementations list themselves
 * in {@code META-INF/services/io.ope4j.io.LogEngine}. The local engine is built in and is not a
 * service.
 */
public interface LogEngine {

  /** The name users choose it by, e.g. {@code spark}. */
  String name();

  /**
   * Evaluates the log {@code job.data()}.
   *
   * @throws io.ope4j.data.InvalidDataException on a log that breaks the format
   * @throws IllegalArgumentException on bad settings, or estimators the log cannot serve
   * @throws IOException if the log cannot be read
   */
  EvaluationResult evaluate(Job job) throws IOException;

  /**
   * Evaluates the trajectory log {@code job.data()} (docs/formats.md, "Trajectory log") with the
   * result of {@link TrajectoryEvaluation} on the same rows, to the bit.
   *
   * @throws io.ope4j.data.InvalidDataException on a log that breaks the format
   * @throws IllegalArgumentException on bad settings, or if the engine does not read trajectories
   * @throws IOException if the log cannot be read
   */
  default io.ope4j.sequential.SequentialResult evaluateTrajectories(TrajectoryJob job) throws IOException {
    throw new IllegalArgumentException("engine " + name() + " does not evaluate trajectory logs");
  }

  /**
   * One evaluation of a trajectory log.
   *
   * @param data where the log is (as for {@link Job})
   * @param format its format, as for {@link Job}
   * @param options the policies' and model's columns
   * @param config what to compute, given whether the log has Q-hat and V-hat columns (default
   *     estimators depend on it); called once, on the calling thread
   * @param settings engine-specific settings; may be empty
   * @param progress where the engine reports its stages
   */
  record TrajectoryJob(String data, InputFormat format, TrajectoryReadOptions options,
      Function<Boolean, io.ope4j.sequential.SequentialConfig> config, Map<String, String> settings,
      ProgressStages progress) {

    public TrajectoryJob {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(progress, "progress");
      settings = Map.copyOf(settings);
    }
  }

  /**
   * Evaluates the continuous-action log {@code job.data()} (docs/formats.md, "Continuous-action
   * log") with the result of the local {@code ContinuousEvaluator} on the same rows, to the bit.
   *
   * @throws io.ope4j.data.InvalidDataException on a log that breaks the format
   * @throws IllegalArgumentException on bad settings, or if the engine does not read such logs
   * @throws IOException if the log cannot be read
   */
  default io.ope4j.continuous.ContinuousResult evaluateContinuous(ContinuousJob job) throws IOException {
    throw new IllegalArgumentException("engine " + name() + " does not evaluate continuous-action logs");
  }

  /**
   * One evaluation of a continuous-action log.
   *
   * @param data where the log is (as for {@link Job})
   * @param format its format, as for {@link Job}
   * @param options the log's column names
   * @param config what to compute, given the log's layout (default estimators depend on it);
   *     called once, on the calling thread
   * @param settings engine-specific settings; may be empty
   * @param progress where the engine reports its stages
   */
  record ContinuousJob(String data, InputFormat format, ContinuousReadOptions options,
      Function<io.ope4j.continuous.ContinuousLayout, io.ope4j.continuous.ContinuousConfig> config,
      Map<String, String> settings, ProgressStages progress) {

    public ContinuousJob {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(progress, "progress");
      settings = Map.copyOf(settings);
    }
  }

  /**
   * Evaluates the slate log {@code job.data()} (docs/formats.md, "Slate log") with the result of
   * the local {@code SlateEvaluator} on the same rows, to the bit.
   *
   * @throws io.ope4j.data.InvalidDataException on a log that breaks the format
   * @throws IllegalArgumentException on bad settings, or if the engine does not read such logs
   * @throws IOException if the log cannot be read
   */
  default io.ope4j.slate.SlateResult evaluateSlates(SlateJob job) throws IOException {
    throw new IllegalArgumentException("engine " + name() + " does not evaluate slate logs");
  }

  /**
   * One evaluation of a slate log.
   *
   * @param data where the log is (as for {@link Job})
   * @param format its format, as for {@link Job}
   * @param piSumTolerance how far a row of {@code pi_e_*} may sum from 1
   * @param config what to compute, given the log's columns (a source without rows that tells the
   *     estimators it supports; default estimators depend on them); called once, on the calling
   *     thread
   * @param settings engine-specific settings; may be empty
   * @param progress where the engine reports its stages
   */
  record SlateJob(String data, InputFormat format, double piSumTolerance,
      Function<io.ope4j.slate.SlateSource, io.ope4j.slate.SlateConfig> config, Map<String, String> settings,
      ProgressStages progress) {

    public SlateJob {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(progress, "progress");
      settings = Map.copyOf(settings);
    }
  }

  /**
   * One evaluation.
   *
   * @param data where the log is: a file, a directory of part files, or any URI the engine reads
   * @param format the format of {@code data}; {@link InputFormat#AUTO} tells a local file by
   *     content as {@link LogInput} does (an engine that cannot read a format refuses it with an
   *     {@link IllegalArgumentException})
   * @param columns how the log's columns are named
   * @param config what to compute, given the log's layout (e.g. default estimators depend on
   *     whether it has reward-model columns); called once, on the calling thread
   * @param settings engine-specific settings, e.g. {@code master} for Spark; may be empty
   * @param progress where the engine reports its stages (e.g. Spark's tasks done per stage)
   */
  record Job(String data, InputFormat format, LogReadOptions columns,
      Function<LogLayout, EvaluationConfig> config, Map<String, String> settings, ProgressStages progress) {

    public Job {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(columns, "columns");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(progress, "progress");
      settings = Map.copyOf(settings);
    }

    /** A job that reports no progress. */
    public Job(String data, InputFormat format, LogReadOptions columns,
        Function<LogLayout, EvaluationConfig> config, Map<String, String> settings) {
      this(data, format, columns, config, settings, ProgressStages.NONE);
    }

    /** A job whose format is told by content ({@link InputFormat#AUTO}). */
    public Job(String data, LogReadOptions columns, Function<LogLayout, EvaluationConfig> config,
        Map<String, String> settings) {
      this(data, InputFormat.AUTO, columns, config, settings, ProgressStages.NONE);
    }
  }

  /**
   * The engine named {@code name} on the class path, or null if there is none.
   *
   * <p>Looked up with the thread's context class loader, which is the one that sees jars added
   * at run time (e.g. by {@code spark-submit --jars}).
   */
  static LogEngine find(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (LogEngine engine : ServiceLoader.load(LogEngine.class, loader)) {
      if (engine.name().equals(name)) {
        return engine;
      }
    }
    return null;
  }
}
