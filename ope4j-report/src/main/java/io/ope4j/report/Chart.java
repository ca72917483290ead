package io.ope4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chart: its kind (how the page's script draws it), title, the summarised numbers it draws,
 * and the table of the same numbers shown beside it.
 *
 * <p>Kinds and their data (all numbers are summaries; a chart never holds one value per logged
 * row): {@code intervals} ({@code categories}, {@code value}, {@code lower}, {@code upper},
 * optional {@code truth}); {@code histogram} ({@code labels}, {@code counts}, optional {@code
 * highlight} index); {@code lines} ({@code x}, {@code series} of {@code name}, {@code
 * values} and optional {@code dashed}, optional {@code marks} of {@code x} index and {@code name}); {@code boxplot} ({@code categories}, {@code series} of {@code name} and {@code boxes}
 * of [low, q1, median, q3, high]); {@code stacked} ({@code categories}, {@code series}). Each may
 * carry {@code xName} and {@code yName}.
 *
 * @param kind one of the kinds above
 * @param title shown above the chart
 * @param data the numbers, as JSON
 * @param table the same numbers as a table
 */
public record Chart(String kind, String title, ObjectNode data, Table table) {

  static final java.util.Set<String> KINDS = java.util.Set.of("intervals", "histogram", "lines", "boxplot", "stacked");

  public Chart {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown chart kind '" + kind + "'; known: " + KINDS);
    }
  }
}
