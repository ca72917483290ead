/**
 * Reward-model contracts ({@link io.ope4j.rewardmodel.RewardModel}, {@link
 * io.ope4j.rewardmodel.RewardModelFitter}), cross-fitting and the batch-source wrappers that put a
 * fitted model's predictions into a log. They live in core because the engine's wrappers need
 * them and a user's own model should not have to depend on a model library; the fitters
 * themselves (logistic, ridge, gradient-boosted trees) are in the {@code ope4j-models} module,
 * package {@code io.ope4j.models}.
 */
package io.ope4j.rewardmodel;
