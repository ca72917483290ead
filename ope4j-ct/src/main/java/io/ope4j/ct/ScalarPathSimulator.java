package io.ope4j.ct;

import java.util.List;

/** A {@link PathSimulator} of a one-dimensional state, named {@code x_1}. */
public interface ScalarPathSimulator extends PathSimulator {

  @Override
  default int dim() {
    return 1;
  }

  @Override
  default List<String> stateNames() {
    return List.of("x_1");
  }
}
