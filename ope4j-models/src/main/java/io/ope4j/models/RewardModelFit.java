package io.ope4j.models;

import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.util.Objects;

/**
 * A reward model named by its spec ({@link RewardModelSpec}'s grammar, e.g. {@code
 * logistic:C=100}), with its features and cross-fitting: the one way from a spec to a fitted
 * model, for the command line and for programs.
 *
 * <pre>{@code
 * RewardData data = new RewardData(contexts, dim, actions, positions, rewards, null, nActions);
 * CrossFittedModel model = RewardModelFit.of("logistic:C=100").fit(data);
 * model.describe();  // "logistic(C=100), cross-fitted (3 folds, seed 12345), weights plain"
 * }</pre>
 *
 * Defaults: {@link RewardFeatures#defaults()}, {@link #DEFAULT_CROSS_FITTING}, all cores for the
 * linear fits (their result does not depend on it). Immutable.
 */
public final class RewardModelFit {

  /** Three folds, fold seed 12345: the command line's default. */
  public static final CrossFitting DEFAULT_CROSS_FITTING = CrossFitting.folds(3, 12345);

  private final String spec;
  private final RewardFeatures features;
  private final CrossFitting crossFitting;
  private final int threads;

  private RewardModelFit(String spec, RewardFeatures features, CrossFitting crossFitting, int threads) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.features = Objects.requireNonNull(features, "features");
    this.crossFitting = Objects.requireNonNull(crossFitting, "crossFitting");
    this.threads = threads;
  }

  /**
   * The model of {@code spec}, with the defaults.
   *
   * @throws IllegalArgumentException if the spec is not of the grammar (the message starts with
   *     {@code reward model '<spec>': })
   */
  public static RewardModelFit of(String spec) {
    RewardModelFit fit = new RewardModelFit(spec, RewardFeatures.defaults(), DEFAULT_CROSS_FITTING,
        LinearFits.defaultThreads());
    fit.fitter(); // a bad spec fails here, not at the first fit
    return fit;
  }

  /** The same model on these features. */
  public RewardModelFit features(RewardFeatures newFeatures) {
    return new RewardModelFit(spec, newFeatures, crossFitting, threads);
  }

  /** The same model, kept out of sample by {@code newCrossFitting} (or fitted in sample). */
  public RewardModelFit crossFitting(CrossFitting newCrossFitting) {
    return new RewardModelFit(spec, features, newCrossFitting, threads);
  }

  /** Threads of the linear fits (the trees take theirs from the spec). */
  public RewardModelFit threads(int newThreads) {
    if (newThreads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + newThreads);
    }
    return new RewardModelFit(spec, features, crossFitting, newThreads);
  }

  /** The fitter of the spec, on the chosen features. */
  public RewardModelFitter fitter() {
    return RewardModelSpec.parse(spec, features, threads);
  }

  public CrossFitting crossFitting() {
    return crossFitting;
  }

  /**
   * Fits one model per fold on {@code data} (no sample weights: see {@link
   * CrossFittedModel#fit(RewardModelFitter, RewardData, CrossFitting, io.ope4j.rewardmodel.FitWeighting,
   * String, double[], double[])} for weighted fits).
   *
   * @throws IllegalArgumentException when the data do not suit the model, naming the row
   */
  public CrossFittedModel fit(RewardData data) {
    return CrossFittedModel.fit(fitter(), data, crossFitting);
  }

  /**
   * The cross-fitted predictions of every action for every row of {@code data} at its logged
   * position, each row by the model of its fold (Chernozhukov et al. 2018, "Double/debiased
   * machine learning", Definition 3.1; OBP's {@code RegressionModel.fit_predict(n_folds=K)}).
   *
   * @return {@code q[i * K + a]}
   */
  public double[] predictions(RewardData data) {
    return fit(data).predictAll(data.contexts(), data.dim(), data.positions(), data.rows());
  }

  @Override
  public String toString() {
    return spec;
  }
}
