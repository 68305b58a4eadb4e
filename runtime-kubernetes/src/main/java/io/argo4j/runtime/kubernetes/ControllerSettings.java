package io.argo4j.runtime.kubernetes;

import io.argo4j.model.Workflow;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of Argo's {@code workflow-controller-configmap} that Argo4j applies, as last read.
 * {@link #none()} is what an absent or empty ConfigMap means.
 *
 * @param parallelism most workflows running at once in the whole controller; 0 for no limit
 * @param namespaceParallelism most workflows running at once per namespace; 0 for no limit
 * @param podGcDeleteDelay podGC's default {@code deleteDelayDuration}; null for the controller's
 * @param podGcGracePeriod the grace period of pods deleted by podGC; null for none (0 s)
 * @param workflowDefaults merged under every workflow when it starts; null for none
 * @param executor template of the {@code init} and {@code wait} containers (image, resources, env,
 *     imagePullPolicy, securityContext); null for none
 * @param mainContainer defaults of every main container (resources, env, imagePullPolicy,
 *     securityContext); null for none
 * @param images the entrypoint and cmd of images, for containers that give no {@code command}
 * @param instanceId only workflows labelled {@link #LABEL_INSTANCE_ID} with this value are managed
 *     (and only unlabelled ones when null); read at start-up only
 * @param namespace the namespace to manage when {@code ARGO_NAMESPACE} is not set; read at start-up
 *     only
 */
public record ControllerSettings(
    int parallelism,
    int namespaceParallelism,
    Duration podGcDeleteDelay,
    Duration podGcGracePeriod,
    Workflow workflowDefaults,
    Container executor,
    Container mainContainer,
    Map<String, ImageCommand> images,
    String instanceId,
    String namespace) {

  /** The label that ties workflows and their pods to one controller instance. */
  public static final String LABEL_INSTANCE_ID = "workflows.argoproj.io/controller-instanceid";

  /** An image's ENTRYPOINT and CMD, as Argo's {@code images} key gives them. */
  public record ImageCommand(List<String> entrypoint, List<String> cmd) {
    public ImageCommand {
      entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
      cmd = cmd == null ? List.of() : List.copyOf(cmd);
    }
  }

  public ControllerSettings {
    if (parallelism < 0 || namespaceParallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative");
    }
    images = images == null ? Map.of() : Map.copyOf(images);
    instanceId = instanceId == null || instanceId.isEmpty() ? null : instanceId;
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  /** No ConfigMap: no limits, no defaults, the controller's own timings. */
  public static ControllerSettings none() {
    return new ControllerSettings(0, 0, null, null, null, null, null, Map.of(), null, null);
  }

  /** Whether the controller with these settings manages the object carrying {@code labels}. */
  public boolean manages(Map<String, String> labels) {
    String id = labels == null ? null : labels.get(LABEL_INSTANCE_ID);
    return instanceId == null ? id == null || id.isEmpty() : instanceId.equals(id);
  }

  /** These settings with the start-up-only keys of {@code previous}. */
  public ControllerSettings withStartupKeysOf(ControllerSettings previous) {
    return new ControllerSettings(
        parallelism,
        namespaceParallelism,
        podGcDeleteDelay,
        podGcGracePeriod,
        workflowDefaults,
        executor,
        mainContainer,
        images,
        previous.instanceId(),
        previous.namespace());
  }
}
