package io.ope4j.decision;

import io.ope4j.diagnostics.WeightDiagnostics;

/**
 * The gate's verdict on one candidate, with every number behind it.
 *
 * @param policy the candidate's name
 * @param verdict deploy, do-not-deploy, inconclusive or refused
 * @param reason why, in one sentence
 * @param difference the paired difference to the baseline
 * @param pValue p-value of "the improvement is at most the minimum", by the rule's bound
 * @param holmRank the candidate's 1-based place in Holm's order (smallest p-value first)
 * @param holmAlpha the error level Holm gives that place, {@code alpha / (k - rank + 1)}
 * @param lowerAtHolm the rule's lower bound at {@code holmAlpha}
 * @param lowerT the t lower bound at the rule's unadjusted level
 * @param lowerBernstein the empirical-Bernstein lower bound at the unadjusted level, NaN without a stated term range
 * @param lowerBootstrap the bootstrap lower bound at the unadjusted level, NaN without the bootstrap
 * @param upper the rule's upper bound at the unadjusted level (below the minimum: do not deploy)
 * @param weights the candidate's importance-weight diagnostics
 */
public record CandidateVerdict(String policy, Verdict verdict, String reason, PairedDifference difference,
    double pValue, int holmRank, double holmAlpha, double lowerAtHolm, double lowerT, double lowerBernstein,
    double lowerBootstrap, double upper, WeightDiagnostics weights) {}
