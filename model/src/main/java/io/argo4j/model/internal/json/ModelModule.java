package io.argo4j.model.internal.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.time.Instant;

/** The Jackson setup of the model: timestamps and fabric8 adjustments. */
public final class ModelModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public ModelModule() {
    super("argo4j-model");
    addSerializer(Instant.class, new InstantSerializer());
    addDeserializer(Instant.class, new InstantDeserializer());
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            if (description.getBeanClass() == PersistentVolumeClaim.class) {
              return new PvcDeserializer(deserializer);
            }
            return deserializer;
          }
        });
  }
}
