package io.argo4j.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.argo4j.model.internal.json.AnyStringDeserializer;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;

/** Where a parameter takes its value from when it has no literal value. */
public record ValueFrom(
    String path,
    String jsonPath,
    String jqFilter,
    String event,
    String parameter,
    SuppliedValueFrom supplied,
    ConfigMapKeySelector configMapKeyRef,
    String expression,
    @JsonProperty("default") @JsonDeserialize(using = AnyStringDeserializer.class)
        String defaultValue) {

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ValueFrom} values; unset components stay null. */
  public static final class Builder {
    private String path;
    private String jsonPath;
    private String jqFilter;
    private String event;
    private String parameter;
    private SuppliedValueFrom supplied;
    private ConfigMapKeySelector configMapKeyRef;
    private String expression;
    private String defaultValue;

    private Builder() {}

    private Builder(ValueFrom source) {
      this.path = source.path;
      this.jsonPath = source.jsonPath;
      this.jqFilter = source.jqFilter;
      this.event = source.event;
      this.parameter = source.parameter;
      this.supplied = source.supplied;
      this.configMapKeyRef = source.configMapKeyRef;
      this.expression = source.expression;
      this.defaultValue = source.defaultValue;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder jsonPath(String jsonPath) {
      this.jsonPath = jsonPath;
      return this;
    }

    public Builder jqFilter(String jqFilter) {
      this.jqFilter = jqFilter;
      return this;
    }

    public Builder event(String event) {
      this.event = event;
      return this;
    }

    public Builder parameter(String parameter) {
      this.parameter = parameter;
      return this;
    }

    public Builder supplied(SuppliedValueFrom supplied) {
      this.supplied = supplied;
      return this;
    }

    public Builder configMapKeyRef(ConfigMapKeySelector configMapKeyRef) {
      this.configMapKeyRef = configMapKeyRef;
      return this;
    }

    public Builder expression(String expression) {
      this.expression = expression;
      return this;
    }

    public Builder defaultValue(String defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public ValueFrom build() {
      return new ValueFrom(
          path,
          jsonPath,
          jqFilter,
          event,
          parameter,
          supplied,
          configMapKeyRef,
          expression,
          defaultValue);
    }
  }
}
