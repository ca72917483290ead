package io.ope4j.ct;

import io.ope4j.data.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a basis spec into {@link Features}. A spec is a comma-separated list of items:
 *
 * <ul>
 *   <li>a monomial: factors joined by {@code *}, each {@code 1}, a state name, {@code tau} (T -
 *       t) or {@code t}, optionally with {@code ^k}: {@code 1}, {@code x^2*tau}, {@code
 *       x_price*x_vol}. With one state coordinate, {@code x} names it whatever its column;</li>
 *   <li>{@code poly:D}: every state monomial of total degree ≤ D, constant included;</li>
 *   <li>{@code rbf:K:W:LO:HI}: Gaussian bumps of width W on a grid of K centres per state axis
 *       over [LO, HI].</li>
 * </ul>
 *
 * <p>Examples: {@code 1,x,x^2} (G1), {@code x^2,x^2*tau,tau,tau^2,1} (G2), {@code poly:2,tau}.
 */
public final class Bases {

  private Bases() {}

  /**
   * @param stateNames the state columns, e.g. {@code [x]} or {@code [x_1, x_2]}
   * @throws IllegalArgumentException naming the item that cannot be read
   */
  public static Features parse(String spec, List<String> stateNames) {
    int dim = stateNames.size();
    List<Features> parts = new ArrayList<>();
    List<int[]> exponents = new ArrayList<>();
    List<Integer> tau = new ArrayList<>();
    List<Integer> time = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        throw new UsageException("basis '" + spec + "' has an empty item");
      }
      if (item.startsWith("poly:")) {
        int degree = integer(item.substring(5), item);
        addPolynomial(dim, degree, stateNames, exponents, tau, time, names);
      } else if (item.startsWith("rbf:")) {
        flush(exponents, tau, time, names, parts);
        String[] f = item.split(":");
        if (f.length != 5) {
          throw new UsageException("basis item '" + item + "' must be rbf:K:WIDTH:LO:HI");
        }
        parts.add(new RbfFeatures(dim, integer(f[1], item), number(f[2], item), number(f[3], item), number(f[4], item)));
      } else {
        int[] e = new int[dim];
        int[] powers = new int[2];
        for (String factor : item.split("\\*")) {
          String[] base = factor.trim().split("\\^");
          int power = base.length == 2 ? integer(base[1], item) : 1;
          if (base.length > 2 || power < 0) {
            throw new UsageException("basis item '" + item + "': bad factor '" + factor + "'");
          }
          String name = base[0].trim();
          if (name.equals("1")) {
            continue;
          }
          if (name.equals("tau")) {
            powers[0] += power;
          } else if (name.equals("t")) {
            powers[1] += power;
          } else {
            int index = stateNames.indexOf(name);
            if (index < 0 && dim == 1 && name.equals("x")) {
              index = 0;
            }
            if (index < 0) {
              throw new UsageException("basis item '" + item + "': unknown factor '" + name
                  + "' (state columns: " + stateNames + ", or tau, t, 1)");
            }
            e[index] += power;
          }
        }
        exponents.add(e);
        tau.add(powers[0]);
        time.add(powers[1]);
        names.add(item);
      }
    }
    flush(exponents, tau, time, names, parts);
    Features features = parts.size() == 1 ? parts.get(0) : Features.concat(parts);
    if (new java.util.HashSet<>(features.names()).size() != features.size()) {
      throw new UsageException("basis '" + spec + "' repeats a feature: " + features.names());
    }
    return features;
  }

  private static void addPolynomial(int dim, int degree, List<String> stateNames, List<int[]> exponents,
      List<Integer> tau, List<Integer> time, List<String> names) {
    if (degree < 0 || degree > 12) {
      throw new UsageException("poly degree must be in 0..12, got " + degree);
    }
    for (int total = 0; total <= degree; total++) {
      addOfDegree(new int[dim], 0, total, stateNames, exponents, tau, time, names);
    }
  }

  private static void addOfDegree(int[] e, int axis, int left, List<String> stateNames, List<int[]> exponents,
      List<Integer> tau, List<Integer> time, List<String> names) {
    if (axis == e.length - 1) {
      e[axis] = left;
      exponents.add(e.clone());
      tau.add(0);
      time.add(0);
      names.add(monomialName(e, stateNames));
      return;
    }
    for (int k = left; k >= 0; k--) {
      e[axis] = k;
      addOfDegree(e, axis + 1, left - k, stateNames, exponents, tau, time, names);
    }
  }

  private static String monomialName(int[] e, List<String> stateNames) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < e.length; i++) {
      if (e[i] == 0) {
        continue;
      }
      name.append(name.length() > 0 ? "*" : "").append(e.length == 1 ? "x" : stateNames.get(i));
      if (e[i] > 1) {
        name.append('^').append(e[i]);
      }
    }
    return name.length() == 0 ? "1" : name.toString();
  }

  private static void flush(List<int[]> exponents, List<Integer> tau, List<Integer> time, List<String> names,
      List<Features> parts) {
    if (exponents.isEmpty()) {
      return;
    }
    int p = exponents.size();
    int[] tauE = new int[p];
    int[] timeE = new int[p];
    for (int k = 0; k < p; k++) {
      tauE[k] = tau.get(k);
      timeE[k] = time.get(k);
    }
    parts.add(new MonomialFeatures(exponents.toArray(new int[0][]), tauE, timeE, names));
    exponents.clear();
    tau.clear();
    time.clear();
    names.clear();
  }

  private static int integer(String text, String item) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException bad) {
      throw new UsageException("basis item '" + item + "': '" + text + "' is not an integer");
    }
  }

  private static double number(String text, String item) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException bad) {
      throw new UsageException("basis item '" + item + "': '" + text + "' is not a number");
    }
  }
}
