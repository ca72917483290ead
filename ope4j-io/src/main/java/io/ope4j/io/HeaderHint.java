package io.ope4j.io;

import java.util.List;

/**
 * What a header that lacks a column looked like: the names as read and, when they look like one
 * field of names separated by something else, the delimiter the file seems to use.
 */
final class HeaderHint {

  /** Other separators a CSV export often uses, with how {@code --delimiter} takes them. */
  private static final char[] OTHER_DELIMITERS = {';', '\t', '|'};

  private HeaderHint() {}

  /** E.g. {@code the header as read has 1 column: [action;reward;pscore]; it looks ';'-separated: give --delimiter ';'}. */
  static String describe(List<String> header) {
    String asRead = "the header as read has " + header.size() + (header.size() == 1 ? " column: " : " columns: ")
        + header;
    for (char delimiter : OTHER_DELIMITERS) {
      if (header.size() <= 2 && String.join("", header).indexOf(delimiter) >= 0) {
        String shown = delimiter == '\t' ? "tab" : "'" + delimiter + "'";
        return asRead + "; it looks " + shown + "-separated: give --delimiter " + shown;
      }
    }
    return asRead;
  }
}
