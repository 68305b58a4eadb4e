package io.argo4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;

/**
 * A reusable unit of work: exactly one of container, script, resource, dag, steps, suspend, data,
 * http, plugin or containerSet says what it does.
 */
public record Template(
    String name,
    Inputs inputs,
    Outputs outputs,
    Metadata metadata,
    Container container,
    ScriptTemplate script,
    ResourceTemplate resource,
    DAGTemplate dag,
    List<List<WorkflowStep>> steps,
    SuspendTemplate suspend,
    Data data,
    HTTP http,
    JsonNode plugin,
    ContainerSetTemplate containerSet,
    Boolean daemon,
    Long parallelism,
    Boolean failFast,
    IntOrString activeDeadlineSeconds,
    String timeout,
    String pendingTimeout,
    RetryStrategy retryStrategy,
    Memoize memoize,
    Synchronization synchronization,
    Metrics metrics,
    ArtifactLocation archiveLocation,
    ExecutorConfig executor,
    String serviceAccountName,
    Boolean automountServiceAccountToken,
    Map<String, String> nodeSelector,
    Affinity affinity,
    List<Toleration> tolerations,
    String schedulerName,
    String priorityClassName,
    PodSecurityContext securityContext,
    List<HostAlias> hostAliases,
    String podSpecPatch,
    ResourceRequirements podResources,
    List<PodResourceClaim> resourceClaims,
    Map<String, String> annotations,
    List<Volume> volumes,
    List<UserContainer> initContainers,
    List<UserContainer> sidecars) {

  /** Copies collections so that the record stays immutable. */
  public Template {
    steps = Immutables.nestedList(steps);
    plugin = Immutables.json(plugin);
    nodeSelector = Immutables.map(nodeSelector);
    tolerations = Immutables.list(tolerations);
    hostAliases = Immutables.list(hostAliases);
    resourceClaims = Immutables.list(resourceClaims);
    annotations = Immutables.map(annotations);
    volumes = Immutables.list(volumes);
    initContainers = Immutables.list(initContainers);
    sidecars = Immutables.list(sidecars);
  }

  /**
   * The kind of this template, if exactly one of the type fields (container, script, resource, dag,
   * steps, suspend, data, http, plugin, containerSet) is set; empty when none or several are.
   */
  public java.util.Optional<TemplateType> type() {
    java.util.Set<TemplateType> types = declaredTypes();
    return types.size() == 1
        ? java.util.Optional.of(types.iterator().next())
        : java.util.Optional.empty();
  }

  /** Every template type whose field is set, in declaration order of {@link TemplateType}. */
  public java.util.Set<TemplateType> declaredTypes() {
    java.util.EnumSet<TemplateType> types = java.util.EnumSet.noneOf(TemplateType.class);
    if (container != null) types.add(TemplateType.CONTAINER);
    if (script != null) types.add(TemplateType.SCRIPT);
    if (resource != null) types.add(TemplateType.RESOURCE);
    if (dag != null) types.add(TemplateType.DAG);
    if (steps != null) types.add(TemplateType.STEPS);
    if (suspend != null) types.add(TemplateType.SUSPEND);
    if (data != null) types.add(TemplateType.DATA);
    if (http != null) types.add(TemplateType.HTTP);
    if (plugin != null) types.add(TemplateType.PLUGIN);
    if (containerSet != null) types.add(TemplateType.CONTAINER_SET);
    return java.util.Collections.unmodifiableSet(types);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Template} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private Inputs inputs;
    private Outputs outputs;
    private Metadata metadata;
    private Container container;
    private ScriptTemplate script;
    private ResourceTemplate resource;
    private DAGTemplate dag;
    private List<List<WorkflowStep>> steps;
    private SuspendTemplate suspend;
    private Data data;
    private HTTP http;
    private JsonNode plugin;
    private ContainerSetTemplate containerSet;
    private Boolean daemon;
    private Long parallelism;
    private Boolean failFast;
    private IntOrString activeDeadlineSeconds;
    private String timeout;
    private String pendingTimeout;
    private RetryStrategy retryStrategy;
    private Memoize memoize;
    private Synchronization synchronization;
    private Metrics metrics;
    private ArtifactLocation archiveLocation;
    private ExecutorConfig executor;
    private String serviceAccountName;
    private Boolean automountServiceAccountToken;
    private Map<String, String> nodeSelector;
    private Affinity affinity;
    private List<Toleration> tolerations;
    private String schedulerName;
    private String priorityClassName;
    private PodSecurityContext securityContext;
    private List<HostAlias> hostAliases;
    private String podSpecPatch;
    private ResourceRequirements podResources;
    private List<PodResourceClaim> resourceClaims;
    private Map<String, String> annotations;
    private List<Volume> volumes;
    private List<UserContainer> initContainers;
    private List<UserContainer> sidecars;

    private Builder() {}

    private Builder(Template source) {
      this.name = source.name;
      this.inputs = source.inputs;
      this.outputs = source.outputs;
      this.metadata = source.metadata;
      this.container = source.container;
      this.script = source.script;
      this.resource = source.resource;
      this.dag = source.dag;
      this.steps = source.steps;
      this.suspend = source.suspend;
      this.data = source.data;
      this.http = source.http;
      this.plugin = source.plugin;
      this.containerSet = source.containerSet;
      this.daemon = source.daemon;
      this.parallelism = source.parallelism;
      this.failFast = source.failFast;
      this.activeDeadlineSeconds = source.activeDeadlineSeconds;
      this.timeout = source.timeout;
      this.pendingTimeout = source.pendingTimeout;
      this.retryStrategy = source.retryStrategy;
      this.memoize = source.memoize;
      this.synchronization = source.synchronization;
      this.metrics = source.metrics;
      this.archiveLocation = source.archiveLocation;
      this.executor = source.executor;
      this.serviceAccountName = source.serviceAccountName;
      this.automountServiceAccountToken = source.automountServiceAccountToken;
      this.nodeSelector = source.nodeSelector;
      this.affinity = source.affinity;
      this.tolerations = source.tolerations;
      this.schedulerName = source.schedulerName;
      this.priorityClassName = source.priorityClassName;
      this.securityContext = source.securityContext;
      this.hostAliases = source.hostAliases;
      this.podSpecPatch = source.podSpecPatch;
      this.podResources = source.podResources;
      this.resourceClaims = source.resourceClaims;
      this.annotations = source.annotations;
      this.volumes = source.volumes;
      this.initContainers = source.initContainers;
      this.sidecars = source.sidecars;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder inputs(Inputs inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder outputs(Outputs outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder metadata(Metadata metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder container(Container container) {
      this.container = container;
      return this;
    }

    public Builder script(ScriptTemplate script) {
      this.script = script;
      return this;
    }

    public Builder resource(ResourceTemplate resource) {
      this.resource = resource;
      return this;
    }

    public Builder dag(DAGTemplate dag) {
      this.dag = dag;
      return this;
    }

    public Builder steps(List<List<WorkflowStep>> steps) {
      this.steps = steps;
      return this;
    }

    public Builder suspend(SuspendTemplate suspend) {
      this.suspend = suspend;
      return this;
    }

    public Builder data(Data data) {
      this.data = data;
      return this;
    }

    public Builder http(HTTP http) {
      this.http = http;
      return this;
    }

    public Builder plugin(JsonNode plugin) {
      this.plugin = plugin;
      return this;
    }

    public Builder containerSet(ContainerSetTemplate containerSet) {
      this.containerSet = containerSet;
      return this;
    }

    public Builder daemon(Boolean daemon) {
      this.daemon = daemon;
      return this;
    }

    public Builder parallelism(Long parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    public Builder failFast(Boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    public Builder activeDeadlineSeconds(IntOrString activeDeadlineSeconds) {
      this.activeDeadlineSeconds = activeDeadlineSeconds;
      return this;
    }

    public Builder timeout(String timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder pendingTimeout(String pendingTimeout) {
      this.pendingTimeout = pendingTimeout;
      return this;
    }

    public Builder retryStrategy(RetryStrategy retryStrategy) {
      this.retryStrategy = retryStrategy;
      return this;
    }

    public Builder memoize(Memoize memoize) {
      this.memoize = memoize;
      return this;
    }

    public Builder synchronization(Synchronization synchronization) {
      this.synchronization = synchronization;
      return this;
    }

    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder archiveLocation(ArtifactLocation archiveLocation) {
      this.archiveLocation = archiveLocation;
      return this;
    }

    public Builder executor(ExecutorConfig executor) {
      this.executor = executor;
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

    public Builder schedulerName(String schedulerName) {
      this.schedulerName = schedulerName;
      return this;
    }

    public Builder priorityClassName(String priorityClassName) {
      this.priorityClassName = priorityClassName;
      return this;
    }

    public Builder securityContext(PodSecurityContext securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    public Builder hostAliases(List<HostAlias> hostAliases) {
      this.hostAliases = hostAliases;
      return this;
    }

    public Builder podSpecPatch(String podSpecPatch) {
      this.podSpecPatch = podSpecPatch;
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

    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    public Builder volumes(List<Volume> volumes) {
      this.volumes = volumes;
      return this;
    }

    public Builder initContainers(List<UserContainer> initContainers) {
      this.initContainers = initContainers;
      return this;
    }

    public Builder sidecars(List<UserContainer> sidecars) {
      this.sidecars = sidecars;
      return this;
    }

    public Template build() {
      return new Template(
          name,
          inputs,
          outputs,
          metadata,
          container,
          script,
          resource,
          dag,
          steps,
          suspend,
          data,
          http,
          plugin,
          containerSet,
          daemon,
          parallelism,
          failFast,
          activeDeadlineSeconds,
          timeout,
          pendingTimeout,
          retryStrategy,
          memoize,
          synchronization,
          metrics,
          archiveLocation,
          executor,
          serviceAccountName,
          automountServiceAccountToken,
          nodeSelector,
          affinity,
          tolerations,
          schedulerName,
          priorityClassName,
          securityContext,
          hostAliases,
          podSpecPatch,
          podResources,
          resourceClaims,
          annotations,
          volumes,
          initContainers,
          sidecars);
    }
  }
}
