package io.argo4j.runtime.kubernetes.internal;

import io.argo4j.engine.Action.StartPod;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.model.Artifact;
import io.argo4j.model.ContainerNode;
import io.argo4j.model.Metadata;
import io.argo4j.model.Template;
import io.argo4j.model.UserContainer;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowSpec;
import io.argo4j.runtime.kubernetes.ControllerSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the pod of a {@link StartPod} in Argo's layout: an {@code init} container that places the
 * executor in a shared volume, the user's {@code main} container started through that executor (so
 * any image works), and the {@code wait} sidecar that reports the outputs as a WorkflowTaskResult.
 * The executor learns about stop requests from the pod's annotations, mounted through the downward
 * API: no pods/exec is ever needed.
 */
public final class PodFactory {

  // Paths and names shared with argo4j-exec, which runs in these pods: see PodLayout.
  private static final String VAR_RUN = PodLayout.VAR_RUN;
  private static final String EXECUTOR_BINARY = PodLayout.EXECUTOR_BINARY;
  private static final String POD_METADATA = PodLayout.POD_METADATA;

  private final String executorImage;
  private final String finalizer;
  private final Duration terminationGracePeriod;
  private final ModelCodec codec;
  private final KubernetesSerialization kube;
  private final Supplier<ControllerSettings> settings;

  public PodFactory(
      String executorImage,
      String finalizer,
      Duration terminationGracePeriod,
      ModelCodec codec,
      KubernetesSerialization kube) {
    this(executorImage, finalizer, terminationGracePeriod, codec, kube, ControllerSettings::none);
  }

  /**
   * @param settings the ConfigMap's settings in force: executor and main container templates, image
   *     entrypoints, instance id
   */
  public PodFactory(
      String executorImage,
      String finalizer,
      Duration terminationGracePeriod,
      ModelCodec codec,
      KubernetesSerialization kube,
      Supplier<ControllerSettings> settings) {
    this.executorImage = executorImage;
    this.finalizer = finalizer;
    this.terminationGracePeriod = terminationGracePeriod;
    this.codec = codec;
    this.kube = kube;
    this.settings = settings;
  }

  public Pod build(Workflow wf, StartPod start) {
    ControllerSettings config = settings.get();
    Template t = start.template();
    WorkflowSpec spec = wf.spec();
    String wfName = wf.metadata().getName();

    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    addMetadata(spec == null ? null : spec.podMetadata(), labels, annotations);
    addMetadata(t.metadata(), labels, annotations);
    labels.put(ArgoNames.LABEL_WORKFLOW, wfName);
    labels.put(ArgoNames.LABEL_COMPLETED, "false");
    if (config.instanceId() != null) {
      labels.put(ControllerSettings.LABEL_INSTANCE_ID, config.instanceId());
    }
    if (start.onExitPod()) {
      labels.put(ArgoNames.LABEL_ON_EXIT, "true");
    }
    annotations.put(ArgoNames.ANNOTATION_NODE_ID, start.nodeId());
    annotations.put(ArgoNames.ANNOTATION_NODE_NAME, start.nodeName());

    List<EnvVar> executorEnv = executorEnv(wf, start);
    List<Container> mains = mainContainers(t, config);
    List<Container> containers = new ArrayList<>();
    containers.add(executorContainer("wait", executorEnv, config));
    List<VolumeMount> inputMounts = inputArtifactMounts(t);
    for (Container main : mains) {
      containers.add(
          wrapped(withDefaults(main, config.mainContainer()), executorEnv, config, inputMounts));
    }
    for (UserContainer sidecar : orEmpty(t.sidecars())) {
      containers.add(sidecar.toContainer());
    }
    List<Container> initContainers = new ArrayList<>();
    initContainers.add(executorContainer("init", executorEnv, config));
    for (UserContainer c : orEmpty(t.initContainers())) {
      initContainers.add(c.toContainer());
    }

    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder().withName("var-run-argo4j").withNewEmptyDir().endEmptyDir().build());
    volumes.add(
        new VolumeBuilder()
            .withName("podmetadata")
            .withNewDownwardAPI()
            .addNewItem()
            .withPath("annotations")
            .withNewFieldRef()
            .withFieldPath("metadata.annotations")
            .endFieldRef()
            .endItem()
            .endDownwardAPI()
            .build());
    if (spec != null && spec.volumes() != null) {
      volumes.addAll(spec.volumes());
    }
    volumes.addAll(orEmpty(t.volumes()));

