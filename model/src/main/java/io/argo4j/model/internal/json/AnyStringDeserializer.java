package io.argo4j.model.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads Argo's AnyString: a string, or a number or boolean held as its text ({@code value: 5} means
 * "5"), formatted as Argo's Go code formats them.
 */
public final class AnyStringDeserializer extends StdScalarDeserializer<String> {
  private static final long serialVersionUID = 1L;

  public AnyStringDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      JsonNode node = p.readValueAsTree();
      String text = AnyStrings.text(node);
      if (text != null) {
        return text;
      }
    }
    return (String)
        ctxt.handleUnexpectedToken(
            String.class, t, p, "expected a string, number or boolean for an AnyString value");
  }
}
