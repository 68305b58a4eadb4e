package io.argo4j.model.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as Kubernetes does: {@code 2024-05-01T10:00:00Z}. */
public final class InstantSerializer extends StdSerializer<Instant> {
  private static final long serialVersionUID = 1L;

  public InstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(Instants.format(value));
  }
}
