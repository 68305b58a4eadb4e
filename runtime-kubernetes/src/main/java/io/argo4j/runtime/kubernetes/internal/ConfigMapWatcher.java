package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the controller's settings in step with its ConfigMap through a watch. A ConfigMap that
 * cannot be read is logged and ignored: the last valid settings stay in force, and the controller
 * never stops over it. A deleted ConfigMap means no settings ({@link ControllerSettings#none()}).
 * {@code instanceID} and {@code namespace} are start-up settings: later changes are logged and wait
 * for a restart.
 */
public final class ConfigMapWatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConfigMapWatcher.class.getName());

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final Set<String> warnedUnsupported = ConcurrentHashMap.newKeySet();
  private volatile ControllerSettings current = ControllerSettings.none();
  private volatile String lastError;
  private volatile long applied;
  private volatile Consumer<ControllerSettings> onChange = s -> {};
  private volatile SharedIndexInformer<ConfigMap> informer;

  public ConfigMapWatcher(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Starts the watch and returns once the ConfigMap (or its absence) has been read. */
  public void start(Duration timeout) {
    try {
      ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
      if (cm == null) {
        LOG.log(
            System.Logger.Level.INFO, "no ConfigMap " + where() + ": running with the defaults");
      }
      apply(cm == null || cm.getData() == null ? Map.of() : cm.getData(), true);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "cannot read ConfigMap " + where() + " (" + e + "); running with the defaults");
    }
    informer =
        client
            .configMaps()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap cm) {
                    changed(cm);
                  }

                  @Override
                  public void onUpdate(ConfigMap oldCm, ConfigMap cm) {
                    changed(cm);
                  }

                  @Override
                  public void onDelete(ConfigMap cm, boolean finalStateUnknown) {
                    if (ours(cm)) {
                      LOG.log(
                          System.Logger.Level.WARNING,
                          "ConfigMap " + where() + " was deleted: back to the defaults");
                      apply(Map.of(), false);
                    }
                  }
                },
                0);
    try {
      informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "cannot watch ConfigMap " + where() + " (" + e + "); running with the defaults");
    }
  }

  /** Called with the new settings after each accepted change (not for the first read). */
  public void onChange(Consumer<ControllerSettings> listener) {
    this.onChange = Objects.requireNonNull(listener);
  }

  /** The settings in force. */
  public ControllerSettings current() {
    return current;
  }

  /** Why the last version of the ConfigMap was rejected, or null if it was accepted. */
  public String lastError() {
    return lastError;
  }

  /** How many versions of the ConfigMap were accepted so far. */
  public long applied() {
    return applied;
  }

  private boolean ours(ConfigMap cm) {
    return cm != null && cm.getMetadata() != null && name.equals(cm.getMetadata().getName());
  }

  private void changed(ConfigMap cm) {
    if (ours(cm)) {
      apply(cm.getData() == null ? Map.of() : cm.getData(), false);
    }
  }

  private synchronized void apply(Map<String, String> data, boolean first) {
    ControllerSettingsParser.Parsed parsed;
    try {
      parsed = ControllerSettingsParser.parse(data);
    } catch (IllegalArgumentException e) {
      lastError = "ConfigMap " + where() + ": " + e.getMessage();
      LOG.log(
          System.Logger.Level.ERROR,
          lastError + "; the previous settings stay in force until it is fixed");
      return;
    } catch (RuntimeException e) {
      lastError = "ConfigMap " + where() + " could not be read: " + e;
      LOG.log(System.Logger.Level.ERROR, lastError + "; the previous settings stay in force", e);
      return;
    }
    for (String key : parsed.unsupportedKeys()) {
      if (warnedUnsupported.add(key)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "ConfigMap " + where() + ": key '" + key + "' is not supported by Argo4j yet; ignored");
      }
    }
    if (!parsed.unknownKeys().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ConfigMap " + where() + ": unknown keys ignored: " + parsed.unknownKeys());
    }
    ControllerSettings next = parsed.settings();
    if (!first) {
      ControllerSettings previous = current;
      if (!Objects.equals(next.instanceId(), previous.instanceId())
          || !Objects.equals(next.namespace(), previous.namespace())) {
        LOG.log(
            System.Logger.Level.WARNING,
            "ConfigMap " + where() + ": instanceID and namespace take effect after a restart");
        next = next.withStartupKeysOf(previous);
      }
    }
    current = next;
    lastError = null;
    applied++;
    LOG.log(System.Logger.Level.INFO, "ConfigMap " + where() + " applied");
    if (!first) {
      onChange.accept(next);
    }
  }

  private String where() {
    return namespace + "/" + name;
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
