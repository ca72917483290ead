package io.ope4j.report;

/** Escaping for text placed in HTML and for JSON placed in a script element. */
final class Html {

  private Html() {}

  /** {@code text} safe as element content or a quoted attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON safe inside {@code <script type="application/json">}: a {@code </} or {@code <!--} in a
   * string would end or disturb the element, so every {@code <} is written as its JSON escape.
   */
  static String scriptJson(String json) {
    return json.replace("<", "\\u003c");
  }
}
