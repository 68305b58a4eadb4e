package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.argo4j.model.internal.Immutables;
import io.argo4j.model.internal.json.AnyStringDeserializer;
import java.util.List;

/**
 * A named string value: an input, an argument or an output. Numbers and booleans in {@code value},
 * {@code default}, {@code enum} and {@code description} are read as their text (Argo's AnyString).
 */
public record Parameter(
    String name,
    @JsonDeserialize(using = AnyStringDeserializer.class) String value,
    @JsonProperty("default") @JsonDeserialize(using = AnyStringDeserializer.class)
        String defaultValue,
    ValueFrom valueFrom,
    @JsonProperty("enum") @JsonDeserialize(contentUsing = AnyStringDeserializer.class)
        List<String> enumValues,
    @JsonDeserialize(using = AnyStringDeserializer.class) String description,
    String globalName) {

  /** Copies collections so that the record stays immutable. */
  public Parameter {
    enumValues = Immutables.list(enumValues);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Parameter} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String value;
    private String defaultValue;
    private ValueFrom valueFrom;
    private List<String> enumValues;
    private String description;
    private String globalName;

    private Builder() {}

    private Builder(Parameter source) {
      this.name = source.name;
      this.value = source.value;
      this.defaultValue = source.defaultValue;
      this.valueFrom = source.valueFrom;
      this.enumValues = source.enumValues;
      this.description = source.description;
      this.globalName = source.globalName;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder value(String value) {
      this.value = value;
      return this;
    }

    public Builder defaultValue(String defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public Builder valueFrom(ValueFrom valueFrom) {
      this.valueFrom = valueFrom;
      return this;
    }

    public Builder enumValues(List<String> enumValues) {
      this.enumValues = enumValues;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder globalName(String globalName) {
      this.globalName = globalName;
      return this;
    }

    public Parameter build() {
      return new Parameter(
          name, value, defaultValue, valueFrom, enumValues, description, globalName);
    }
  }
}