    PodSpec podSpec = new PodSpec();
    podSpec.setRestartPolicy("Never");
    podSpec.setInitContainers(initContainers);
    podSpec.setContainers(containers);
    podSpec.setVolumes(volumes);
    podSpec.setTerminationGracePeriodSeconds(terminationGracePeriod.toSeconds());
    podSpec.setServiceAccountName(
        first(t.serviceAccountName(), spec == null ? null : spec.serviceAccountName()));
    podSpec.setNodeSelector(
        t.nodeSelector() != null && !t.nodeSelector().isEmpty()
            ? t.nodeSelector()
            : spec == null ? null : spec.nodeSelector());
    podSpec.setTolerations(
        t.tolerations() != null && !t.tolerations().isEmpty()
            ? t.tolerations()
            : spec == null ? null : spec.tolerations());
    podSpec.setAffinity(
        t.affinity() != null ? t.affinity() : spec == null ? null : spec.affinity());
    podSpec.setSecurityContext(
        t.securityContext() != null
            ? t.securityContext()
            : spec == null ? null : spec.securityContext());
    podSpec.setSchedulerName(first(t.schedulerName(), spec == null ? null : spec.schedulerName()));
    podSpec.setPriorityClassName(
        first(t.priorityClassName(), spec == null ? null : spec.podPriorityClassName()));
    if (spec != null && spec.imagePullSecrets() != null) {
      podSpec.setImagePullSecrets(spec.imagePullSecrets());
    }

