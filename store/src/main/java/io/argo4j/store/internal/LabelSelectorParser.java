package io.argo4j.store.internal;

import io.argo4j.store.InvalidQueryException;
import io.argo4j.store.LabelRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Kubernetes' label selector syntax. Keys and values are any characters but whitespace and
 * {@code , = ! ( )}: the store keeps whatever labels it is given, and lint judges their syntax.
 */
public final class LabelSelectorParser {

  private static final String VALID_FORMS =
      "valid forms, comma-separated: key, !key, key=value, key==value, key!=value,"
          + " key in (v1,v2), key notin (v1,v2)";

  private final String text;
  private int position;

  private LabelSelectorParser(String text) {
    this.text = text;
  }

  /** The requirements of {@code text}; none when it is null or blank. */
  public static List<LabelRequirement> parse(String text) throws InvalidQueryException {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return new LabelSelectorParser(text).requirements();
  }

  private List<LabelRequirement> requirements() throws InvalidQueryException {
    List<LabelRequirement> requirements = new ArrayList<>();
    do {
      requirements.add(requirement());
      skipSpaces();
    } while (consume(','));
    if (position < text.length()) {
      throw error("expected ',' or the end");
    }
    return requirements;
  }

  private LabelRequirement requirement() throws InvalidQueryException {
    skipSpaces();
    if (consume('!')) {
      skipSpaces();
      return new LabelRequirement.DoesNotExist(word("a label key after '!'"));
    }
    String key = word("a label key");
    skipSpaces();
    if (consume('!')) {
      expect('=');
      return new LabelRequirement.NotEquals(key, value());
    }
    if (consume('=')) {
      consume('=');
      return new LabelRequirement.Equals(key, value());
    }
    int beforeOperator = position;
    if (position < text.length() && !isDelimiter(text.charAt(position))) {
      String operator = word("an operator");
      switch (operator) {
        case "in":
          return new LabelRequirement.In(key, valueSet());
        case "notin":
          return new LabelRequirement.NotIn(key, valueSet());
        default:
          position = beforeOperator;
          throw error("expected '=', '==', '!=', 'in', 'notin', ',' or the end after key " + key);
      }
    }
    return new LabelRequirement.Exists(key);
  }

  private String value() {
    skipSpaces();
    int start = position;
    while (position < text.length() && !isDelimiter(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private Set<String> valueSet() throws InvalidQueryException {
    skipSpaces();
    expect('(');
    Set<String> values = new LinkedHashSet<>();
    do {
      values.add(value());
      skipSpaces();
    } while (consume(','));
    expect(')');
    return values;
  }

  private String word(String what) throws InvalidQueryException {
    int start = position;
    while (position < text.length() && !isDelimiter(text.charAt(position))) {
      position++;
    }
    if (start == position) {
      throw error("expected " + what);
    }
    return text.substring(start, position);
  }

  private static boolean isDelimiter(char c) {
    return Character.isWhitespace(c) || c == ',' || c == '=' || c == '!' || c == '(' || c == ')';
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean consume(char c) {
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) throws InvalidQueryException {
    skipSpaces();
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private InvalidQueryException error(String what) {
    String found =
        position < text.length() ? "'" + text.charAt(position) + "'" : "the end of the selector";
    return new InvalidQueryException(
        "label selector \""
            + text
            + "\": "
            + what
            + " at position "
            + (position + 1)
            + ", found "
            + found
            + "; "
            + VALID_FORMS);
  }
}
