package io.ope4j.bench;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import io.ope4j.io.internal.NumberParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one CSV field's number from bytes, values per second (one op = one value): the strict
 * {@link NumberParser} (Clinger's fast path, then its verified quotient for 17-digit values, then
 * the JDK), FastDoubleParser alone (Java's grammar, not strict: it would need the strict scan in
 * front) and {@code Double.parseDouble} of a new String. (The strict scan with FastDoubleParser
 * behind it, instead of the quotient, was measured at commit 0a9bff3 and was no faster: see
 * BENCHMARKS.md.) {@code values}: {@code
 * full}, random doubles in (0, 1) as {@code Double.toString} writes them (mostly 16-17
 * significant digits); {@code short}, at most six decimals.
 *
 * <pre>{@code
 * java -jar ope4j-bench/target/benchmarks.jar NumberParserBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NumberParserBenchmark.VALUES)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class NumberParserBenchmark {

  static final int VALUES = 100_000;

  @Param({"full", "short"})
  String values;

  private byte[] bytes;
  private int[] starts;
  private int[] ends;

  @Setup
  public void write() {
    SplittableRandom random = new SplittableRandom(20240601);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    starts = new int[VALUES];
    ends = new int[VALUES];
    for (int i = 0; i < VALUES; i++) {
      double value = random.nextDouble();
      String text = values.equals("full") ? Double.toString(value) : Double.toString(Math.round(value * 1e6) / 1e6);
      starts[i] = out.size();
      out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
      ends[i] = out.size();
      out.write(',');
    }
    bytes = out.toByteArray();
  }

  @Benchmark
  public double strictNumberParser() {
    double sum = 0;
    for (int i = 0; i < VALUES; i++) {
      sum += NumberParser.parseDouble(bytes, starts[i], ends[i]);
    }
    return sum;
  }

  @Benchmark
  public double fastDoubleParserAlone() {
    double sum = 0;
    for (int i = 0; i < VALUES; i++) {
      sum += JavaDoubleParser.parseDouble(bytes, starts[i], ends[i] - starts[i]);
    }
    return sum;
  }

  @Benchmark
  public double jdkParseDouble() {
    double sum = 0;
    for (int i = 0; i < VALUES; i++) {
      sum += Double.parseDouble(new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1));
    }
    return sum;
  }
}
