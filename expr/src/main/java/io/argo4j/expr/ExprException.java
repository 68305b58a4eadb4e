package io.argo4j.expr;

/**
 * An expression that cannot be parsed or evaluated. The message names the problem, the line and
 * column, and shows the source line with a caret under the offending character, as expr-lang does:
 *
 * <pre>
 * unexpected token Operator(")") (1:7)
 *  | a + b )
 *  | ......^
 * </pre>
 *
 * Errors without a meaningful position (for example a missing variable found while rendering a
 * template) have {@link #offset()} {@code -1} and no caret line.
 */
public final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int offset;
  private final String reason;

  /** An error at {@code offset} (a char index into {@code source}, or -1 when unknown). */
  public ExprException(String reason, String source, int offset) {
    super(format(reason, source, offset), null, false, false);
    this.reason = reason;
    this.source = source == null ? "" : source;
    this.offset = offset;
  }

  /** The whole text that was being parsed or evaluated. */
  public String source() {
    return source;
  }

  /** The char offset of the error in {@link #source()}, or -1 when it has no position. */
  public int offset() {
    return offset;
  }

  /** The message without position or caret line. */
  public String reason() {
    return reason;
  }

  /** The same error, re-anchored in a larger text (a template containing this expression). */
  public ExprException relocate(String outerSource, int shift) {
    return new ExprException(reason, outerSource, offset < 0 ? -1 : offset + shift);
  }

  /** The same error with a prefix added to its reason (keeps the position). */
  public ExprException withPrefix(String prefix) {
    return new ExprException(prefix + reason, source, offset);
  }

  static String format(String reason, String source, int offset) {
    if (source == null || offset < 0) {
      return reason;
    }
    int off = Math.min(offset, source.length());
    int lineStart = source.lastIndexOf('\n', off - 1) + 1;
    int lineEnd = source.indexOf('\n', off);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    int column = off - lineStart;
    String text = source.substring(lineStart, lineEnd).replace('\t', ' ');
    StringBuilder sb = new StringBuilder(reason.length() + text.length() * 2 + 24);
    sb.append(reason).append(" (").append(line).append(':').append(column + 1).append(')');
    sb.append("\n | ").append(text).append("\n | ");
    sb.append(".".repeat(column)).append('^');
    return sb.toString();
  }
}
