package io.argo4j.model.internal.check;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the fabric8 class of a Kubernetes kind on the class path (core/v1 and policy/v1 here), so
 * that other kinds found in manifests can be checked strictly too.
 */
public final class KubernetesKinds {
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
  private static final Pattern VERSION = Pattern.compile("v[0-9]+((alpha|beta)[0-9]+)?");
  private static final Map<String, Optional<Class<? extends HasMetadata>>> CACHE =
      new ConcurrentHashMap<>();

  private KubernetesKinds() {}

  /** The fabric8 class of {@code apiVersion}/{@code kind}, if it is known. */
  public static Optional<Class<? extends HasMetadata>> find(String apiVersion, String kind) {
    return CACHE.computeIfAbsent(apiVersion + " " + kind, k -> lookup(apiVersion, kind));
  }

  private static Optional<Class<? extends HasMetadata>> lookup(String apiVersion, String kind) {
    if (!KIND.matcher(kind).matches()) {
      return Optional.empty();
    }
    String pkg;
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      if (!apiVersion.equals("v1")) {
        return Optional.empty();
      }
      pkg = "io.fabric8.kubernetes.api.model.";
    } else {
      String group = apiVersion.substring(0, slash);
      String version = apiVersion.substring(slash + 1);
      if (!group.equals("policy") || !VERSION.matcher(version).matches()) {
        return Optional.empty();
      }
      pkg = "io.fabric8.kubernetes.api.model.policy." + version + ".";
    }
    try {
      Class<?> type = Class.forName(pkg + kind, false, KubernetesKinds.class.getClassLoader());
      if (!HasMetadata.class.isAssignableFrom(type)
          || Modifier.isAbstract(type.getModifiers())
          || type.isInterface()) {
        return Optional.empty();
      }
      Class<? extends HasMetadata> resource = type.asSubclass(HasMetadata.class);
      if (!apiVersion.equals(HasMetadata.getApiVersion(resource))
          || !kind.equals(HasMetadata.getKind(resource))) {
        return Optional.empty();
      }
      return Optional.of(resource);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
