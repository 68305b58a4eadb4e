package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** A number as written, such as a histogram bucket bound; JSON form is the bare number. */
public record Amount(BigDecimal value) {
  /** Refuses a missing value. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Amount {
    Objects.requireNonNull(value, "value");
  }

  /** The amount of this number. */
  public static Amount of(double value) {
    return new Amount(BigDecimal.valueOf(value));
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }
}
