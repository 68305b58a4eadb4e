package io.argo4j.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One condition of a {@link LabelSelector}, with Kubernetes' meaning: {@code !=} and {@code notin}
 * also match documents that lack the key.
 */
public sealed interface LabelRequirement {

  /** The label key the condition looks at. */
  String key();

  /** Whether a document with these labels satisfies the condition. */
  boolean matches(Map<String, String> labels);

  /** {@code key=value}: the label is present with this value. */
  record Equals(String key, String value) implements LabelRequirement {
    public Equals {
      requireKey(key);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      return value.equals(labels.get(key));
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  /** {@code key!=value}: the label is absent or has another value. */
  record NotEquals(String key, String value) implements LabelRequirement {
    public NotEquals {
      requireKey(key);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      return !value.equals(labels.get(key));
    }

    @Override
    public String toString() {
      return key + "!=" + value;
    }
  }

  /** {@code key}: the label is present, with any value. */
  record Exists(String key) implements LabelRequirement {
    public Exists {
      requireKey(key);
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      return labels.containsKey(key);
    }

    @Override
    public String toString() {
      return key;
    }
  }

  /** {@code !key}: the label is absent. */
  record DoesNotExist(String key) implements LabelRequirement {
    public DoesNotExist {
      requireKey(key);
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      return !labels.containsKey(key);
    }

    @Override
    public String toString() {
      return "!" + key;
    }
  }

  /** {@code key in (a,b)}: the label is present with one of the values. */
  record In(String key, Set<String> values) implements LabelRequirement {
    public In {
      requireKey(key);
      values = requireValues(key, values);
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return value != null && values.contains(value);
    }

    @Override
    public String toString() {
      return key + " in (" + String.join(",", values) + ")";
    }
  }

  /** {@code key notin (a,b)}: the label is absent or has none of the values. */
  record NotIn(String key, Set<String> values) implements LabelRequirement {
    public NotIn {
      requireKey(key);
      values = requireValues(key, values);
    }

    @Override
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return value == null || !values.contains(value);
    }

    @Override
    public String toString() {
      return key + " notin (" + String.join(",", values) + ")";
    }
  }

  private static void requireKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a label requirement needs a non-empty key");
    }
  }

  private static Set<String> requireValues(String key, Set<String> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "the set of values for label " + key + " must not be empty");
    }
    return Collections.unmodifiableSet(new TreeSet<>(values));
  }
}
