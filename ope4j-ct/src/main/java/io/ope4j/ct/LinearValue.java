package io.ope4j.ct;

import java.util.List;

/** J^θ = θᵀφ(t, x): the gradient is φ. */
final class LinearValue implements ParametricValue {

  private final Features features;

  LinearValue(Features features) {
    this.features = features;
  }

  Features features() {
    return features;
  }

  @Override
  public int parameterCount() {
    return features.size();
  }

  @Override
  public List<String> parameterNames() {
    return features.names();
  }

  @Override
  public boolean dependsOnTime() {
    return features.dependsOnTime();
  }

  @Override
  public double valueAndGradient(double[] theta, double t, double tau, double[] x, int xOffset, double[] gradient) {
    features.values(t, tau, x, xOffset, gradient, 0);
    double v = 0;
    for (int k = 0; k < theta.length; k++) {
      v += theta[k] * gradient[k];
    }
    return v;
  }
}
