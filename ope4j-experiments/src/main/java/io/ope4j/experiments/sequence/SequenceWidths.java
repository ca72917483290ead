package io.ope4j.experiments.sequence;

import io.ope4j.interval.Intervals;
import io.ope4j.sequence.AsymptoticSequence;
import io.ope4j.sequence.HedgedCapitalSequence;
import io.ope4j.sequence.OffPolicyBettingSequence;
import io.ope4j.sequence.SequenceInterval;
import io.ope4j.synthetic.OffPolicyStream;
import java.util.Locale;

/**
 * The price of looking at every row: the width of each confidence sequence after n rows beside the
 * fixed-n t interval's, on a seeded off-policy stream with an exact value ({@link OffPolicyStream}:
 * value 0.49, weights 2.5, 1 or 0.5, IPW terms in [0, 2.5]).
 *
 * <pre>
 * mvn -q -pl ope4j-experiments -am compile
 * java -cp &lt;class path&gt; io.ope4j.experiments.sequence.SequenceWidths 10000 1000000
 * </pre>
 */
public final class SequenceWidths {

  private static final double ALPHA = 0.05;
  private static final long SEED = 2021;

  private SequenceWidths() {}

  /** One line per n: the widths and the time each sequence took per row. */
  public static String measure(long n) {
    OffPolicyStream stream = new OffPolicyStream(SEED);
    OffPolicyBettingSequence betting = new OffPolicyBettingSequence(0, 1);
    HedgedCapitalSequence hedged = new HedgedCapitalSequence(0, OffPolicyStream.MAX_WEIGHT, ALPHA, HedgedCapitalSequence.DEFAULT_GRID);
    AsymptoticSequence asymptotic = new AsymptoticSequence(ALPHA, n);
    long[] nanos = new long[3];
    double sum = 0;
    double sumSquares = 0;
    for (long i = 0; i < n; i++) {
      stream.next();
      double weight = stream.weight();
      double reward = stream.reward();
      double term = weight * reward;
      sum += term;
      sumSquares += term * term;
      long start = System.nanoTime();
      betting.add(weight, reward);
      long afterBetting = System.nanoTime();
      hedged.add(term);
      long afterHedged = System.nanoTime();
      asymptotic.add(term);
      nanos[2] += System.nanoTime() - afterHedged;
      nanos[1] += afterHedged - afterBetting;
      nanos[0] += afterBetting - start;
    }
    double mean = sum / n;
    double stderr = Math.sqrt((sumSquares - sum * mean) / (n - 1) / n);
    double tWidth = Intervals.studentT(mean, stderr, n, 1 - ALPHA).upper() - Intervals.studentT(mean, stderr, n, 1 - ALPHA).lower();
    SequenceInterval b = betting.interval(ALPHA);
    SequenceInterval h = hedged.interval();
    SequenceInterval a = asymptotic.interval();
    return String.format(Locale.ROOT,
        "| %,d | %.5f | %.5f (%.2fx) | %.5f (%.2fx) | %.5f (%.2fx) | %.0f / %.0f / %.0f |",
        n, tWidth, b.width(), b.width() / tWidth, h.width(), h.width() / tWidth, a.width(), a.width() / tWidth,
        (double) nanos[0] / n, (double) nanos[1] / n, (double) nanos[2] / n);
  }

  public static void main(String[] args) {
    System.out.println("| n | t (fixed n) | betting | hedged | asymptotic | ns per row (betting / hedged / asymptotic) |");
    System.out.println("|---|---|---|---|---|---|");
    for (String arg : args.length == 0 ? new String[] {"10000", "1000000"} : args) {
      System.out.println(measure(Long.parseLong(arg)));
    }
  }
}
