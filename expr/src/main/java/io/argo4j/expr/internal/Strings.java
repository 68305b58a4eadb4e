package io.argo4j.expr.internal;

import java.nio.charset.StandardCharsets;

/** Go-compatible string helpers: quoting, escapes, byte lengths and offsets. */
public final class Strings {
  private Strings() {}

  /** Go's {@code %q} of a string (strconv.Quote). */
  public static String goQuote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else if (!isPrintable(c)) {
            if (c < 0x10000) {
              sb.append(String.format("\\u%04x", c));
            } else {
              sb.append(String.format("\\U%08x", c));
            }
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean isPrintable(int c) {
    int type = Character.getType(c);
    return !(type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || (type == Character.SPACE_SEPARATOR && c != ' '));
  }

  /** Go's {@code %#U}: {@code U+0040 '@'}. */
  public static String unicodeName(int c) {
    String hex = String.format("U+%04X", c);
    return isPrintable(c) ? hex + " '" + new String(Character.toChars(c)) + "'" : hex;
  }

  /** Resolves Go escape sequences inside a quoted literal (without its quotes). */
  public static String unescape(String s, int quote) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("invalid char escape");
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'a' -> sb.append((char) 7);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append((char) 11);
        case '\\' -> sb.append('\\');
        case '\'', '"' -> {
          if (e != quote) {
            throw new IllegalArgumentException("invalid char escape");
          }
          sb.append(e);
        }
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          String hex = s.substring(i + 1, Math.min(s.length(), i + 1 + n));
          if (hex.length() != n || !hex.chars().allMatch(Strings::isHex)) {
            throw new IllegalArgumentException("invalid char escape");
          }
          long v = Long.parseLong(hex, 16);
          if (e == 'x') {
            // a single byte: decoded as Latin-1, which is what a lone byte means here
            sb.append((char) v);
          } else {
            if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000)) {
              throw new IllegalArgumentException("invalid char escape");
            }
            sb.appendCodePoint((int) v);
          }
          i += n;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            if (i + 2 >= s.length()) {
              throw new IllegalArgumentException("invalid char escape");
            }
            String oct = s.substring(i, i + 3);
            if (!oct.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
              throw new IllegalArgumentException("invalid char escape");
            }
            int v = Integer.parseInt(oct, 8);
            if (v > 255) {
              throw new IllegalArgumentException("invalid char escape");
            }
            sb.append((char) v);
            i += 2;
          } else {
            throw new IllegalArgumentException("invalid char escape");
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Length in UTF-8 bytes, which is what Go's {@code len} counts. */
  public static int byteLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Converts a char index into a UTF-8 byte index (Go string offsets are in bytes). */
  public static int byteIndex(String s, int charIndex) {
    if (charIndex < 0) {
      return charIndex;
    }
    return byteLength(s.substring(0, charIndex));
  }

  /** The UTF-8 bytes of a string. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Go's unicode.IsSpace. */
  public static boolean isGoSpace(int c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == 11
        || c == '\f'
        || c == '\r'
        || c == 0x85
        || c == 0xA0
        || (c > 0xff && Character.isSpaceChar(c))
        || c == 0x2028
        || c == 0x2029;
  }

  /** Go's strings.TrimSpace. */
  public static String trimSpace(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isGoSpace(s.codePointAt(a))) {
      a += Character.charCount(s.codePointAt(a));
    }
    while (b > a && isGoSpace(s.codePointBefore(b))) {
      b -= Character.charCount(s.codePointBefore(b));
    }
    return s.substring(a, b);
  }

  /** Go's strings.Trim with a cutset. */
  public static String trim(String s, String cutset) {
    return trimRight(trimLeft(s, cutset), cutset);
  }

  /** Go's strings.TrimLeft with a cutset. */
  public static String trimLeft(String s, String cutset) {
    int a = 0;
    while (a < s.length() && cutset.indexOf(s.codePointAt(a)) >= 0) {
      a += Character.charCount(s.codePointAt(a));
    }
    return s.substring(a);
  }

  /** Go's strings.TrimRight with a cutset. */
  public static String trimRight(String s, String cutset) {
    int b = s.length();
    while (b > 0 && cutset.indexOf(s.codePointBefore(b)) >= 0) {
      b -= Character.charCount(s.codePointBefore(b));
    }
    return s.substring(0, b);
  }
}
