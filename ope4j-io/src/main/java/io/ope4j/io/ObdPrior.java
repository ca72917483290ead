package io.ope4j.io;

import io.ope4j.data.InvalidDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Beta(alpha, beta) prior per item that the Open Bandit Dataset's production Bernoulli
 * Thompson sampling policy used, read from {@code prior_bts.yaml}. The file's layout is a map
 * from campaign ({@code all}, {@code men}, {@code women}) to {@code alpha} and {@code beta}
 * lists of numbers, one per item:
 *
 * <pre>
 * men:
 *   alpha:
 *     - 47.0
 *     ...
 *   beta:
 *     - 3004.0
 * </pre>
 *
 * Only this subset of YAML is read; anything else is rejected with the file and line.
 *
 * @param campaign the campaign read
 * @param alpha alpha per item
 * @param beta beta per item
 */
public record ObdPrior(String campaign, double[] alpha, double[] beta) {

  /**
   * Reads the prior of {@code campaign}.
   *
   * @throws InvalidDataException if the file does not have the layout above, the campaign is
   *     missing, or alpha and beta differ in length (row = line number)
   * @throws IOException if the file cannot be read
   */
  public static ObdPrior read(Path file, String campaign) throws IOException {
    String source = file.toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Double> alpha = null;
    List<Double> beta = null;
    List<Double> current = null;
    boolean inCampaign = false;
    boolean found = false;
    for (int n = 0; n < lines.size(); n++) {
      String raw = lines.get(n);
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).stripTrailing();
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String text = line.strip();
      long row = n + 1;
      if (indent == 0) {
        if (!text.endsWith(":")) {
          throw new InvalidDataException(source, row, null, "expected 'campaign:', got '" + text + "'");
        }
        inCampaign = text.substring(0, text.length() - 1).strip().equals(campaign);
        found |= inCampaign;
        current = null;
      } else if (text.startsWith("-")) {
        if (current == null) {
          throw new InvalidDataException(source, row, null, "a list item outside 'alpha:' or 'beta:'");
        }
        String value = text.substring(1).strip();
        try {
          current.add(Double.parseDouble(value));
        } catch (NumberFormatException e) {
          throw new InvalidDataException(source, row, null, "expected a number, got '" + value + "'");
        }
      } else if (text.equals("alpha:") || text.equals("beta:")) {
        current = new ArrayList<>();
        if (inCampaign) {
          if (text.equals("alpha:")) {
            alpha = current;
          } else {
            beta = current;
          }
        }
      } else {
        throw new InvalidDataException(source, row, null, "expected 'alpha:', 'beta:' or '- number', got '" + text + "'");
      }
    }
    if (!found) {
      throw new InvalidDataException(source, -1, null, "no campaign '" + campaign + "'");
    }
    if (alpha == null || beta == null || alpha.isEmpty() || alpha.size() != beta.size()) {
      throw new InvalidDataException(source, -1, null, "campaign '" + campaign + "' needs alpha and beta lists of"
          + " equal length, got " + (alpha == null ? 0 : alpha.size()) + " and " + (beta == null ? 0 : beta.size()));
    }
    return new ObdPrior(campaign, toArray(alpha), toArray(beta));
  }

  private static double[] toArray(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Number of items K. */
  public int nActions() {
    return alpha.length;
  }
}
