package io.ope4j.assess;

import io.ope4j.data.BatchSource;
import io.ope4j.selection.KnownValues;

/**
 * One logged dataset of an experiment and the truth its estimates are judged against.
 *
 * @param source the log; its policies are the candidates, in {@link LogFactory#candidates()}
 *     order. The runner reads it once and closes it
 * @param truth the candidates' true values, the behaviour policy's value and the safety threshold
 */
public record LogWithTruth(BatchSource source, KnownValues truth) {}
