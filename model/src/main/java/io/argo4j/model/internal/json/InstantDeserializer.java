package io.argo4j.model.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;

/** Reads an RFC 3339 timestamp into an {@link Instant}. */
public final class InstantDeserializer extends StdScalarDeserializer<Instant> {
  private static final long serialVersionUID = 1L;

  public InstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (Instant)
          ctxt.handleUnexpectedToken(
              Instant.class, p.currentToken(), p, "expected an RFC 3339 timestamp string");
    }
    String text = p.getText();
    Instant instant = Instants.parse(text);
    if (instant == null) {
      return (Instant)
          ctxt.handleWeirdStringValue(
              Instant.class, text, "expected an RFC 3339 timestamp such as 2024-05-01T10:00:00Z");
    }
    return instant;
  }
}
