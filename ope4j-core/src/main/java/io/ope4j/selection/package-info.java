/**
 * Off-policy selection (OPS): ranking candidate policies from one log to pick the few that go
 * into an online A/B test, and judging how well an estimator does that when the true values are
 * known.
 *
 * <ul>
 *   <li>{@link io.ope4j.selection.PolicySelector} ranks the candidates of an evaluation by their
 *       estimate or by the lower end of their interval and selects the top k ({@code ope4j
 *       select}).
 *   <li>{@link io.ope4j.selection.SelectionMetrics} and {@link io.ope4j.selection.TopKCurve} are
 *       pure functions over arrays: MSE, relative error, Spearman's and Kendall's rank
 *       correlations, regret@k, type I/II error rates, and the top-k portfolio statistics with
 *       SharpeRatio@k (Kiyohara et al. 2023, arXiv:2311.18207). {@link
 *       io.ope4j.selection.SelectionQuality} bundles them for one estimator.
 *   <li>{@link io.ope4j.selection.ScopeRlCompatibility} switches to SCOPE-RL's coded variants,
 *       for comparing numbers with it.
 * </ul>
 */
package io.ope4j.selection;
