/**
 * Benchmarking estimators ({@code ope4j assess}): "which estimator should I trust in a setting
 * like mine?" An {@link io.ope4j.assess.AssessmentRunner} draws R logs with known truth from a
 * {@link io.ope4j.assess.LogFactory} (synthetic bandits through {@link
 * io.ope4j.assess.SyntheticLogFactory}, over a {@link io.ope4j.assess.SyntheticGrid} of
 * settings), runs every estimator on every candidate policy in one pass per log, and summarises
 * per estimator the accuracy (relative error, bias², variance, MSE), the ranking quality (rank
 * correlations, regret@k) and the risk-return of the top-k portfolios (SharpeRatio@k): {@link
 * io.ope4j.assess.EstimatorSummary}.
 */
package io.ope4j.assess;
