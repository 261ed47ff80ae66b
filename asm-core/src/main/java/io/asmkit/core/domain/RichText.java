package io.asmkit.core.domain;

/** Turns plain text into the HTML that ASM keeps beside a rich-text field. */
public final class RichText {

  private RichText() {}

  /**
   * Escapes {@code text} for HTML and keeps its line breaks as {@code <br>}.
   *
   * <p>{@code "a < b\nc"} becomes {@code "a &lt; b<br>c"}.
   */
  public static String toHtml(String text) {
    StringBuilder html = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        case '\r' -> {
          html.append("<br>");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> html.append("<br>");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
