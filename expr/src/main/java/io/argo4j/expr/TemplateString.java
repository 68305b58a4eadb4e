package io.argo4j.expr;

import io.argo4j.expr.internal.EvalError;
import io.argo4j.expr.internal.Json;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A string with Argo's {@code {{...}}} tags, parsed once and rendered many times (util/template). A
 * tag runs from {@code {{} to the first {@code }}} after it.
 *
 * <ul>
 *   <li>Simple tags ({@code {{inputs.parameters.x}}}, whitespace inside the braces ignored) are
 *       looked up in the flat scope and inserted verbatim.
 *   <li>Expression tags start with {@code =} right after the braces ({@code {{=asInt(x) + 1}}});
 *       they are evaluated with expr-lang in {@link Env#fromFlat} of the scope and inserted as Argo
 *       does: strings verbatim, other values as JSON ({@code 3}, {@code true}, {@code [1,2]},
 *       {@code {"a":1}}).
 * </ul>
 *
 * <p>An unclosed tag or a malformed expression fails at {@link #parse}; Argo fails on those
 * whenever it substitutes, whatever the unresolved mode.
 */
public final class TemplateString {

  private sealed interface Part permits Text, Tag {}

  private record Text(String text) implements Part {}

  /** {@code raw} is the text between the braces; {@code expression} is null for simple tags. */
  private record Tag(String raw, int offset, String name, Expression expression) implements Part {}

  private static final List<String> VARIABLES_TO_CHECK =
      List.of(
          "item",
          "retries",
          "lastRetry.exitCode",
          "lastRetry.status",
          "lastRetry.duration",
          "lastRetry.message",
          "workflow.status",
          "workflow.failures");

  private static final String PLACEHOLDER_PREFIX = "__argo__internal__placeholder";

  private final String source;
  private final List<Part> parts;
  private final boolean hasExpressions;

  private TemplateString(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts;
    this.hasExpressions = parts.stream().anyMatch(p -> p instanceof Tag t && t.expression != null);
  }

  /** Splits a template into text and tags; compiles expression tags. */
  public static TemplateString parse(String template) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (true) {
      int open = template.indexOf("{{", i);
      if (open < 0) {
        if (i < template.length()) {
          parts.add(new Text(template.substring(i)));
        }
        break;
      }
      if (open > i) {
        parts.add(new Text(template.substring(i, open)));
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        throw new ExprException(
            "Cannot find end tag=\"}}\" in the template starting from "
                + io.argo4j.expr.internal.Strings.goQuote(template.substring(open + 2)),
            template,
            open);
      }
      String raw = template.substring(open + 2, close);
      Expression expr = null;
      if (raw.startsWith("=")) {
        try {
          expr = ExprLang.compile(raw.substring(1));
        } catch (ExprException e) {
          throw e.relocate(template, open + 3);
        }
      }
      parts.add(new Tag(raw, open, raw.strip(), expr));
      i = close + 2;
    }
    return new TemplateString(template, List.copyOf(parts));
  }

  /** Convenience: parse and render in one go. */
  public static String render(String template, Map<String, String> scope, Unresolved mode) {
    return parse(template).render(scope, mode);
  }

  /** The template text. */
  public String source() {
    return source;
  }

  /** Whether the template contains any tag at all. */
  public boolean hasTags() {
    return parts.stream().anyMatch(p -> p instanceof Tag);
  }

  /**
   * The variables the template refers to, in order: simple tag names, and for expression tags the
   * longest variable paths they read (function names such as {@code asInt} or {@code sprig.trim}
   * left out).
   */
  public List<Reference> references() {
    List<Reference> out = new ArrayList<>();
    for (Part p : parts) {
      if (!(p instanceof Tag t)) {
        continue;
      }
      if (t.expression == null) {
        out.add(new Reference(t.name, false, t.offset));
        continue;
      }
      List<String> ids = t.expression.identifiers();
      for (String id : ids) {
        String root = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        if (Env.functions().containsKey(root)) {
          continue;
        }
        boolean prefixOfAnother = ids.stream().anyMatch(o -> o.startsWith(id + "."));
        if (!prefixOfAnother) {
          out.add(new Reference(id, true, t.offset));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Renders with the system clock for {@code now()}. */
  public String render(Map<String, String> scope, Unresolved mode) {
    return render(scope, mode, Clock.systemUTC());
  }

  /** Renders; {@code now()} inside expression tags reads {@code clock}. */
  public String render(Map<String, String> scope, Unresolved mode, InstantSource clock) {
    StringBuilder sb = new StringBuilder(source.length() + 16);
    Map<String, Object> env = null;
    Boolean placeholders = null;
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(t.text);
        continue;
      }
      Tag tag = (Tag) p;
      if (tag.expression == null) {
        renderSimple(sb, tag, scope, mode);
        continue;
      }
      if (env == null) {
        env = Env.fromFlat(scope);
        placeholders =
            scope.values().stream().anyMatch(v -> v != null && v.startsWith(PLACEHOLDER_PREFIX));
      }
      renderExpression(sb, tag, env, mode, placeholders, clock);
    }
    return sb.toString();
  }

  private void renderSimple(StringBuilder sb, Tag tag, Map<String, String> scope, Unresolved mode) {
    String value = scope.get(tag.name);
    if (value != null) {
      sb.append(value);
      return;
    }
    // "{{a{{b}}": when b resolves, keep the outer braces open and insert b's value
    int nested = tag.raw.lastIndexOf("{{");
    if (nested > 0) {
      String inner = scope.get(tag.raw.substring(nested + 2));
      if (inner != null) {
        sb.append("{{").append(tag.raw, 0, nested).append(inner);
        return;
      }
    }
    if (mode.isStrict(tag.name)
        && (!mode.allowUnresolvedArtifacts || !tag.name.contains(".outputs.artifacts."))) {
      throw new ExprException("failed to resolve {{" + tag.raw + "}}", source, tag.offset);
    }
    sb.append("{{").append(tag.raw).append("}}");
  }

  private void renderExpression(
      StringBuilder sb,
      Tag tag,
      Map<String, Object> env,
      Unresolved mode,
      boolean placeholders,
      InstantSource clock) {
    Expression expr = tag.expression;
    boolean missing = false;
    for (String id : expr.identifiers()) {
      if (!Env.has(env, id)) {
        if (mode.isStrict(id)) {
          throw new ExprException(
              "failed to evaluate expression: " + id + " is missing", source, tag.offset);
        }
        missing = true;
      }
    }
    boolean allowUnresolved = missing;
    if (allowUnresolved) {
      for (String v : VARIABLES_TO_CHECK) {
        if (ExprLang.mentions(expr.source(), v) && !Env.has(env, v)) {
          keep(sb, tag);
          return;
        }
      }
    }
    Object result;
    try {
      result = expr.evaluate(env, clock);
    } catch (ExprException e) {
      if (allowUnresolved || placeholders) {
        keep(sb, tag);
        return;
      }
      throw new ExprException(
          "failed to evaluate expression: " + e.reason(),
          source,
          e.offset() < 0 ? tag.offset : tag.offset + 3 + e.offset());
    }
    if (result == null) {
      if (allowUnresolved || placeholders) {
        keep(sb, tag);
        return;
      }
      throw new ExprException(
          "failed to evaluate expression " + io.argo4j.expr.internal.Strings.goQuote(expr.source()),
          source,
          tag.offset);
    }
    if (result instanceof String s) {
      sb.append(s);
      return;
    }
    try {
      sb.append(Json.marshal(result));
    } catch (EvalError e) {
      if (allowUnresolved) {
        keep(sb, tag);
        return;
      }
      throw new ExprException(
          "failed to marshal evaluated expression: " + e.getMessage(), source, tag.offset);
    }
  }

  private static void keep(StringBuilder sb, Tag tag) {
    sb.append("{{").append(tag.raw).append("}}");
  }

  @Override
  public String toString() {
    return source;
  }
}
