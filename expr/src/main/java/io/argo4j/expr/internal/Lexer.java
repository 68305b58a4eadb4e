package io.argo4j.expr.internal;

import io.argo4j.expr.ExprException;
import java.util.ArrayList;
import java.util.List;

/** expr-lang's lexer: the same token kinds, keywords and error messages as upstream. */
public final class Lexer {

  /** Token kinds, named as expr-lang prints them in errors. */
  public enum Kind {
    Identifier,
    Number,
    String,
    Operator,
    Bracket,
    EOF
  }

  /** One token; {@code start} and {@code end} are char offsets in the source. */
  public record Token(Kind kind, String value, int start, int end) {
    boolean is(Kind k) {
      return kind == k;
    }

    boolean is(Kind k, String v) {
      return kind == k && value.equals(v);
    }

    @Override
    public String toString() {
      if (kind == Kind.EOF) {
        return "EOF";
      }
      return kind + "(" + Strings.goQuote(value) + ")";
    }
  }

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  /** Splits {@code source} into tokens, ending with an EOF token. */
  public static List<Token> lex(String source) {
    Lexer l = new Lexer(source);
    l.run();
    return l.tokens;
  }

  private static final int EOF_CHAR = -1;

  private int next() {
    if (pos >= src.length()) {
      pos++;
      return EOF_CHAR;
    }
    int c = src.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  private void backup(int c) {
    pos -= c == EOF_CHAR ? 1 : Character.charCount(c);
  }

  private int peek() {
    int c = next();
    backup(c);
    return c;
  }

  private boolean accept(String valid) {
    int c = next();
    if (c != EOF_CHAR && valid.indexOf(c) >= 0) {
      return true;
    }
    backup(c);
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // absorb
    }
  }

  private String word() {
    return src.substring(start, Math.min(pos, src.length()));
  }

  private void emit(Kind kind) {
    emit(kind, word());
  }

  private void emit(Kind kind, String value) {
    tokens.add(new Token(kind, value, start, pos));
    start = pos;
  }

  private ExprException error(String msg) {
    return new ExprException(msg, src, Math.max(0, Math.min(pos - 1, src.length())));
  }

  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean isAlphaNumeric(int c) {
    return c == '_' || c == '$' || Character.isLetter(c) || Character.isDigit(c);
  }

  private void run() {
    while (true) {
      int c = next();
      if (c == EOF_CHAR) {
        int from = Math.max(0, src.length() - 1);
        tokens.add(new Token(Kind.EOF, "", from, src.length()));
        return;
      }
      if (isSpace(c)) {
        start = pos;
        continue;
      }
      if (c == '\'' || c == '"') {
        scanString(c);
      } else if (c == '`') {
        scanRawString();
      } else if (c >= '0' && c <= '9') {
        backup(c);
        number();
      } else if (c == '?') {
        accept(".?");
        emit(Kind.Operator);
      } else if (c == '/') {
        if (accept("/")) {
          while (true) {
            int d = next();
            if (d == EOF_CHAR || d == '\n') {
              break;
            }
          }
          start = Math.min(pos, src.length());
          pos = start;
        } else if (accept("*")) {
          while (true) {
            int d = next();
            if (d == EOF_CHAR) {
              throw error("unclosed comment");
            }
            if (d == '*' && accept("/")) {
              break;
            }
          }
          start = pos;
        } else {
          emit(Kind.Operator);
        }
      } else if (c == '#') {
        emit(Kind.Operator);
        while (isAlphaNumeric(peek())) {
          next();
        }
        if (pos > start) {
          emit(Kind.Identifier);
        }
      } else if (c == '|') {
        accept("|");
        emit(Kind.Operator);
      } else if (c == ':') {
        accept(":");
        emit(Kind.Operator);
      } else if ("([{".indexOf(c) >= 0 || ")]}".indexOf(c) >= 0) {
        emit(Kind.Bracket);
      } else if (",;%+-^".indexOf(c) >= 0) {
        emit(Kind.Operator);
      } else if ("&!=*<>".indexOf(c) >= 0) {
        accept("&=*");
        emit(Kind.Operator);
      } else if (c == '.') {
        int d = peek();
        if (d >= '0' && d <= '9') {
          backup(c);
          number();
        } else {
          accept(".");
          emit(Kind.Operator);
        }
      } else if (isAlphaNumeric(c)) {
        identifier();
      } else {
        throw error("unrecognized character: " + Strings.unicodeName(c));
      }
    }
  }

  private void number() {
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    int end = pos;
    boolean ok = true;
    if (accept(".")) {
      if (peek() == '.') {
        // 1..2 is a range: the dot belongs to the operator
        pos = end;
        emit(Kind.Number);
        return;
      }
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(digits);
    }
    if (isAlphaNumeric(peek())) {
      next();
      ok = false;
    }
    if (!ok) {
      throw error("bad number syntax: " + Strings.goQuote(word()));
    }
    emit(Kind.Number);
  }

  private void identifier() {
    while (isAlphaNumeric(peek())) {
      next();
    }
    String w = word();
    switch (w) {
      case "not" -> {
        emit(Kind.Operator);
        // "not in", "not matches"...: the second word is an operator too
        while (peek() == ' ') {
          next();
        }
        start = pos;
        int save = pos;
        while (isAlphaNumeric(peek())) {
          next();
        }
        switch (word()) {
          case "in", "matches", "contains", "startsWith", "endsWith" -> emit(Kind.Operator);
          default -> {
            pos = save;
            start = save;
          }
        }
      }
      case "in",
          "or",
          "and",
          "matches",
          "contains",
          "startsWith",
          "endsWith",
          "let",
          "if",
          "else" ->
          emit(Kind.Operator);
      default -> emit(Kind.Identifier);
    }
  }

  private void scanString(int quote) {
    while (true) {
      int c = next();
      if (c == quote) {
        break;
      }
      if (c == '\n' || c == EOF_CHAR) {
        throw error("literal not terminated");
      }
      if (c == '\\') {
        int e = next();
        if (e == EOF_CHAR) {
          throw error("literal not terminated");
        }
      }
    }
    String raw = word();
    String value;
    try {
      value = Strings.unescape(raw.substring(1, raw.length() - 1), quote);
    } catch (IllegalArgumentException e) {
      throw new ExprException(e.getMessage(), src, start);
    }
    emit(Kind.String, value);
  }

  private void scanRawString() {
    while (true) {
      int c = next();
      if (c == EOF_CHAR) {
        throw error("literal not terminated");
      }
      if (c == '`') {
        break;
      }
    }
    emit(Kind.String, src.substring(start + 1, pos - 1));
  }
}
