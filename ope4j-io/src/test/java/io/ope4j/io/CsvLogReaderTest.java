package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.internal.data.WideForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every valid form of formats.md, each value checked exactly. */
class CsvLogReaderTest {

  private static final String NARROW = "action,reward,pscore,pi,q,q_pi\n"
      + "2,1,0.25,0.5,0.3,0.4\n"
      + "0,0,0.5,0.125,0.2,0.25\n";

  @TempDir Path directory;

  @Test
  void narrow_withModel() throws IOException {
    LogTable table = LogTable.read(NARROW);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), true, false, -1));
    assertThat(table.action()).containsExactly(2, 0);
    assertThat(table.reward()).containsExactly(1.0, 0.0);
    assertThat(table.pscore()).containsExactly(0.25, 0.5);
    assertThat(table.piLogged()[0]).containsExactly(0.5, 0.125);
    assertThat(table.qLogged()).containsExactly(0.3, 0.2);
    assertThat(table.qExpected()[0]).containsExactly(0.4, 0.25);
    assertThat(table.position()).isNull();
  }

  @Test
  void narrow_withoutModel_hasNoModelArrays() throws IOException {
    LogTable table = LogTable.read("action,reward,pscore,pi\n5,0.5,1,0\n");

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), false, false, -1));
    assertThat(table.action()).containsExactly(5); // K unknown: any action >= 0
    assertThat(table.reward()).containsExactly(0.5);
    assertThat(table.pscore()).containsExactly(1.0);
    assertThat(table.piLogged()[0]).containsExactly(0.0);
    assertThat(table.qLogged()).isNull();
    assertThat(table.qExpected()).isNull();
  }

  @Test
  void wide_policyAndModel_reducedWithWideForm() throws IOException {
    String csv = "action,position,reward,pscore,pi_0,pi_1,pi_2,q_0,q_1,q_2\n"
        + "1,0,1,0.2,0.1,0.6,0.3,0.01,0.02,0.03\n"
        + "2,2,0,0.7,0,0,1,0.5,0.25,0.125\n";

    LogTable table = LogTable.read(csv);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), true, true, 3));
    assertThat(table.action()).containsExactly(1, 2);
    assertThat(table.position()).containsExactly(0, 2);
    assertThat(table.piLogged()[0]).containsExactly(0.6, 1.0);
    assertThat(table.qLogged()).containsExactly(0.02, 0.125);
    double[] firstRowExpected = {WideForm.expectedModelValue(
        new double[] {0.1, 0.6, 0.3}, 0, new double[] {0.01, 0.02, 0.03}, 0, 3)};
    assertThat(table.qExpected()[0][0]).isEqualTo(firstRowExpected[0]);
    assertThat(table.qExpected()[0][1]).isEqualTo(0.125);
  }

  @Test
  void wide_nActionsOptionThatAgrees() throws IOException {
    LogTable table = LogTable.read("action,reward,pscore,pi_0,pi_1\n1,0,0.5,0.5,0.5\n",
        LogReadOptions.defaults().withNActions(2));

    assertThat(table.layout().nActions()).isEqualTo(2);
  }

  @Test
  void narrow_nActionsOption_isTheLayoutsK() throws IOException {
    LogTable table = LogTable.read("action,reward,pscore,pi\n3,0,0.5,0.5\n",
        LogReadOptions.defaults().withNActions(4));

    assertThat(table.layout().nActions()).isEqualTo(4);
    assertThat(table.action()).containsExactly(3);
  }

  @Test
  void severalPolicies_givenInOptions_wideAndNarrowWithWideModel() throws IOException {
    String csv = "action,reward,pscore,q_0,q_1,pi_bts_0,pi_bts_1,pi_greedy,q_pi_greedy\n"
        + "1,1,0.5,0.25,0.75,0.25,0.75,1,0.75\n";
    LogReadOptions options = LogReadOptions.defaults()
        .withPolicy("greedy", "pi_greedy")
        .withPolicy("bts", "pi_bts_");

    LogTable table = LogTable.read(csv, options);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("greedy", "bts"), true, false, 2));
    assertThat(table.piLogged()[0]).containsExactly(1.0);
    assertThat(table.qExpected()[0]).containsExactly(0.75); // from q_pi_greedy
    assertThat(table.piLogged()[1]).containsExactly(0.75);
    assertThat(table.qExpected()[1]).containsExactly(0.25 * 0.25 + 0.75 * 0.75);
    assertThat(table.qLogged()).containsExactly(0.75);
  }

  @Test
  void autoDetection_widePiBeforeNarrowPi() throws IOException {
    LogTable table = LogTable.read("action,reward,pscore,pi,pi_0,pi_1\n0,0,1,0.5,0.5,0.5\n");

    assertThat(table.layout().policies()).containsExactly("pi");
    assertThat(table.layout().nActions()).isEqualTo(2); // the wide form was chosen
  }

  @Test
  void autoDetection_namedWidePolicies_inHeaderOrder() throws IOException {
    String csv = "action,reward,pscore,pi_greedy_0,pi_greedy_1,pi_bts_0,pi_bts_1,x_0\n"
        + "1,0,0.5,0,1,0.5,0.5,3.5\n";

    LogTable table = LogTable.read(csv);

    assertThat(table.layout()).isEqualTo(
        new LogLayout(List.of("greedy", "bts"), false, false, 2));
    assertThat(table.piLogged()[0]).containsExactly(1.0);
    assertThat(table.piLogged()[1]).containsExactly(0.5);
  }

  @Test
  void autoDetection_namedWidePolicies_withNarrowModel_useTheirModelValueColumns()
      throws IOException {
    String csv = "action,reward,pscore,pi_a_0,pi_a_1,pi_b_0,pi_b_1,q,q_pi_a,q_pi_b\n"
        + "0,1,0.5,1,0,0,1,0.125,0.25,0.375\n";

    LogTable table = LogTable.read(csv);

    assertThat(table.layout().policies()).containsExactly("a", "b");
    assertThat(table.qLogged()).containsExactly(0.125);
    assertThat(table.qExpected()[0]).containsExactly(0.25);
    assertThat(table.qExpected()[1]).containsExactly(0.375);
  }

  @Test
  void widePolicy_narrowModel_takesModelValueFromQPi() throws IOException {
    String csv = "action,reward,pscore,pi_0,pi_1,pi_2,q,q_pi\n"
        + "2,1,0.25,0.2,0.3,0.5,0.0625,0.03125\n";

    LogTable table = LogTable.read(csv);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), true, false, 3));
    assertThat(table.piLogged()[0]).containsExactly(0.5);
    assertThat(table.qLogged()).containsExactly(0.0625);
    assertThat(table.qExpected()[0]).containsExactly(0.03125);
  }

  @Test
  void narrowPolicy_wideModel_qLoggedFromWideAndExpectedFromQPi() throws IOException {
    String csv = "action,reward,pscore,pi,q_0,q_1,q_2,q_pi\n"
        + "1,1,0.25,0.5,0.1,0.2,0.3,0.15\n";

    LogTable table = LogTable.read(csv);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("pi"), true, false, 3));
    assertThat(table.qLogged()).containsExactly(0.2);
    assertThat(table.qExpected()[0]).containsExactly(0.15);
  }

  @Test
  void renamedColumns_viaOptions() throws IOException {
    String csv = "item,click,propensity,slot,target,m,m_target\n"
        + "4,1,0.125,1,0.25,0.5,0.625\n";
    LogReadOptions options = LogReadOptions.defaults()
        .withActionColumn("item").withRewardColumn("click").withPscoreColumn("propensity")
        .withPositionColumn("slot").withModelColumn("m").withModelPrefix("m_")
        .withPolicy("new", "target");

    LogTable table = LogTable.read(csv, options);

    assertThat(table.layout()).isEqualTo(new LogLayout(List.of("new"), true, true, -1));
    assertThat(table.action()).containsExactly(4);
    assertThat(table.reward()).containsExactly(1.0);
    assertThat(table.pscore()).containsExactly(0.125);
    assertThat(table.position()).containsExactly(1);
    assertThat(table.piLogged()[0]).containsExactly(0.25);
    assertThat(table.qLogged()).containsExactly(0.5);
    assertThat(table.qExpected()[0]).containsExactly(0.625);
  }

  @Test
  void extraColumnsAreIgnored_evenWhenNotNumeric() throws IOException {
    LogTable table = LogTable.read(
        "user,action,reward,pscore,pi,note\nalice,1,0,0.5,0.5,\"hello, world\"\n");

    assertThat(table.action()).containsExactly(1);
  }

  @Test
  void crlfLineEnds() throws IOException {
    LogTable table = LogTable.read(NARROW.replace("\n", "\r\n"));

    assertThat(table.action()).containsExactly(2, 0);
    assertThat(table.qExpected()[0]).containsExactly(0.4, 0.25); // last field: \r stripped
  }

  @Test
  void lastLineWithoutLineEnd() throws IOException {
    LogTable plain = LogTable.read(NARROW.substring(0, NARROW.length() - 1));
    LogTable crlf = LogTable.read(
        NARROW.replace("\n", "\r\n").substring(0, NARROW.length() + 1)); // drops the final \n

    assertThat(plain.qExpected()[0]).containsExactly(0.4, 0.25);
    assertThat(crlf.qExpected()[0]).containsExactly(0.4, 0.25);
  }

  @Test
  void trailingBlankLinesAreFine() throws IOException {
    LogTable table = LogTable.read(NARROW + "\n\r\n\n");

    assertThat(table.rows()).isEqualTo(2);
  }

  @Test
  void utf8ByteOrderMarkIsSkipped() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] content = concat(bom, NARROW.getBytes(StandardCharsets.UTF_8));

    LogTable table = LogTable.read(content, LogReadOptions.defaults(), 1 << 16);

    assertThat(table.action()).containsExactly(2, 0); // "action" was found: BOM not in its name
  }

  @Test
  void quotedFields_inHeaderAndValues() throws IOException {
    String csv = "\"action\",\"reward\",pscore,\"pi\",\"a \"\"quoted\"\", name\"\n"
        + "\"2\",\"1\",0.25,\"0.5\",\"x, \"\"y\"\"\"\n"
        + "0,0,\"0.5\",0.125,\"multi\nline\"\n";

    try (CsvLogReader reader = CsvLogReader.open(
        new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "logs.csv",
        LogReadOptions.defaults())) {
      assertThat(reader.header())
          .containsExactly("action", "reward", "pscore", "pi", "a \"quoted\", name");
      LogTable table = LogTable.readAll(reader, 10);
      assertThat(table.action()).containsExactly(2, 0);
      assertThat(table.reward()).containsExactly(1.0, 0.0);
      assertThat(table.pscore()).containsExactly(0.25, 0.5);
      assertThat(table.piLogged()[0]).containsExactly(0.5, 0.125);
    }
  }

  @Test
  void integralActionWrittenAsDouble_isRefused() {
    // Issue 17 item 4: an action is written as an integer; 2.0 (pandas' int column holding a NaN
    // elsewhere) is refused, as 1e0 is, rather than guessed.
    assertThatThrownBy(() -> LogTable.read("action,reward,pscore,pi\n2.0,0,0.5,0.5\n"))
        .hasMessage("logs.csv row 1, action: must be an integer >= 0, got '2.0'");
    assertThatThrownBy(() -> LogTable.read("action,reward,pscore,pi\n1e0,0,0.5,0.5\n"))
        .hasMessage("logs.csv row 1, action: must be an integer >= 0, got '1e0'");
  }

  @Test
  void gzip_byName() throws IOException {
    Path path = directory.resolve("logs.csv.gz");
    Files.write(path, gzip(NARROW));

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      LogTable table = LogTable.readAll(reader, 4096);
      assertThat(table.qExpected()[0]).containsExactly(0.4, 0.25);
    }
  }

  @Test
  void gzip_detectedByMagicBytesWhateverTheName() throws IOException {
    Path path = directory.resolve("logs.csv");
    Files.write(path, gzip(NARROW));

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      assertThat(LogTable.readAll(reader, 4096).action()).containsExactly(2, 0);
    }
  }

  @Test
  void plainFileNamedGz_isReadAsPlain() throws IOException {
    Path path = directory.resolve("logs.csv.gz");
    Files.writeString(path, NARROW);

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      assertThat(LogTable.readAll(reader, 4096).action()).containsExactly(2, 0);
    }
  }

  @Test
  void newBatch_hasTheOptionsCapacity_andDefault4096() throws IOException {
    Path path = directory.resolve("logs.csv");
    Files.writeString(path, NARROW);

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      assertThat(reader.newBatch().capacity()).isEqualTo(4096);
    }
    try (CsvLogReader reader = CsvLogReader.open(
        path, LogReadOptions.defaults().withBatchCapacity(10))) {
      assertThat(reader.newBatch().capacity()).isEqualTo(10);
      assertThat(reader.options().batchCapacity()).isEqualTo(10);
    }
  }

  @Test
  void next_afterTheEnd_keepsReturningFalseWithAnEmptyBatch() throws IOException {
    Path path = directory.resolve("logs.csv");
    Files.writeString(path, NARROW);

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      BanditBatch batch = reader.newBatch();
      assertThat(reader.next(batch)).isTrue();
      assertThat(batch.size()).isEqualTo(2);
      assertThat(reader.next(batch)).isFalse();
      assertThat(batch.size()).isZero();
      assertThat(reader.next(batch)).isFalse();
      assertThat(reader.rowsRead()).isEqualTo(2);
    }
  }

  @Test
  void next_rejectsBatchOfAnotherLayout_andUseAfterClose() throws IOException {
    Path path = directory.resolve("logs.csv");
    Files.writeString(path, NARROW);
    CsvLogReader reader = CsvLogReader.open(path);
    BanditBatch foreign = new BanditBatch(new LogLayout(List.of("other"), true, false, -1), 4);

    assertThatThrownBy(() -> reader.next(foreign)).isInstanceOf(IllegalArgumentException.class);

    BanditBatch batch = reader.newBatch();
    reader.close();
    reader.close(); // idempotent
    assertThatThrownBy(() -> reader.next(batch)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void errorMessages_nameThePathAsGiven() throws IOException {
    Path path = directory.resolve("bad.csv");
    Files.writeString(path, "action,reward,pscore,pi\n0,0,0,0.5\n");

    try (CsvLogReader reader = CsvLogReader.open(path)) {
      assertThatThrownBy(() -> reader.next(reader.newBatch()))
          .hasMessage(path + " row 1, pscore: must be in (0, 1], got 0");
    }
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
