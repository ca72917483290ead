package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.ct.ClosedForms;
import io.ope4j.ct.PathBlock;
import io.ope4j.ct.PathSimulator;
import io.ope4j.ct.intrl.LinearControlSystem;
import io.ope4j.ct.intrl.QuadraticBasis;
import io.ope4j.ct.intrl.SinSystem;
import io.ope4j.ct.sim.BrownianMotion;
import io.ope4j.ct.sim.ControlledSystemPaths;
import io.ope4j.ct.sim.GeometricBrownianMotion;
import io.ope4j.ct.sim.LinearQuadraticGaussian;
import io.ope4j.ct.sim.OrnsteinUhlenbeck;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ope4j ct-simulate}: writes sampled paths of a built-in continuous-time process. */
@Command(
    name = "ct-simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write sampled paths (formats.md continuous-time paths: path,t,x_*,r[,payoff]) of a built-in"
        + " process, seeded: ou, bm, gbm, lq, linear3, sin. The known value function is printed on stderr.")
final class CtSimulateCommand implements Callable<Integer>, Preflight {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Option(names = "--process", required = true, description = "ou, bm, gbm, lq, linear3 or sin.")
  String process;

  @Option(names = "--paths", defaultValue = "1000", description = "Number of paths (default: ${DEFAULT-VALUE}).")
  int paths;

  @Option(names = "--dt", defaultValue = "0.01", description = "Sampling step (default: ${DEFAULT-VALUE}).")
  double dt;

  @Option(names = "--horizon", defaultValue = "1", paramLabel = "T", description = "Length of each path (default: ${DEFAULT-VALUE}).")
  double horizon;

  @Mixin SeedOption seed = new SeedOption(SeedOption.SIMULATION_DEFAULT);

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The simulated paths, a CSV to write (replaced if it exists); gzip if it ends in .gz.")
  Path output;

  @Option(names = "--truth", paramLabel = "FILE", description = "Where to write the closed-form value function"
      + " of ou, bm and lq (default: the output's name with .truth.json).")
  Path truthFile;

  @Option(names = "--kappa", defaultValue = "1", description = "ou: mean reversion (default: ${DEFAULT-VALUE}).")
  double kappa;

  @Option(names = "--sigma", defaultValue = "0.5", description = "ou, bm: volatility (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--beta", defaultValue = "0.5", description = "ou: discount rate, only for the printed truth (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--x0", description = "ou, lq: start state (default: ou stationary, lq 0).")
  Double x0;

  @Option(names = "--start-spread", defaultValue = "1", description = "bm, gbm, linear3, sin: spread of the start state (default: ${DEFAULT-VALUE}).")
  double startSpread;

  @Option(names = "--rate", defaultValue = "0.05", description = "gbm: risk-free rate = discount (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--vol", defaultValue = "0.2", description = "gbm: volatility (default: ${DEFAULT-VALUE}).")
  double vol;

  @Option(names = "--strike", defaultValue = "1", description = "gbm: strike (default: ${DEFAULT-VALUE}).")
  double strike;

  @Option(names = "--s0", defaultValue = "1", description = "gbm: centre of the start spot (default: ${DEFAULT-VALUE}).")
  double s0;

  @Option(names = "--put", description = "gbm: a put instead of a call.")
  boolean put;

  @Option(names = "--policy", defaultValue = "-0.5,-0.5,0.2", paramLabel = "P1,P2,S2",
      description = "lq: Gaussian policy N(p1 x + p2, s2) (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--gamma", defaultValue = "0.1", description = "lq: entropy temperature (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--gain", paramLabel = "K1,..", description = "linear3: feedback u = -Kx (default: the optimal K*); sin: value"
      + " weights w of u = -sin(x1)(w2 x1 + 2 w3 x2)/2 (default 0.5,0,1, optimal).")
  String gain;

  @Override
  public void check() {
    OutputFile.check("--output", output);
    OutputFile.check("--truth", truthFile);
  }

