package io.ope4j.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.internal.data.WideForm;
import io.ope4j.internal.stats.CounterRng;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticBanditTest {

  private static final int ROWS = 25_000;

  private static final SyntheticBandit BANDIT = SyntheticBandit.of(SyntheticConfig.defaults(5L));

  /** All columns of a run of rows, flattened for comparison. */
  private record Rows(int[] action, double[] reward, double[] pscore, double[] qLogged,
      double[][] piLogged, double[][] qExpected, long[] firstRows) {}

  private static Rows read(BatchSource source, long rows, int batchSize) throws IOException {
    int n = (int) rows;
    int policies = source.layout().policyCount();
    Rows out = new Rows(new int[n], new double[n], new double[n], new double[n],
        new double[policies][n], new double[policies][n], new long[n]);
    BanditBatch batch = new BanditBatch(source.layout(), batchSize);
    int filled = 0;
    while (source.next(batch)) {
      int size = batch.size();
      System.arraycopy(batch.action(), 0, out.action, filled, size);
      System.arraycopy(batch.reward(), 0, out.reward, filled, size);
      System.arraycopy(batch.pscore(), 0, out.pscore, filled, size);
      System.arraycopy(batch.qLogged(), 0, out.qLogged, filled, size);
      for (int p = 0; p < policies; p++) {
        System.arraycopy(batch.piLogged(p), 0, out.piLogged[p], filled, size);
        System.arraycopy(batch.qExpected(p), 0, out.qExpected[p], filled, size);
      }
      for (int j = 0; j < size; j++) {
        out.firstRows[filled + j] = batch.firstRow() + j;
      }
      filled += size;
    }
    assertThat(filled).isEqualTo(n);
    assertThat(batch.size()).isZero();
    return out;
  }

  private static void assertSameRows(Rows actual, Rows expected) {
    assertThat(actual.action).isEqualTo(expected.action);
    assertThat(actual.reward).isEqualTo(expected.reward);
    assertThat(actual.pscore).isEqualTo(expected.pscore);
    assertThat(actual.qLogged).isEqualTo(expected.qLogged);
    assertThat(actual.piLogged).isDeepEqualTo(expected.piLogged);
    assertThat(actual.qExpected).isDeepEqualTo(expected.qExpected);
    assertThat(actual.firstRows).isEqualTo(expected.firstRows);
  }

  @Test
  void layout_listsPoliciesWithModelWithoutPosition() {
    assertThat(BANDIT.layout()).isEqualTo(
        new LogLayout(List.of("softmax", "egreedy", "argmax", "uniform"), true, false, 10));
  }

  @Test
  void rows_doNotDependOnBatchSize() throws IOException {
    Rows reference = read(BANDIT.source(ROWS), ROWS, 7);
    assertSameRows(read(BANDIT.source(ROWS), ROWS, 4096), reference);
    assertSameRows(read(BANDIT.source(ROWS), ROWS, 10_000), reference);
    for (int j = 0; j < ROWS; j++) {
      assertThat(reference.firstRows[j]).isEqualTo(j);
    }
    // Each row comes from the identical generator with the same seed, built anew.
    assertSameRows(read(SyntheticBandit.of(SyntheticConfig.defaults(5L)).source(ROWS), ROWS, 999),
        reference);
  }

  @Test
  void rows_doNotDependOnChunkingOrThreads() throws Exception {
    Rows whole = read(BANDIT.source(ROWS), ROWS, 4096);
    Rows tail = read(BANDIT.source(10_000, ROWS - 10_000), ROWS - 10_000, 333);
    assertThat(tail.action).isEqualTo(Arrays.copyOfRange(whole.action, 10_000, ROWS));
    assertThat(tail.reward).isEqualTo(Arrays.copyOfRange(whole.reward, 10_000, ROWS));
    assertThat(tail.firstRows[0]).isEqualTo(10_000L);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // Second half first, on another thread: the order of generation does not matter.
      Future<Rows> second = pool.submit(() -> read(BANDIT.source(12_500, 12_500), 12_500, 512));
      Future<Rows> first = pool.submit(() -> read(BANDIT.source(0, 12_500), 12_500, 2048));
      int[] actions = new int[ROWS];
      System.arraycopy(first.get().action, 0, actions, 0, 12_500);
      System.arraycopy(second.get().action, 0, actions, 12_500, 12_500);
      assertThat(actions).isEqualTo(whole.action);
      assertThat(second.get().reward)
          .isEqualTo(Arrays.copyOfRange(whole.reward, 12_500, ROWS));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rows_differBySeed() throws IOException {
    Rows one = read(BANDIT.source(1000), 1000, 1000);
    SyntheticBandit other = SyntheticBandit.of(SyntheticConfig.defaults(6L));
    Rows two = read(other.source(1000), 1000, 1000);
    int sameAction = 0;
    int sameReward = 0;
    for (int j = 0; j < 1000; j++) {
      sameAction += one.action[j] == two.action[j] ? 1 : 0;
      sameReward += one.reward[j] == two.reward[j] ? 1 : 0;
    }
    // Independent draws agree on the action about 1 time in K (here under 20%), on a continuous
    // reward never.
    assertThat(sameAction).isLessThan(300);
    assertThat(sameReward).isZero();
    assertThat(other.truth().value(0)).isNotEqualTo(BANDIT.truth().value(0));
  }

  @Test
  void source_endsCleanly() throws IOException {
    BanditBatch batch = new BanditBatch(BANDIT.layout(), 8);
    try (BatchSource empty = BANDIT.source(0)) {
      assertThat(empty.next(batch)).isFalse();
      assertThat(batch.size()).isZero();
    }
    try (BatchSource source = BANDIT.source(100, 10)) {
      assertThat(source.next(batch)).isTrue();
      assertThat(batch.size()).isEqualTo(8);
      assertThat(batch.firstRow()).isEqualTo(100L);
      assertThat(source.next(batch)).isTrue();
      assertThat(batch.size()).isEqualTo(2);
      assertThat(batch.firstRow()).isEqualTo(108L);
      assertThat(source.next(batch)).isFalse();
      assertThat(source.next(batch)).isFalse();
    }
  }

  @Test
  void misuse_isRejected() {
    LogLayout other = new LogLayout(List.of("x"), true, false, 10);
    assertThatThrownBy(() -> BANDIT.fill(new BanditBatch(other, 4), 0, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layout");
    assertThatThrownBy(() -> BANDIT.fill(new BanditBatch(BANDIT.layout(), 4), 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BANDIT.source(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BANDIT.source(Long.MAX_VALUE, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BANDIT.wideRow(0, new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 58");
    assertThatThrownBy(() -> BANDIT.context(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BANDIT.meanReward(1000, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> BANDIT.contextFeature(0, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void columns_followFormatsOrder() {
    SyntheticBandit small = SyntheticBandit.of(SyntheticConfig.defaults().withActions(3)
        .withContextDim(2).withPolicies(PolicySpec.argmax("a"), PolicySpec.uniform("b")));
    WideColumns columns = small.columns();
    assertThat(columns.names()).containsExactly("action", "reward", "pscore", "x_0", "x_1",
        "pi_a_0", "pi_a_1", "pi_a_2", "pi_b_0", "pi_b_1", "pi_b_2", "q_0", "q_1", "q_2");
    assertThat(columns.count()).isEqualTo(14);
    assertThat(columns.names().get(WideColumns.PSCORE)).isEqualTo("pscore");
    assertThat(columns.names().get(columns.context(1))).isEqualTo("x_1");
    assertThat(columns.names().get(columns.policy(1, 2))).isEqualTo("pi_b_2");
    assertThat(columns.names().get(columns.model(0))).isEqualTo("q_0");
    assertThat(columns.names().get(columns.policy(0, 1)))
        .startsWith(WideColumns.policyPrefix("a"));
  }

  @Test
  void wideRow_agreesWithBatchAndReaderFormula() throws IOException {
    int n = 2000;
    Rows rows = read(BANDIT.source(n), n, 256);
    WideColumns columns = BANDIT.columns();
    double[] out = new double[columns.count()];
    for (int j = 0; j < n; j++) {
      BANDIT.wideRow(j, out);
      int action = rows.action[j];
      int context = BANDIT.context(j);
      assertThat(out[WideColumns.ACTION]).isEqualTo(action);
      assertThat(out[WideColumns.REWARD]).isEqualTo(rows.reward[j]);
      assertThat(out[WideColumns.PSCORE]).isEqualTo(rows.pscore[j])
          .isEqualTo(BANDIT.behaviourProbability(context, action));
      for (int f = 0; f < 5; f++) {
        assertThat(out[columns.context(f)]).isEqualTo(BANDIT.contextFeature(context, f));
      }
      assertThat(out[columns.model(action)]).isEqualTo(rows.qLogged[j]);
      for (int p = 0; p < 4; p++) {
        int piFrom = columns.policy(p, 0);
        assertThat(out[piFrom + action]).isEqualTo(rows.piLogged[p][j]);
        double qExpected = WideForm.expectedModelValue(out, piFrom, out, columns.model(0), 10);
        assertThat(qExpected).isEqualTo(rows.qExpected[p][j]);
        double total = 0.0;
        for (int a = 0; a < 10; a++) {
          total += out[piFrom + a];
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 32, 33, 64})
  void action_isTheInverseCdfOfItsUniform(int nActions) {
    // K <= 32 counts cdf entries, larger K bisects: both must pick the first action whose
    // cumulative probability exceeds the row's uniform.
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults(9L).withActions(nActions));
    long actionKey = CounterRng.key(9L, SyntheticBandit.STREAM_ACTION);
    BanditBatch batch = new BanditBatch(bandit.layout(), 5000);
    bandit.fill(batch, 0, 5000);
    for (int row = 0; row < 5000; row++) {
      double u = CounterRng.uniform(actionKey, row);
      int context = bandit.context(row);
      double cumulative = 0.0;
      int expected = nActions - 1;
      for (int a = 0; a < nActions - 1; a++) {
        cumulative += bandit.behaviourProbability(context, a);
        if (u < cumulative) {
          expected = a;
          break;
        }
      }
      assertThat(batch.action()[row]).as("row %s, K %s", row, nActions).isEqualTo(expected);
    }
  }

  @Test
  void contexts_doNotDependOnPoolSize() {
    // Each pool entry has its own counters, so a larger pool extends a smaller one.
    SyntheticBandit small = SyntheticBandit.of(SyntheticConfig.defaults().withPoolSize(10));
    SyntheticBandit large = SyntheticBandit.of(SyntheticConfig.defaults());
    for (int m = 0; m < 10; m++) {
      for (int f = 0; f < 5; f++) {
        assertThat(small.contextFeature(m, f)).isEqualTo(large.contextFeature(m, f));
      }
    }
  }

  @Test
  void binaryLinear_logsTheSameActionsAsContinuousLinear() throws IOException {
    // mu is an affine map of the score in both, and softmax of mu / sigma_mu ignores shifts.
    SyntheticBandit binary =
        SyntheticBandit.of(SyntheticConfig.defaults(5L).withRewardType(RewardType.BINARY));
    for (int m = 0; m < 1000; m += 37) {
      for (int a = 0; a < 10; a++) {
        assertThat(binary.behaviourProbability(m, a))
            .isCloseTo(BANDIT.behaviourProbability(m, a), within(1e-12));
      }
    }
    assertThat(read(binary.source(5000), 5000, 4096).action)
        .isEqualTo(read(BANDIT.source(5000), 5000, 4096).action);
  }

  @Test
  void fill_allocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's ThreadMXBean");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemoryEnabled(), "allocation accounting disabled");
    BanditBatch batch = new BanditBatch(BANDIT.layout(), 4096);
    double[] wide = new double[BANDIT.columns().count()];
    for (int warm = 0; warm < 50; warm++) {
      BANDIT.fill(batch, warm * 4096L, 4096);
      BANDIT.wideRow(warm, wide);
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100; i++) {
      BANDIT.fill(batch, i * 4096L, 4096);
      BANDIT.wideRow(i, wide);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // 409,600 rows: even one 16-byte object per row would be 6.5 MB; allow for the JIT's noise.
    assertThat(allocated).isLessThan(64 * 1024);
  }
}
