package io.ope4j.ct;

import java.util.ArrayList;
import java.util.List;

/** User-supplied feature functions, for the Java API: {@code FunctionFeatures.of("x^2", (t, tau, x, o) -> x[o] * x[o])}. */
public final class FunctionFeatures implements Features {

  /** One feature: its value at (t, τ, x), x being {@code x[offset..]}. Must be pure and thread-safe. */
  @FunctionalInterface
  public interface FeatureFunction {
    double value(double t, double tau, double[] x, int offset);
  }

  private final List<String> names;
  private final FeatureFunction[] functions;
  private final boolean time;

  private FunctionFeatures(List<String> names, List<FeatureFunction> functions, boolean time) {
    if (names.isEmpty() || names.size() != functions.size()) {
      throw new IllegalArgumentException("give one name per feature function (at least one)");
    }
    this.names = List.copyOf(names);
    this.functions = functions.toArray(new FeatureFunction[0]);
    this.time = time;
  }

  /**
   * @param dependsOnTime whether any function reads t or τ
   */
  public static FunctionFeatures of(List<String> names, List<FeatureFunction> functions, boolean dependsOnTime) {
    return new FunctionFeatures(new ArrayList<>(names), new ArrayList<>(functions), dependsOnTime);
  }

  /** A single state-only feature. */
  public static FunctionFeatures of(String name, FeatureFunction function) {
    return new FunctionFeatures(List.of(name), List.of(function), false);
  }

  @Override
  public int size() {
    return functions.length;
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public boolean dependsOnTime() {
    return time;
  }

  @Override
  public void values(double t, double tau, double[] x, int xOffset, double[] out, int outOffset) {
    for (int k = 0; k < functions.length; k++) {
      out[outOffset + k] = functions[k].value(t, tau, x, xOffset);
    }
  }
}
