package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.io.internal.Gzip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Every gzip member is read and checked, and anything after a member that is not another
 * complete member is an error with its byte offset (issue 10: {@code GZIPInputStream} ends the
 * stream quietly there).
 */
class GzipTest {

  private static final String FIRST = "action,reward,pscore,pi\n0,1,0.5,0.5\n";
  private static final String SECOND = "1,0,0.25,0.5\n";

  @Test
  void plainInput_isPassedThrough() throws IOException {
    assertThat(read("a,b\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("a,b\n");
  }

  @Test
  void concatenatedMembers_areAllRead() throws IOException {
    byte[] three = concat(CsvLogReaderTest.gzip(FIRST), CsvLogReaderTest.gzip(SECOND),
        CsvLogReaderTest.gzip(SECOND));
    assertThat(read(three)).isEqualTo(FIRST + SECOND + SECOND);
  }

  @Test
  void largeMembers_acrossManyBufferFills() throws IOException {
    SplittableRandom random = new SplittableRandom(10);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      text.append(random.nextInt(10)).append(',').append(random.nextDouble()).append('\n');
    }
    String half = text.toString();
    byte[] both = concat(CsvLogReaderTest.gzip(half), CsvLogReaderTest.gzip(half));
    assertThat(read(both)).isEqualTo(half + half);
  }

  @Test
  void optionalHeaderFields_nameCommentExtraAndHeaderCrc() throws IOException {
    byte[] plain = CsvLogReaderTest.gzip(FIRST);
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    member.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    member.write(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA
    member.write("logs.csv\0".getBytes(StandardCharsets.ISO_8859_1)); // FNAME
    member.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1)); // FCOMMENT
    CRC32 crc = new CRC32();
    crc.update(member.toByteArray());
    member.write((int) crc.getValue() & 0xff);
    member.write((int) (crc.getValue() >>> 8) & 0xff); // FHCRC
    member.write(plain, 10, plain.length - 10); // deflate data and trailer
    assertThat(read(member.toByteArray())).isEqualTo(FIRST);

    byte[] badHeaderCrc = member.toByteArray();
    badHeaderCrc[10 + 5 + 9 + 10] ^= 1;
    assertThatThrownBy(() -> read(badHeaderCrc)).isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("header checksum");
  }

  @Test
  void plainRowsAppended_areAnErrorAtTheirOffset() throws IOException {
    byte[] member = CsvLogReaderTest.gzip(FIRST);
    byte[] file = concat(member, SECOND.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> read(file)).isInstanceOf(ZipException.class)
        .hasMessage("bytes that are not a gzip member follow member 1 at byte " + member.length
            + " (appended plain data, a damaged member header, or trailing garbage)");
  }

  @Test
  void secondMemberWithABadHeader_isAnError() throws IOException {
    byte[] second = CsvLogReaderTest.gzip(SECOND);
    second[2] = 7; // compression method
    byte[] first = CsvLogReaderTest.gzip(FIRST);
    assertThatThrownBy(() -> read(concat(first, second))).isInstanceOf(ZipException.class)
        .hasMessage("gzip member 2 at byte " + first.length
            + " declares an unknown compression method");
  }

  @Test
  void secondMemberCutInItsHeader_isTruncation() throws IOException {
    byte[] first = CsvLogReaderTest.gzip(FIRST);
    byte[] file = concat(first, Arrays.copyOf(CsvLogReaderTest.gzip(SECOND), 5));
    assertThatThrownBy(() -> read(file)).isInstanceOf(EOFException.class)
        .hasMessage("gzip member 2 at byte " + first.length + " is cut inside its header (file "
            + "ends at byte " + file.length + ")");
  }

  @Test
  void memberCutInItsTrailer_isTruncation() throws IOException {
    byte[] whole = CsvLogReaderTest.gzip(FIRST);
    byte[] cut = Arrays.copyOf(whole, whole.length - 3);
    assertThatThrownBy(() -> read(cut)).isInstanceOf(EOFException.class)
        .hasMessageContaining("gzip member 1 is cut inside its trailer");
  }

  @Test
  void wrongCrcOrLength_isCorruption() throws IOException {
    byte[] badCrc = CsvLogReaderTest.gzip(FIRST);
    badCrc[badCrc.length - 8] ^= 1;
    assertThatThrownBy(() -> read(badCrc)).isInstanceOf(ZipException.class)
        .hasMessageContaining("fails its CRC-32 check");
    byte[] badLength = CsvLogReaderTest.gzip(FIRST);
    badLength[badLength.length - 1] ^= 1;
    assertThatThrownBy(() -> read(badLength)).isInstanceOf(ZipException.class)
        .hasMessageContaining("has the wrong length");
  }

  @Test
  void trailingZeros_areGarbageToo() throws IOException {
    byte[] file = concat(CsvLogReaderTest.gzip(FIRST), new byte[16]);
    assertThatThrownBy(() -> read(file)).isInstanceOf(ZipException.class)
        .hasMessageContaining("follow member 1");
  }

  @Test
  void csvReader_namesTheLastCompleteRow() throws IOException {
    byte[] file = concat(CsvLogReaderTest.gzip(FIRST), SECOND.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LogTable.read(file, LogReadOptions.defaults(), 1 << 16))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("logs.csv: corrupt gzip data (bytes that are not a gzip member follow member 1"
            + " at byte " + (file.length - SECOND.length()) + " (appended plain data, a damaged"
            + " member header, or trailing garbage)); the last complete row read was row 1");
  }

  private static String read(byte[] file) throws IOException {
    try (InputStream in = Gzip.decompressIfGzip(new ByteArrayInputStream(file), "logs.csv.gz")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
