package io.ope4j.sequence;

/**
 * The empirical-Bernstein betting sequence of {@link OffPolicyBettingSequence} for the mean of any
 * terms in a known range [lo, hi], each row a bet of weight 1 (Karampatziakis, Mineiro &amp; Ramdas
 * 2021 with w = 1, which is the bounded-mean case of Howard et al. 2021's gamma-exponential mixture).
 */
final class BoundedBettingSequence implements ConfidenceSequence {

  private final OffPolicyBettingSequence sequence;
  private final double alpha;

  BoundedBettingSequence(double lo, double hi, double alpha) {
    ConfidenceSequences.checkAlpha(alpha);
    this.sequence = new OffPolicyBettingSequence(lo, hi);
    this.alpha = alpha;
  }

  @Override
  public void add(double term) {
    sequence.add(1.0, term);
  }

  @Override
  public long count() {
    return sequence.count();
  }

  @Override
  public boolean covers(double value) {
    return sequence.covers(value, alpha);
  }

  @Override
  public SequenceInterval interval() {
    return sequence.interval(alpha);
  }
}
