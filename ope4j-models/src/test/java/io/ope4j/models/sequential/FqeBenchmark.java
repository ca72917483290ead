package io.ope4j.models.sequential;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.io.LogInput;
import io.ope4j.io.TrajectoryLogReader;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): fitted Q evaluation on a trajectory log written by {@code ope4j simulate
 * --env tabular}, timed phase by phase, with the value error against the exact truth. The peer is
 * {@code ope4j-bench/scripts/fqe_numpy.py} (the same iteration in numpy); {@code
 * ope4j-bench/scripts/fqe_bench.sh} runs both on the same file. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl ope4j-models -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx4g -cp ope4j-models/target/test-classes:ope4j-models/target/classes:$(cat ope4j-models/target/bench.classpath) \
 *     io.ope4j.models.sequential.FqeBenchmark LOG.csv TRUTH.json GAMMA POLICY SPEC...
 * </pre>
 *
 * For each Q model spec (e.g. {@code fqe-linear}, {@code fqe-linear:solve=lstdq}, {@code
 * fqe-trees:iterations=20}): the in-sample fit and {@code dm} for the policy, the wall and
 * process CPU seconds of the fit (best of 3, trees once), the value and its error. The log is read
 * once (timed apart).
 */
public final class FqeBenchmark {

  private FqeBenchmark() {}

  public static void main(String[] args) throws IOException {
    String log = args[0];
    double truth = new ObjectMapper().readTree(new File(args[1])).get("policies").get(args[3])
        .asDouble();
    double gamma = Double.parseDouble(args[2]);
    String policy = args[3];
    long start = System.nanoTime();
    TransitionLog transitions;
    TrajectoryReadOptions options = TrajectoryReadOptions.defaults()
        .withPolicies(java.util.Map.of(policy, "pi_" + policy + "_")).withStates(true);
    try (TrajectoryLogReader reader = TrajectoryLogReader.open(LogInput.of(log), options)) {
      transitions = TransitionLog.collect(reader, reader.tabularState());
    }
    double read = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "read %,d steps of %,d episodes in %.2f s%n",
        transitions.steps(), transitions.episodes(), read);
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.DM), gamma);
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int s = 4; s < args.length; s++) {
      QFitter fitter = QModelSpec.parse(args[s]);
      // trees are slow: one run; the others best of 3 (the first includes JIT compilation)
      int repetitions = args[s].startsWith("fqe-trees") ? 1 : 3;
      double bestWall = Double.POSITIVE_INFINITY;
      double bestCpu = Double.POSITIVE_INFINITY;
      double value = Double.NaN;
      for (int r = 0; r < repetitions; r++) {
        start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        SequentialResult result = FittedTrajectories.evaluate(transitions, fitter,
            CrossFitting.inSample(), config, 1).result();
        bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1e9);
        bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu) / 1e9);
        value = result.estimates().get(0).value();
      }
      Runtime runtime = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "%-34s fit+dm %7.2f s wall %7.2f s CPU  dm %.6f  truth %.6f"
          + "  error %+.6f  heap used %d MiB%n", args[s], bestWall, bestCpu, value, truth,
          value - truth, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }
  }
}
