package io.argo4j.runtime.kubernetes.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.model.io.ModelJson;
import io.argo4j.runtime.kubernetes.ClusterException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Moves model records through fabric8's generic resources as JSON: the model's Jackson mapper on
 * one side, the client's on the other.
 */
public final class ModelCodec {
  private final ObjectMapper model = ModelJson.newObjectMapper();
  private final KubernetesSerialization kube;

  public ModelCodec(KubernetesSerialization kube) {
    this.kube = kube;
  }

  public <T> T fromResource(GenericKubernetesResource resource, Class<T> type) {
    String json = kube.asJson(resource);
    try {
      return model.readValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String name =
          resource.getMetadata() == null
              ? "?"
              : resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
      throw new ClusterException.Unreadable(
          "cannot read " + type.getSimpleName() + " " + name + ": " + e.getMessage(), e);
    }
  }

  public GenericKubernetesResource toResource(Object value) {
    try {
      return kube.unmarshal(model.writeValueAsString(value), GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public String toJson(Object value) {
    try {
      return model.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
