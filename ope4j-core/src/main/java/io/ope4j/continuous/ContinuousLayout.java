package io.ope4j.continuous;

/**
 * What a continuous-action log holds (docs/formats.md, "Continuous-action log").
 *
 * @param policy the evaluation policy's name
 * @param densityPolicy whether the log gives the evaluation policy's density at the logged action
 *     ({@code target_density}) rather than its deterministic action ({@code target_action})
 * @param hasTargetModel whether the log has {@code q_pi}, q-hat at the evaluation policy's action
 *     (for a density policy: its expectation under the policy)
 * @param hasLoggedModel whether the log has {@code q}, q-hat at the logged action
 */
public record ContinuousLayout(String policy, boolean densityPolicy, boolean hasTargetModel,
    boolean hasLoggedModel) implements java.io.Serializable {}
