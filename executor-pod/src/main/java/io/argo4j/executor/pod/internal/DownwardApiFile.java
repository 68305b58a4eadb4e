package io.argo4j.executor.pod.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a downward API file of labels or annotations: one {@code key="value"} per line, the value
 * quoted as Go's {@code strconv.Quote} does (which is how the kubelet writes it).
 */
public final class DownwardApiFile {
  private DownwardApiFile() {}

  /**
   * The entries of {@code text}.
   *
   * @throws IllegalArgumentException on a line that is not {@code key="value"}, naming it
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("line " + lineNo + " is not key=\"value\": " + line);
      }
      String key = line.substring(0, eq);
      String raw = line.substring(eq + 1);
      out.put(key, raw.startsWith("\"") ? unquote(raw, lineNo) : raw);
    }
    return out;
  }

  /** Undoes Go's {@code strconv.Quote}: {@code "a\"b\n"} is {@code a"b} and a newline. */
  static String unquote(String quoted, int lineNo) {
    if (quoted.length() < 2 || !quoted.endsWith("\"")) {
      throw new IllegalArgumentException("line " + lineNo + ": unterminated quoted value");
    }
    String s = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(s.length());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '\\') {
        flush(bytes, out);
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("line " + lineNo + ": dangling backslash");
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n' -> append(bytes, out, '\n');
        case 't' -> append(bytes, out, '\t');
        case 'r' -> append(bytes, out, '\r');
        case 'a' -> append(bytes, out, '\u0007');
        case 'b' -> append(bytes, out, '\b');
        case 'f' -> append(bytes, out, '\f');
        case 'v' -> append(bytes, out, '\u000b');
        case '\\', '"', '\'' -> append(bytes, out, e);
        case 'x' -> {
          // a raw byte: bytes of one UTF-8 sequence are decoded together
          bytes.write(hex(s, i, 2, lineNo));
          i += 2;
        }
        case 'u' -> {
          flush(bytes, out);
          out.appendCodePoint(hex(s, i, 4, lineNo));
          i += 4;
        }
        case 'U' -> {
          flush(bytes, out);
          out.appendCodePoint(hex(s, i, 8, lineNo));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 1 < s.length()) {
            bytes.write(Integer.parseInt(s.substring(i - 1, i + 2), 8));
            i += 2;
          } else {
            throw new IllegalArgumentException("line " + lineNo + ": unknown escape \\" + e);
          }
        }
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void append(java.io.ByteArrayOutputStream bytes, StringBuilder out, char c) {
    flush(bytes, out);
    out.append(c);
  }

  private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static int hex(String s, int from, int digits, int lineNo) {
    if (from + digits > s.length()) {
      throw new IllegalArgumentException("line " + lineNo + ": truncated escape");
    }
    try {
      return Integer.parseInt(s.substring(from, from + digits), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + lineNo + ": bad escape", e);
    }
  }
}
