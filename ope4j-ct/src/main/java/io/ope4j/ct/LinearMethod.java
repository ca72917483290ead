package io.ope4j.ct;

import io.ope4j.data.UsageException;
import java.util.Locale;

/** The batch solvers for a linear family J^θ = θᵀφ (continuous_time.md §4). */
public enum LinearMethod {
  /** Martingale loss: weighted least squares of the return-to-go G_k on φ_k (Jia &amp; Zhou 2022, Thm 2). */
  ML("ml"),
  /** LSTD(0) / LSTD(λ): the martingale orthogonality conditions with test functions φ or their trace. */
  LSTD("lstd"),
  /**
   * Mean-square TD error minimiser: least squares of R_k on φ_k - gφ_{k+1}. A BIASED BASELINE:
   * it minimises the quadratic variation of the martingale, not the distance to J (Jia &amp; Zhou
   * 2022, §3.2; continuous_time.md §2).
   */
  MSTDE("mstde");

  private final String id;

  LinearMethod(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static LinearMethod parse(String text) {
    for (LinearMethod m : values()) {
      if (m.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new UsageException("linear method must be ml, lstd or mstde, got '" + text + "'");
  }
}
