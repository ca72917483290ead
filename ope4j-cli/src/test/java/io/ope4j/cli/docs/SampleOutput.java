package io.ope4j.cli.docs;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares a command's standard output with the sample a document shows. Only what truly varies
 * from run to run is tolerated: a duration in seconds ({@code 2.0 s}) matches any duration, and a
 * line holding only {@code ...} stands for any number of lines. Trailing blanks and trailing empty
 * lines are ignored; everything else must match exactly.
 */
final class SampleOutput {

  static final String ELLIPSIS = "...";
  private static final Pattern SECONDS = Pattern.compile("\\b\\d+(?:\\.\\d+)? s\\b");

  private SampleOutput() {}

  /** The lines as compared: durations replaced, trailing blanks and empty lines dropped. */
  static List<String> normalise(String text) {
    List<String> lines = Arrays.stream(text.split("\n", -1))
        .map(line -> SECONDS.matcher(line.stripTrailing()).replaceAll("<t> s"))
        .toList();
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    return lines.subList(0, end);
  }

  static boolean matches(String shown, String actual) {
    return matches(normalise(shown), 0, normalise(actual), 0);
  }

  private static boolean matches(List<String> shown, int s, List<String> actual, int a) {
    if (s == shown.size()) {
      return a == actual.size();
    }
    if (shown.get(s).equals(ELLIPSIS)) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matches(shown, s + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size() && shown.get(s).equals(actual.get(a)) && matches(shown, s + 1, actual, a + 1);
  }
}
