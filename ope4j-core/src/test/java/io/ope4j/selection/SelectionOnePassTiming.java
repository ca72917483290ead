package io.ope4j.selection;

import com.sun.management.OperatingSystemMXBean;
import io.ope4j.assess.CandidatePools;
import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticBandit;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Timing of selection over many candidates: one engine pass that updates every candidate's
 * state together, against one pass for a single candidate and against one pass per candidate.
 * Not a test (surefire skips it) and not JMH (ope4j-bench has no JMH set-up yet): a plain main
 * with a warm-up and repeated runs, reporting the median wall time and the median CPU time of
 * the process (the CPU time is the steadier number on a shared machine).
 *
 * <p>Two data sources. {@code memory} (default) replays pre-generated rows over and over, as a
 * fast reader would serve them, so the numbers are the engine's; the replayed rows fill at least
 * 64 MiB (or hold every row), so that no variant runs from cache as a real log could not. {@code generator} draws
 * every row from the synthetic generator during the pass, so a pass also pays for producing its
 * rows, as a pass over a file pays for reading it.
 *
 * <p>Run:
 *
 * <pre>
 * mvn -B -q -pl ope4j-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.ope4j.selection.SelectionOnePassTiming \
 *     -Dexec.args="[ROWS [CANDIDATES [THREADS [memory|generator [BOOTSTRAP_REPLICATES]]]]]"
 * </pre>
 *
 * Defaults: 10^6 rows, 100 candidates (a softmax ladder over 10 actions), the DR estimator with t
 * intervals, 1 thread, memory. With a number of bootstrap replicates B the intervals are the
 * Poisson bootstrap, whose per-row multiplicities one pass draws once for all candidates.
 */
public final class SelectionOnePassTiming {

  private static final int REPEATS = 3;

  /** Replayed rows fill at least this much memory: twice the 32 MiB L3 of the build machines. */
  private static final long REPLAY_BYTES = 64L << 20;

  private SelectionOnePassTiming() {}

  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    boolean memory = args.length <= 3 || args[3].equals("memory");
    int replicates = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    List<PolicySpec> pool = CandidatePools.softmaxLadder(candidates);
    SyntheticConfig base = SyntheticConfig.defaults(42);
    SyntheticBandit all = SyntheticBandit.of(base.withPolicies(pool));
    SyntheticBandit one = SyntheticBandit.of(base.withPolicies(pool.get(0)));
    LongFunction<BatchSource> allRows = memory ? replay(all, rows) : n -> all.source(n);
    LongFunction<BatchSource> oneRows = memory ? replay(one, rows) : n -> one.source(n);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("dr")).withThreads(threads);
    if (replicates > 0) {
      config = config.withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(replicates, 1);
    }
    EvaluationConfig chosen = config;
    System.out.printf(Locale.ROOT, "%,d rows, %d candidates, estimator dr, %s intervals, %d thread(s), %s rows, JDK %s,"
            + " %d cores%n", rows, candidates, replicates > 0 ? "bootstrap (B = " + replicates + ")" : "t", threads,
        memory ? "replayed in-memory" : "generated", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());

    double[] read = time(() -> drain(allRows.apply(rows)));
    double[] onePassAll = time(() -> PolicySelector.select(new Evaluator(chosen).evaluate(allRows.apply(rows)), "dr",
        Criterion.LOWER_BOUND, 3, TieBreak.FIRST_LISTED).rows());
    double[] onePassOne = time(() -> new Evaluator(chosen).evaluate(oneRows.apply(rows)).rows());
    // One pass per candidate; every single-candidate pass does the same work, so the first
    // candidate's rows stand for each.
    double[] separate = time(() -> {
      long total = 0;
      for (int p = 0; p < candidates; p++) {
        EvaluationResult result = new Evaluator(chosen).evaluate(oneRows.apply(rows));
        total += result.rows();
      }
      return total;
    });
    report("read the rows only (" + candidates + " candidates)", read);
    report("one pass, " + candidates + " candidates, + select top 3", onePassAll);
    report("one pass, 1 candidate", onePassOne);
    report(candidates + " separate passes of 1 candidate", separate);
    System.out.printf(Locale.ROOT, "one pass of %d vs 1 candidate: x%.1f wall, x%.1f cpu%n", candidates,
        onePassAll[0] / onePassOne[0], onePassAll[1] / onePassOne[1]);
    System.out.printf(Locale.ROOT, "%d separate passes vs one pass of all: x%.1f wall, x%.1f cpu%n", candidates,
        separate[0] / onePassAll[0], separate[1] / onePassAll[1]);
  }

  private static void report(String what, double[] seconds) {
    System.out.printf(Locale.ROOT, "%-44s %8.3f s wall %8.3f s cpu%n", what + ":", seconds[0], seconds[1]);
  }

  /** Sources of up to {@code maxRows} rows cycling through batches generated once. */
  private static LongFunction<BatchSource> replay(SyntheticBandit bandit, long maxRows) {
    LogLayout layout = bandit.layout();
    long bytesPerBatch = Evaluator.BATCH_ROWS * (4L + 8L * (3 + 2 * layout.policyCount()));
    int batches = (int) Math.min((maxRows + Evaluator.BATCH_ROWS - 1) / Evaluator.BATCH_ROWS,
        (REPLAY_BYTES + bytesPerBatch - 1) / bytesPerBatch);
    BanditBatch[] stored = new BanditBatch[batches];
    for (int b = 0; b < batches; b++) {
      stored[b] = new BanditBatch(layout, Evaluator.BATCH_ROWS);
      bandit.fill(stored[b], (long) b * Evaluator.BATCH_ROWS, Evaluator.BATCH_ROWS);
    }
    return rows -> new BatchSource() {
      private long next;

      @Override
      public LogLayout layout() {
        return layout;
      }

      @Override
      public boolean next(BanditBatch batch) {
        int size = (int) Math.min(Math.min(batch.capacity(), Evaluator.BATCH_ROWS), rows - next);
        if (size <= 0) {
          batch.setRows(next, 0);
          return false;
        }
        BanditBatch from = stored[(int) ((next / Evaluator.BATCH_ROWS) % stored.length)];
        System.arraycopy(from.action(), 0, batch.action(), 0, size);
        System.arraycopy(from.reward(), 0, batch.reward(), 0, size);
        System.arraycopy(from.pscore(), 0, batch.pscore(), 0, size);
        System.arraycopy(from.qLogged(), 0, batch.qLogged(), 0, size);
        for (int p = 0; p < layout.policyCount(); p++) {
          System.arraycopy(from.piLogged(p), 0, batch.piLogged(p), 0, size);
          System.arraycopy(from.qExpected(p), 0, batch.qExpected(p), 0, size);
        }
        batch.setRows(next, size);
        next += size;
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /** Reads a source to its end without estimating anything. */
  private static long drain(BatchSource source) throws IOException {
    BanditBatch batch = new BanditBatch(source.layout(), Evaluator.BATCH_ROWS);
    long rows = 0;
    while (source.next(batch) && batch.size() > 0) {
      rows += batch.size();
    }
    return rows;
  }

  private interface Run {
    long run() throws IOException;
  }

  /** One warm-up, then the medians of {@value #REPEATS} runs: {wall seconds, process CPU seconds}. */
  private static double[] time(Run run) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    run.run();
    double[] wall = new double[REPEATS];
    double[] cpu = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      long sink = run.run();
      wall[i] = (System.nanoTime() - start) / 1e9;
      cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
      if (sink < 0) {
        System.out.println(sink);
      }
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[REPEATS / 2], cpu[REPEATS / 2]};
  }
}
