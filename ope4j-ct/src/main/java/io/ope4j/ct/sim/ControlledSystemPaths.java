package io.ope4j.ct.sim;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.PathSimulator;
import io.ope4j.ct.intrl.ControlAffineSystem;
import io.ope4j.internal.stats.CounterRng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Paths of a deterministic control-affine system of the integral-RL paper (the third-order
 * linear system, the nonlinear 'sin' system; Cao &amp; Pan, ICLR 2024, §5) under a fixed state
 * feedback u(x), integrated by classical Runge–Kutta with {@code substeps} steps per sample.
 * The reward rate is the running cost l = xᵀQx + Ru²; the payoff is 0 at T = KΔt, β = 0. Starts
 * are x0 + spread·Z per coordinate, so paths cover a neighbourhood of x0.
 */
public record ControlledSystemPaths(ControlAffineSystem system, ToDoubleFunction<double[]> feedback, double[] x0,
    double startSpread, double stepSize, int steps, int substeps, long seed) implements PathSimulator {

  public ControlledSystemPaths {
    if (x0.length != system.dim()) {
      throw new IllegalArgumentException("x0 has " + x0.length + " values, the system " + system.dim());
    }
    Checks.finite("start spread", startSpread);
    Checks.grid(stepSize, steps);
    if (substeps < 1) {
      throw new IllegalArgumentException("substeps must be at least 1, got " + substeps);
    }
    x0 = x0.clone();
  }

  @Override
  public int dim() {
    return system.dim();
  }

  @Override
  public List<String> stateNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= system.dim(); i++) {
      names.add("x_" + i);
    }
    return names;
  }

  @Override
  public void start(long path, double[] state, int offset) {
    long key = CounterRng.key(seed, path);
    for (int i = 0; i < x0.length; i++) {
      state[offset + i] = x0[i] + startSpread * CounterRng.gaussian(key, Checks.START_COUNTER + i);
    }
  }

  @Override
  public void advance(long path, int step, double[] state, int offset) {
    int n = system.dim();
    double[] y = new double[n];
    System.arraycopy(state, offset, y, 0, n);
    double h = stepSize / substeps;
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    double[] tmp = new double[n];
    for (int s = 0; s < substeps; s++) {
      field(y, k1);
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h / 2 * k1[i];
      }
      field(tmp, k2);
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h / 2 * k2[i];
      }
      field(tmp, k3);
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k3[i];
      }
      field(tmp, k4);
      for (int i = 0; i < n; i++) {
        y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]); // classical RK4
      }
    }
    System.arraycopy(y, 0, state, offset, n);
  }

  private void field(double[] x, double[] out) {
    int n = x.length;
    double[] gain = new double[n];
    system.drift(x, out);
    system.inputGain(x, gain);
    double u = feedback.applyAsDouble(x);
    for (int i = 0; i < n; i++) {
      out[i] += gain[i] * u;
    }
  }

  @Override
  public double reward(long path, int step, double[] state, int offset) {
    double[] x = new double[system.dim()];
    System.arraycopy(state, offset, x, 0, x.length);
    return system.cost(x, feedback.applyAsDouble(x));
  }

  @Override
  public double payoff(double[] state, int offset) {
    return 0;
  }

  @Override
  public CtProblem problem() {
    return CtProblem.finite(0, stepSize * steps);
  }
}