    return new PodBuilder()
        .withNewMetadata()
        .withName(start.podName())
        .withNamespace(wf.metadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(annotations)
        .withFinalizers(finalizer == null ? List.of() : List.of(finalizer))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(ArgoNames.API_VERSION)
                .withKind("Workflow")
                .withName(wfName)
                .withUid(wf.metadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withSpec(podSpec)
        .build();
  }

  /** The init or wait container, from the ConfigMap's {@code executor} template if any. */
  private Container executorContainer(
      String name, List<EnvVar> executorEnv, ControllerSettings config) {
    Container template = config.executor();
    List<EnvVar> env = new ArrayList<>();
    if (template != null && template.getEnv() != null) {
      env.addAll(template.getEnv());
    }
    env.addAll(withContainerName(executorEnv, name));
    ContainerBuilder b =
        new ContainerBuilder()
            .withName(name)
            .withImage(executorImage(config))
            .withCommand(EXECUTOR_BINARY)
            .withArgs(name)
            .withEnv(env)
            .withVolumeMounts(podMetadataMount(), varRunMount());
    if (template != null) {
      b.withImagePullPolicy(template.getImagePullPolicy())
          .withResources(template.getResources())
          .withSecurityContext(template.getSecurityContext());
    }
    return b.build();
  }

  private String executorImage(ControllerSettings config) {
    Container template = config.executor();
    return template != null && template.getImage() != null && !template.getImage().isEmpty()
        ? template.getImage()
        : executorImage;
  }

  /** The ConfigMap's {@code mainContainer} under the user's container: the user's values win. */
  private Container withDefaults(Container main, Container defaults) {
    if (defaults == null) {
      return main;
    }
    Container c = kube.clone(main);
    if (c.getImagePullPolicy() == null) {
      c.setImagePullPolicy(defaults.getImagePullPolicy());
    }
    if (c.getResources() == null
        || (isEmpty(c.getResources().getLimits()) && isEmpty(c.getResources().getRequests()))) {
      c.setResources(defaults.getResources());
    }
    if (c.getSecurityContext() == null) {
      c.setSecurityContext(defaults.getSecurityContext());
    }
    if (defaults.getEnv() != null && !defaults.getEnv().isEmpty()) {
      List<EnvVar> env = new ArrayList<>();
      java.util.Set<String> own = new java.util.HashSet<>();
      if (c.getEnv() != null) {
        c.getEnv().forEach(e -> own.add(e.getName()));
      }
      defaults.getEnv().stream().filter(e -> !own.contains(e.getName())).forEach(env::add);
      if (c.getEnv() != null) {
        env.addAll(c.getEnv());
      }
      c.setEnv(env);
    }
    return c;
  }

  private static boolean isEmpty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  private List<Container> mainContainers(Template t, ControllerSettings config) {
    if (t.container() != null) {
      Container c = copy(t.container());
      c.setName("main");
      return List.of(c);
    }
    if (t.script() != null) {
      Container c = fromModel(t.script(), "source");
      c.setName("main");
      // the init container places the source there; Argo runs `command args... <source file>`
      List<String> args = new ArrayList<>(orEmpty(c.getArgs()));
      args.add(PodLayout.script(VAR_RUN));
      c.setArgs(args);
      return List.of(c);
    }
    if (t.containerSet() != null) {
      List<Container> out = new ArrayList<>();
      for (ContainerNode node : orEmpty(t.containerSet().containers())) {
        Container c = fromModel(node, "dependencies");
        if (t.containerSet().volumeMounts() != null) {
          List<VolumeMount> mounts = new ArrayList<>(t.containerSet().volumeMounts());
          if (c.getVolumeMounts() != null) {
            mounts.addAll(c.getVolumeMounts());
          }
          c.setVolumeMounts(mounts);
        }
        out.add(c);
      }
      return out;
    }
    if (t.resource() != null || t.data() != null) {
      // the executor itself does the work of resource and data templates
      return List.of(
          new ContainerBuilder()
              .withName("main")
              .withImage(executorImage(config))
              .withCommand(EXECUTOR_BINARY)
              .withArgs(t.resource() != null ? "resource" : "data")
              .build());
    }
    throw new IllegalArgumentException(
        "template " + t.name() + " has no container, script, containerSet, resource or data");
  }

  private Container copy(Container c) {
    return kube.clone(c);
  }

  private Container fromModel(Object value, String extraField) {
    Container c = kube.unmarshal(codec.toJson(value), Container.class);
    c.getAdditionalProperties().remove(extraField);
    return c;
  }

  /** The main container, started through the wrapper so that its end and outputs are recorded. */
  private Container wrapped(
      Container main,
      List<EnvVar> executorEnv,
      ControllerSettings config,
      List<VolumeMount> inputMounts) {
    List<String> args = main.getArgs();
    List<String> userCommand = main.getCommand();
    ControllerSettings.ImageCommand image = config.images().get(main.getImage());
    if ((userCommand == null || userCommand.isEmpty()) && image != null) {
      // the image's ENTRYPOINT runs with the container's args, or else with the image's CMD
      List<String> resolved = new ArrayList<>(image.entrypoint());
      List<String> rest = args != null && !args.isEmpty() ? args : image.cmd();
      if (resolved.isEmpty()) {
        resolved.addAll(rest);
        args = null;
      } else {
        args = rest.isEmpty() ? null : rest;
      }
      userCommand = resolved.isEmpty() ? null : resolved;
    }
    boolean hasCommand = userCommand != null && !userCommand.isEmpty();
    List<String> command =
        hasCommand ? PodLayout.mainCommand(VAR_RUN, main.getWorkingDir(), userCommand) : null;
    List<EnvVar> env = new ArrayList<>();
    if (main.getEnv() != null) {
      env.addAll(main.getEnv());
    }
    env.addAll(withContainerName(executorEnv, main.getName()));
    List<VolumeMount> mounts = new ArrayList<>();
    if (main.getVolumeMounts() != null) {
      mounts.addAll(main.getVolumeMounts());
    }
    mounts.add(varRunMount());
    mounts.add(podMetadataMount());
    mounts.addAll(inputMounts);
    return new ContainerBuilder(main)
        .withCommand(hasCommand ? command : null)
        .withArgs(args)
        .withEnv(env)
        .withVolumeMounts(mounts)
        .build();
  }

  /** Raw input artifacts: files init placed in the shared volume, mounted at their paths. */
  private static List<VolumeMount> inputArtifactMounts(Template t) {
    List<VolumeMount> out = new ArrayList<>();
    if (t.inputs() == null) {
      return out;
    }
    for (Artifact a : orEmpty(t.inputs().artifacts())) {
      if (a.raw() != null && a.path() != null && !a.path().isBlank()) {
        out.add(
            new VolumeMountBuilder()
                .withName("var-run-argo4j")
                .withMountPath(a.path())
                .withSubPath(PodLayout.inputArtifactSubPath(a.path()))
                .build());
      }
    }
    return out;
  }

  private List<EnvVar> executorEnv(Workflow wf, StartPod start) {
    List<EnvVar> env = new ArrayList<>();
    env.add(
        new EnvVarBuilder()
            .withName("ARGO_POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    env.add(fieldRef(PodLayout.ENV_POD_UID, "metadata.uid"));
    env.add(fieldRef(PodLayout.ENV_POD_NAMESPACE, "metadata.namespace"));
    env.add(new EnvVar("ARGO_WORKFLOW_NAME", wf.metadata().getName(), null));
    env.add(new EnvVar("ARGO_WORKFLOW_UID", wf.metadata().getUid(), null));
    env.add(new EnvVar("ARGO_NODE_ID", start.nodeId(), null));
    env.add(new EnvVar("ARGO_TEMPLATE", codec.toJson(start.template()), null));
    env.add(
        new EnvVar("ARGO_INCLUDE_SCRIPT_OUTPUT", Boolean.toString(start.captureResult()), null));
    if (start.deadline() != null) {
      env.add(new EnvVar("ARGO_DEADLINE", start.deadline().toString(), null));
    }
    return env;
  }

  private static EnvVar fieldRef(String name, String fieldPath) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(fieldPath)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static List<EnvVar> withContainerName(List<EnvVar> env, String name) {
    List<EnvVar> out = new ArrayList<>(env);
    out.add(new EnvVar("ARGO_CONTAINER_NAME", name, null));
    return out;
  }

  private static VolumeMount varRunMount() {
    return new VolumeMountBuilder().withName("var-run-argo4j").withMountPath(VAR_RUN).build();
  }

  private static VolumeMount podMetadataMount() {
    return new VolumeMountBuilder().withName("podmetadata").withMountPath(POD_METADATA).build();
  }

  private static void addMetadata(
      Metadata m, Map<String, String> labels, Map<String, String> annotations) {
    if (m == null) {
      return;
    }
    if (m.labels() != null) {
      labels.putAll(m.labels());
    }
    if (m.annotations() != null) {
      annotations.putAll(m.annotations());
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String first(String a, String b) {
    return a != null && !a.isEmpty() ? a : b;
  }
}