  @Override
  public Integer call() throws IOException {
    if (paths < 1) {
      throw new UsageException("--paths must be at least 1, got " + paths);
    }
    int steps = (int) Math.round(horizon / dt);
    if (!(dt > 0) || steps < 1 || Math.abs(steps * dt - horizon) > 1e-9 * horizon) {
      throw new UsageException("--horizon must be a positive multiple of --dt, got " + horizon + " and " + dt);
    }
    PathSimulator simulator = simulator(steps);
    write(simulator);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "ope4j: wrote %,d paths of %d steps to %s (%s, %s)%n", paths, steps, output, process,
        simulator.problem().setting().id());
    String truth = truth();
    if (truth != null) {
      err.println("ope4j: truth: " + truth);
    }
    CtTruth closedForm = closedForm();
    if (closedForm != null) {
      Path truthPath = truthFile != null ? truthFile : SimulateCommand.truthPathFor(output);
      closedForm.write(truthPath);
      err.println("ope4j: wrote the closed-form value function to " + truthPath + " (ct-evaluate --truth)");
    }
    return Ope4j.OK;
  }

  /** The closed form as basis terms, where J is a finite sum of them; null otherwise. */
  private CtTruth closedForm() {
    return switch (process.toLowerCase(Locale.ROOT)) {
      case "ou" -> {
        double[] c = ClosedForms.ouValue(kappa, sigma, beta);
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("x^2", c[1]);
        terms.put("1", c[0]);
        yield new CtTruth("discounted", beta, Double.NaN, terms, Double.NaN);
      }
      case "bm" -> {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("x^2", 1.0);
        terms.put("x^2*tau", 1.0);
        terms.put("tau", sigma * sigma);
        terms.put("tau^2", sigma * sigma / 2);
        yield new CtTruth("finite", 0.0, horizon, terms, Double.NaN);
      }
      case "lq" -> {
        double[] p = numbers(policy, 3, "--policy");
        double[] t = ClosedForms.ergodicLq(p[0], p[1], p[2], gamma);
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("x^2", t[0] / 2);
        terms.put("x", t[1]);
        yield new CtTruth("ergodic", Double.NaN, Double.NaN, terms, t[2]);
      }
      default -> null;
    };
  }

  private PathSimulator simulator(int steps) {
    return switch (process.toLowerCase(Locale.ROOT)) {
      case "ou" -> new OrnsteinUhlenbeck(kappa, sigma, beta, dt, steps, x0 == null ? Double.NaN : x0, seed.seed);
      case "bm" -> new BrownianMotion(sigma, startSpread, dt, steps, seed.seed);
      case "gbm" -> new GeometricBrownianMotion(rate, vol, strike, !put, s0, startSpread, dt, steps, seed.seed);
      case "lq" -> {
        double[] p = numbers(policy, 3, "--policy");
        yield new LinearQuadraticGaussian(p[0], p[1], p[2], gamma, x0 == null ? 0 : x0, dt, steps, seed.seed);
      }
      case "linear3" -> {
        LinearControlSystem system = LinearControlSystem.example1();
        double[] k = gain == null ? system.optimalGain() : numbers(gain, 3, "--gain");
        yield new ControlledSystemPaths(system, x -> -(k[0] * x[0] + k[1] * x[1] + k[2] * x[2]),
            new double[] {2, -2, 3}, startSpread, dt, steps, 20, seed.seed);
      }
      case "sin" -> {
        double[] w = gain == null ? new double[] {0.5, 0, 1} : numbers(gain, 3, "--gain");
        QuadraticBasis basis = QuadraticBasis.upperTriangle(2);
        yield new ControlledSystemPaths(new SinSystem(), x -> {
          double[] gradient = new double[2];
          basis.valueGradient(w, x, gradient);
          return -0.5 * Math.sin(x[0]) * gradient[1]; // u = -½R⁻¹g(x)ᵀ∇V, Cao & Pan 2024 eq. 6
        }, new double[] {1, 1}, startSpread, dt, steps, 20, seed.seed);
      }
      default -> throw new UsageException("--process must be ou, bm, gbm, lq, linear3 or sin, got '" + process + "'");
    };
  }

  private String truth() {
    return switch (process.toLowerCase(Locale.ROOT)) {
      case "ou" -> {
        double[] c = ClosedForms.ouValue(kappa, sigma, beta);
        yield String.format(Locale.ROOT, "discounted (beta=%s) J(x) = %.6g x^2 + %.6g", beta, c[1], c[0]);
      }
      case "bm" -> String.format(Locale.ROOT, "finite (T=%s) J(t,x) = x^2 (1 + tau) + %s (tau + tau^2/2)", horizon,
          sigma * sigma);
      case "gbm" -> String.format(Locale.ROOT, "finite (T=%s, beta=%s) J(0,%s) = %.6f (Black-Scholes %s)", horizon, rate,
          s0, put ? ClosedForms.blackScholesPut(s0, strike, rate, vol, horizon)
              : ClosedForms.blackScholesCall(s0, strike, rate, vol, horizon), put ? "put" : "call");
      case "lq" -> {
        double[] p = numbers(policy, 3, "--policy");
        double[] t = ClosedForms.ergodicLq(p[0], p[1], p[2], gamma);
        yield String.format(Locale.ROOT, "ergodic J(x) = %.6g x^2/2 + %.6g x, V = %.6f", t[0], t[1], t[2]);
      }
      default -> null;
    };
  }

  private static double[] numbers(String text, int count, String option) {
    String[] parts = text.split(",");
    if (parts.length != count) {
      throw new UsageException(option + " needs " + count + " comma-separated numbers, got '" + text + "'");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException bad) {
        throw new UsageException(option + ": '" + parts[i] + "' is not a number");
      }
    }
    return values;
  }

  private void write(PathSimulator simulator) throws IOException {
    boolean payoff = !Double.isNaN(simulator.payoff(new double[simulator.dim()], 0));
    try (Writer file = open(output);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr(), "paths written", paths)) {
      StringBuilder header = new StringBuilder("path,t");
      for (String name : simulator.stateNames()) {
        header.append(',').append(name);
      }
      header.append(",r");
      if (payoff) {
        header.append(",payoff");
      }
      file.write(header.append('\n').toString());
      PathBlock block = new PathBlock(simulator.dim());
      StringBuilder line = new StringBuilder();
      int d = simulator.dim();
      for (long first = 0; first < paths; first += 256) {
        block.clear();
        simulator.simulate(first, (int) Math.min(256, paths - first), block);
        for (int p = 0; p < block.paths(); p++) {
          int end = block.offsets()[p + 1];
          for (int row = block.offsets()[p]; row < end; row++) {
            line.setLength(0);
            line.append(block.ids()[p]).append(',').append(block.t()[row]);
            for (int c = 0; c < d; c++) {
              line.append(',').append(block.x()[row * d + c]);
            }
            line.append(',').append(block.r()[row]);
            if (payoff) {
              line.append(',');
              if (row == end - 1) {
                line.append(block.payoff()[p]);
              }
            }
            file.write(line.append('\n').toString());
          }
        }
        progress.accept(first + block.paths());
      }
    }
  }

  private static Writer open(Path path) throws IOException {
    var stream = Files.newOutputStream(path);
    var target = path.toString().endsWith(".gz") ? new GZIPOutputStream(stream, 1 << 16) : stream;
    return new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
  }
}
