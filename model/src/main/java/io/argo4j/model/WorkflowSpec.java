package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.List;
import java.util.Map;

/** The spec shared by Workflow, WorkflowTemplate and ClusterWorkflowTemplate. */
public record WorkflowSpec(
    WorkflowTemplateRef workflowTemplateRef,
    String entrypoint,
    Arguments arguments,
    String onExit,
    Map<String, LifecycleHook> hooks,
    String serviceAccountName,
    Boolean automountServiceAccountToken,
    ExecutorConfig executor,
    Long parallelism,
    Long activeDeadlineSeconds,
    Boolean suspend,
    String shutdown,
    Integer priority,
    TTLStrategy ttlStrategy,
    PodGC podGC,
    RetryStrategy retryStrategy,
    Synchronization synchronization,
    ArtifactRepositoryRef artifactRepositoryRef,
    WorkflowLevelArtifactGC artifactGC,
    Boolean archiveLogs,
    VolumeClaimGC volumeClaimGC,
    WorkflowMetadata workflowMetadata,
    Metadata podMetadata,
    Map<String, String> nodeSelector,
    Affinity affinity,
    List<Toleration> tolerations,
    List<LocalObjectReference> imagePullSecrets,
    Boolean hostNetwork,
    String dnsPolicy,
    PodDNSConfig dnsConfig,
    List<HostAlias> hostAliases,
    PodSecurityContext securityContext,
    String schedulerName,
    String podPriorityClassName,
    String podSpecPatch,
    PodDisruptionBudgetSpec podDisruptionBudget,
    ResourceRequirements podResources,
    List<PodResourceClaim> resourceClaims,
    Metrics metrics,
    List<ExecutorPlugin> executorPlugins,
    List<Volume> volumes,
    List<PersistentVolumeClaim> volumeClaimTemplates,
    Template templateDefaults,
    List<Template> templates) {

  /** Copies collections so that the record stays immutable. */
  public WorkflowSpec {
    hooks = Immutables.map(hooks);
    nodeSelector = Immutables.map(nodeSelector);
    tolerations = Immutables.list(tolerations);
    imagePullSecrets = Immutables.list(imagePullSecrets);
    hostAliases = Immutables.list(hostAliases);
    resourceClaims = Immutables.list(resourceClaims);
    executorPlugins = Immutables.list(executorPlugins);
    volumes = Immutables.list(volumes);
    volumeClaimTemplates = Immutables.list(volumeClaimTemplates);
    templates = Immutables.list(templates);
  }

  /** The template with this name in {@link #templates()}, if any. */
  public java.util.Optional<Template> template(String name) {
    if (templates == null || name == null) {
      return java.util.Optional.empty();
    }
    return templates.stream().filter(t -> name.equals(t.name())).findFirst();
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link WorkflowSpec} values; unset components stay null. */
  public static final class Builder {
    private WorkflowTemplateRef workflowTemplateRef;
    private String entrypoint;
    private Arguments arguments;
    private String onExit;
    private Map<String, LifecycleHook> hooks;
    private String serviceAccountName;
    private Boolean automountServiceAccountToken;
    private ExecutorConfig executor;
    private Long parallelism;
    private Long activeDeadlineSeconds;
    private Boolean suspend;
    private String shutdown;
    private Integer priority;
    private TTLStrategy ttlStrategy;
    private PodGC podGC;
    private RetryStrategy retryStrategy;
    private Synchronization synchronization;
    private ArtifactRepositoryRef artifactRepositoryRef;
    private WorkflowLevelArtifactGC artifactGC;
    private Boolean archiveLogs;
    private VolumeClaimGC volumeClaimGC;
    private WorkflowMetadata workflowMetadata;
    private Metadata podMetadata;
    private Map<String, String> nodeSelector;
    private Affinity affinity;
    private List<Toleration> tolerations;
    private List<LocalObjectReference> imagePullSecrets;
    private Boolean hostNetwork;
    private String dnsPolicy;
    private PodDNSConfig dnsConfig;
    private List<HostAlias> hostAliases;
    private PodSecurityContext securityContext;
    private String schedulerName;
    private String podPriorityClassName;
    private String podSpecPatch;
    private PodDisruptionBudgetSpec podDisruptionBudget;
    private ResourceRequirements podResources;
    private List<PodResourceClaim> resourceClaims;
    private Metrics metrics;
    private List<ExecutorPlugin> executorPlugins;
    private List<Volume> volumes;
    private List<PersistentVolumeClaim> volumeClaimTemplates;
    private Template templateDefaults;
    private List<Template> templates;

    private Builder() {}

    private Builder(WorkflowSpec source) {
      this.workflowTemplateRef = source.workflowTemplateRef;
      this.entrypoint = source.entrypoint;
      this.arguments = source.arguments;
      this.onExit = source.onExit;
      this.hooks = source.hooks;
      this.serviceAccountName = source.serviceAccountName;
      this.automountServiceAccountToken = source.automountServiceAccountToken;
      this.executor = source.executor;
      this.parallelism = source.parallelism;
      this.activeDeadlineSeconds = source.activeDeadlineSeconds;
      this.suspend = source.suspend;
      this.shutdown = source.shutdown;
      this.priority = source.priority;
      this.ttlStrategy = source.ttlStrategy;
      this.podGC = source.podGC;
      this.retryStrategy = source.retryStrategy;
      this.synchronization = source.synchronization;
      this.artifactRepositoryRef = source.artifactRepositoryRef;
      this.artifactGC = source.artifactGC;
      this.archiveLogs = source.archiveLogs;
      this.volumeClaimGC = source.volumeClaimGC;
      this.workflowMetadata = source.workflowMetadata;
      this.podMetadata = source.podMetadata;
      this.nodeSelector = source.nodeSelector;
      this.affinity = source.affinity;
      this.tolerations = source.tolerations;
      this.imagePullSecrets = source.imagePullSecrets;
      this.hostNetwork = source.hostNetwork;
      this.dnsPolicy = source.dnsPolicy;
      this.dnsConfig = source.dnsConfig;
      this.hostAliases = source.hostAliases;
      this.securityContext = source.securityContext;
      this.schedulerName = source.schedulerName;
      this.podPriorityClassName = source.podPriorityClassName;
      this.podSpecPatch = source.podSpecPatch;
      this.podDisruptionBudget = source.podDisruptionBudget;
      this.podResources = source.podResources;
      this.resourceClaims = source.resourceClaims;
      this.metrics = source.metrics;
      this.executorPlugins = source.executorPlugins;
      this.volumes = source.volumes;
      this.volumeClaimTemplates = source.volumeClaimTemplates;
      this.templateDefaults = source.templateDefaults;
      this.templates = source.templates;
    }

    public Builder workflowTemplateRef(WorkflowTemplateRef workflowTemplateRef) {
      this.workflowTemplateRef = workflowTemplateRef;
      return this;
    }

    public Builder entrypoint(String entrypoint) {
      this.entrypoint = entrypoint;
      return this;
    }

    public Builder arguments(Arguments arguments) {
      this.arguments = arguments;
      return this;
    }

    public Builder onExit(String onExit) {
      this.onExit = onExit;
      return this;
    }

    public Builder hooks(Map<String, LifecycleHook> hooks) {
      this.hooks = hooks;
      return this;
    }

    public Builder serviceAccountName(String serviceAccountName) {
      this.serviceAccountName = serviceAccountName;
      return this;
    }

    public Builder automountServiceAccountToken(Boolean automountServiceAccountToken) {
      this.automountServiceAccountToken = automountServiceAccountToken;
      return this;
    }

    public Builder executor(ExecutorConfig executor) {
      this.executor = executor;
      return this;
    }

    public Builder parallelism(Long parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    public Builder activeDeadlineSeconds(Long activeDeadlineSeconds) {
      this.activeDeadlineSeconds = activeDeadlineSeconds;
      return this;
    }

    public Builder suspend(Boolean suspend) {
      this.suspend = suspend;
      return this;
    }

    public Builder shutdown(String shutdown) {
      this.shutdown = shutdown;
      return this;
    }

    public Builder priority(Integer priority) {
      this.priority = priority;
      return this;
    }

    public Builder ttlStrategy(TTLStrategy ttlStrategy) {
      this.ttlStrategy = ttlStrategy;
      return this;
    }

    public Builder podGC(PodGC podGC) {
      this.podGC = podGC;
      return this;
    }

    public Builder retryStrategy(RetryStrategy retryStrategy) {
      this.retryStrategy = retryStrategy;
      return this;
    }

    public Builder synchronization(Synchronization synchronization) {
      this.synchronization = synchronization;
      return this;
    }

    public Builder artifactRepositoryRef(ArtifactRepositoryRef artifactRepositoryRef) {
      this.artifactRepositoryRef = artifactRepositoryRef;
      return this;
    }

    public Builder artifactGC(WorkflowLevelArtifactGC artifactGC) {
      this.artifactGC = artifactGC;
      return this;
    }

    public Builder archiveLogs(Boolean archiveLogs) {
      this.archiveLogs = archiveLogs;
      return this;
    }

    public Builder volumeClaimGC(VolumeClaimGC volumeClaimGC) {
      this.volumeClaimGC = volumeClaimGC;
      return this;
    }

    public Builder workflowMetadata(WorkflowMetadata workflowMetadata) {
      this.workflowMetadata = workflowMetadata;
      return this;
    }

    public Builder podMetadata(Metadata podMetadata) {
      this.podMetadata = podMetadata;
      return this;
    }

    public Builder nodeSelector(Map<String, String> nodeSelector) {
      this.nodeSelector = nodeSelector;
      return this;
    }

    public Builder affinity(Affinity affinity) {
      this.affinity = affinity;
      return this;
    }

    public Builder tolerations(List<Toleration> tolerations) {
      this.tolerations = tolerations;
      return this;
    }

    public Builder imagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
      this.imagePullSecrets = imagePullSecrets;
      return this;
    }

    public Builder hostNetwork(Boolean hostNetwork) {
      this.hostNetwork = hostNetwork;
      return this;
    }

    public Builder dnsPolicy(String dnsPolicy) {
      this.dnsPolicy = dnsPolicy;
      return this;
    }

    public Builder dnsConfig(PodDNSConfig dnsConfig) {
      this.dnsConfig = dnsConfig;
      return this;
    }

    public Builder hostAliases(List<HostAlias> hostAliases) {
      this.hostAliases = hostAliases;
      return this;
    }

    public Builder securityContext(PodSecurityContext securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    public Builder schedulerName(String schedulerName) {
      this.schedulerName = schedulerName;
      return this;
    }

    public Builder podPriorityClassName(String podPriorityClassName) {
      this.podPriorityClassName = podPriorityClassName;
      return this;
    }

    public Builder podSpecPatch(String podSpecPatch) {
      this.podSpecPatch = podSpecPatch;
      return this;
    }

    public Builder podDisruptionBudget(PodDisruptionBudgetSpec podDisruptionBudget) {
      this.podDisruptionBudget = podDisruptionBudget;
      return this;
    }

    public Builder podResources(ResourceRequirements podResources) {
      this.podResources = podResources;
      return this;
    }

    public Builder resourceClaims(List<PodResourceClaim> resourceClaims) {
      this.resourceClaims = resourceClaims;
      return this;
    }

    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder executorPlugins(List<ExecutorPlugin> executorPlugins) {
      this.executorPlugins = executorPlugins;
      return this;
    }

    public Builder volumes(List<Volume> volumes) {
      this.volumes = volumes;
      return this;
    }

    public Builder volumeClaimTemplates(List<PersistentVolumeClaim> volumeClaimTemplates) {
      this.volumeClaimTemplates = volumeClaimTemplates;
      return this;
    }

    public Builder templateDefaults(Template templateDefaults) {
      this.templateDefaults = templateDefaults;
      return this;
    }

    public Builder templates(List<Template> templates) {
      this.templates = templates;
      return this;
    }

    public WorkflowSpec build() {
      return new WorkflowSpec(
          workflowTemplateRef,
          entrypoint,
          arguments,
          onExit,
          hooks,
          serviceAccountName,
          automountServiceAccountToken,
          executor,
          parallelism,
          activeDeadlineSeconds,
          suspend,
          shutdown,
          priority,
          ttlStrategy,
          podGC,
          retryStrategy,
          synchronization,
          artifactRepositoryRef,
          artifactGC,
          archiveLogs,
          volumeClaimGC,
          workflowMetadata,
          podMetadata,
          nodeSelector,
          affinity,
          tolerations,
          imagePullSecrets,
          hostNetwork,
          dnsPolicy,
          dnsConfig,
          hostAliases,
          securityContext,
          schedulerName,
          podPriorityClassName,
          podSpecPatch,
          podDisruptionBudget,
          podResources,
          resourceClaims,
          metrics,
          executorPlugins,
          volumes,
          volumeClaimTemplates,
          templateDefaults,
          templates);
    }
  }
}
