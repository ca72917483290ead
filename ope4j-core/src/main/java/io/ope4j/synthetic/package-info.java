/**
 * Synthetic contextual-bandit logs with exact ground truth.
 *
 * <p>{@link io.ope4j.synthetic.SyntheticConfig} describes the model, {@link
 * io.ope4j.synthetic.SyntheticBandit} generates rows (as {@link io.ope4j.data.BanditBatch}es or
 * wide rows in the formats.md column order) and {@link io.ope4j.synthetic.GroundTruth} holds the
 * exact policy values. {@link io.ope4j.internal.stats.CounterRng} is the stateless counter-based
 * generator behind it, reusable wherever draws must not depend on order or partitioning.
 */
package io.ope4j.synthetic;
