package io.argo4j.store;

import io.argo4j.store.internal.LabelSelectorParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: every requirement must hold. The empty selector matches everything.
 *
 * @param requirements the conditions, all of which must hold
 */
public record LabelSelector(List<LabelRequirement> requirements) {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(Objects.requireNonNull(requirements, "requirements"));
  }

  /** The selector that matches every document. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** A selector of these requirements. */
  public static LabelSelector of(LabelRequirement... requirements) {
    return new LabelSelector(List.of(requirements));
  }

  /**
   * Parses Kubernetes' syntax, as {@code argo list -l} takes it: comma-separated {@code key},
   * {@code !key}, {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)}
   * and {@code key notin (a,b)}. A blank text selects everything.
   *
   * @throws InvalidQueryException saying where the text stops making sense and what is valid
   */
  public static LabelSelector parse(String text) throws InvalidQueryException {
    return new LabelSelector(LabelSelectorParser.parse(text));
  }

  /** This selector with one more requirement. */
  public LabelSelector and(LabelRequirement requirement) {
    List<LabelRequirement> more = new ArrayList<>(requirements);
    more.add(Objects.requireNonNull(requirement, "requirement"));
    return new LabelSelector(more);
  }

  /** Whether a document with these labels is selected. */
  public boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** The selector in Kubernetes' syntax, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }
}
