package io.argo4j.expr.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of cases read from a {@code .cases} file. One case a line: {@code input => expected}.
 *
 * <ul>
 *   <li>{@code expected} is a JSON value ({@code 3} is an int, {@code 3.0} a float, {@code "3"} a
 *       string), or {@code !error text} (the error message contains text; a bare {@code !error}
 *       accepts any ExprException), or {@code !message text} (the whole message, with {@code \n}
 *       for line breaks).
 *   <li>{@code input} is taken as written, trimmed; write {@code json:"..."} to keep surrounding
 *       spaces or to include line breaks.
 *   <li>Lines starting with {@code @} set context for the cases that follow: {@code @vars {json}},
 *       {@code @scope {json}}, {@code @mode KEEP|ERROR|strict p1,p2}, {@code @tasks {json}},
 *       {@code @continueOn {json}}.
 *   <li>Lines starting with {@code # } and blank lines are ignored.
 * </ul>
 */
record CaseFile(String name, List<Case> cases) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One row of the table, with the context directives in force when it was read. */
  record Case(String file, int line, String input, String expected, Map<String, String> context) {
    boolean expectsError() {
      return expected.equals("!error")
          || expected.startsWith("!error ")
          || expected.startsWith("!message ");
    }

    String errorText() {
      int space = expected.indexOf(' ');
      return space < 0 ? "" : unescape(expected.substring(space + 1));
    }

    boolean exactMessage() {
      return expected.startsWith("!message ");
    }

    Object expectedValue() {
      return json(expected);
    }

    String directive(String key) {
      return context.get(key);
    }

    @Override
    public String toString() {
      return file + ":" + line + "  " + input;
    }
  }

  static CaseFile load(String resource) {
    try (InputStream in = CaseFile.class.getResourceAsStream("/cases/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /cases/" + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /cases/" + resource, e);
    }
  }

  static CaseFile parse(String name, String text) {
    List<Case> cases = new ArrayList<>();
    Map<String, String> context = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("# ") || line.equals("#")) {
        continue;
      }
      if (line.startsWith("@")) {
        int space = line.indexOf(' ');
        String key = space < 0 ? line.substring(1) : line.substring(1, space);
        context.put(key, space < 0 ? "" : line.substring(space + 1).strip());
        continue;
      }
      int arrow = line.indexOf(" => ");
      if (arrow < 0) {
        throw new IllegalStateException(name + ":" + (i + 1) + ": no ' => ' in " + line);
      }
      String input = line.substring(0, arrow).strip();
      if (input.startsWith("json:")) {
        input = (String) json(input.substring(5));
      }
      cases.add(
          new Case(name, i + 1, input, line.substring(arrow + 4).strip(), Map.copyOf(context)));
    }
    return new CaseFile(name, List.copyOf(cases));
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }

  /** Parses JSON into Go-like Java values: Long for integers, Double for floats. */
  static Object json(String text) {
    try {
      return toJava(JSON.readTree(text));
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }

  static Object toJava(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(toJava(x)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.properties().forEach(e -> out.put(e.getKey(), toJava(e.getValue())));
    return out;
  }
}
