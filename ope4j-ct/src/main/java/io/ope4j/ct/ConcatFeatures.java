package io.ope4j.ct;

import java.util.ArrayList;
import java.util.List;

/** Several feature sets side by side. */
final class ConcatFeatures implements Features {

  private final Features[] parts;
  private final List<String> names;
  private final int size;
  private final boolean time;

  ConcatFeatures(List<Features> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a basis needs at least one feature");
    }
    this.parts = parts.toArray(new Features[0]);
    List<String> all = new ArrayList<>();
    boolean anyTime = false;
    for (Features part : parts) {
      all.addAll(part.names());
      anyTime |= part.dependsOnTime();
    }
    this.names = List.copyOf(all);
    this.size = all.size();
    this.time = anyTime;
  }

  @Override
  public int size() {
    return size;
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
    int at = outOffset;
    for (Features part : parts) {
      part.values(t, tau, x, xOffset, out, at);
      at += part.size();
    }
  }
}
