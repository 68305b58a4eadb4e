package io.argo4j.model.internal.check;

import java.util.List;
import java.util.Map;

/** The JSON shape a Java type of the model accepts, derived once per type. */
sealed interface Shape {
  /** Anything: free-form JSON, or a type with a deserializer of its own. */
  record Any() implements Shape {}

  /** A string; with {@code anyString}, numbers and booleans are taken as their text. */
  record Str(boolean anyString) implements Shape {}

  record Bool() implements Shape {}

  record Int(long min, long max) implements Shape {}

  record Num() implements Shape {}

  record Timestamp() implements Shape {}

  record IntOrString() implements Shape {}

  record Quantity() implements Shape {}

  /** One of fixed strings, such as a node phase. */
  record Enum(String label, List<String> values) implements Shape {}

  record ListOf(Shape element) implements Shape {}

  record MapOf(Shape value) implements Shape {}

  /** An object with known fields; filled after creation so that types can refer to themselves. */
  final class Obj implements Shape {
    private final String typeName;
    private Map<String, Shape> properties;
    private boolean freeForm;

    Obj(String typeName) {
      this.typeName = typeName;
    }

    void init(Map<String, Shape> properties, boolean freeForm) {
      this.properties = properties;
      this.freeForm = freeForm;
    }

    String typeName() {
      return typeName;
    }

    Map<String, Shape> properties() {
      return properties;
    }

    boolean freeForm() {
      return freeForm;
    }
  }
}
