package io.argo4j.expr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link TemplateString#render} does with a tag it cannot resolve. Argo has three behaviours:
 *
 * <ul>
 *   <li>{@link #KEEP} ({@code Replace(..., allowUnresolved=true)}): the tag stays in the output as
 *       written, to be resolved by a later pass. Used for the global pass over a workflow and for
 *       steps before their outputs exist.
 *   <li>{@link #ERROR} ({@code allowUnresolved=false}): any unresolved tag fails with {@code failed
 *       to resolve {{x}}}, or {@code failed to evaluate expression: x is missing}. Used for the
 *       final substitution of a template's inputs.
 *   <li>{@link #strict(List)} ({@code ReplaceStrict}): tags under the given prefixes (such as
 *       {@code tasks}, {@code steps}) must resolve, others stay; unresolved {@code
 *       .outputs.artifacts.} references stay too (optional artifacts resolve later).
 * </ul>
 */
public final class Unresolved {
  /** Leave unresolved tags as they are. */
  public static final Unresolved KEEP = new Unresolved(null, true);

  /** Fail on any unresolved tag. */
  public static final Unresolved ERROR = new Unresolved(Pattern.compile(".*"), false);

  final Pattern strict;
  final boolean allowUnresolvedArtifacts;

  private Unresolved(Pattern strict, boolean allowUnresolvedArtifacts) {
    this.strict = strict;
    this.allowUnresolvedArtifacts = allowUnresolvedArtifacts;
  }

  /** Tags starting with one of {@code prefixes} (a whole dotted segment) must resolve. */
  public static Unresolved strict(List<String> prefixes) {
    if (prefixes.isEmpty()) {
      return KEEP;
    }
    StringBuilder re = new StringBuilder("^((");
    for (int i = 0; i < prefixes.size(); i++) {
      if (i > 0) {
        re.append('|');
      }
      re.append(Pattern.quote(prefixes.get(i)));
    }
    re.append("))(\\.|$)");
    return new Unresolved(Pattern.compile(re.toString()), true);
  }

  boolean isStrict(String name) {
    return strict != null && strict.matcher(name).find();
  }

  @Override
  public String toString() {
    if (this == KEEP) {
      return "KEEP";
    }
    if (this == ERROR) {
      return "ERROR";
    }
    return "strict(" + strict.pattern() + ")";
  }
}
