package io.argo4j.model.internal;

import io.argo4j.model.StringEnum;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lookup of {@link StringEnum} constants by their JSON string. */
public final class StringEnums {
  private StringEnums() {}

  /** The constant written as {@code value}, if any. */
  public static <E extends Enum<E> & StringEnum> Optional<E> find(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.value().equals(value)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The constant written as {@code value}, or an exception that names the valid values. */
  public static <E extends Enum<E> & StringEnum> E require(
      Class<E> type, String label, String value) {
    return find(type, value)
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown " + label + " \"" + value + "\"; valid values: " + valid(type)));
  }

  /** The valid JSON strings of {@code type}, comma separated. */
  public static String valid(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> ((StringEnum) e).value())
        .map(v -> v.isEmpty() ? "\"\"" : v)
        .collect(Collectors.joining(", "));
  }
}
