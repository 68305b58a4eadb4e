package io.argo4j.model;

import io.argo4j.model.internal.Immutables;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerResizePolicy;
import io.fabric8.kubernetes.api.model.ContainerRestartRule;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeDevice;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/** A container that runs {@code source} as a script; the container fields are inline. */
public record ScriptTemplate(
    String name,
    String image,
    List<String> command,
    List<String> args,
    String source,
    String workingDir,
    List<ContainerPort> ports,
    List<EnvFromSource> envFrom,
    List<EnvVar> env,
    ResourceRequirements resources,
    List<ContainerResizePolicy> resizePolicy,
    String restartPolicy,
    List<ContainerRestartRule> restartPolicyRules,
    List<VolumeMount> volumeMounts,
    List<VolumeDevice> volumeDevices,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    Lifecycle lifecycle,
    String terminationMessagePath,
    String terminationMessagePolicy,
    String imagePullPolicy,
    SecurityContext securityContext,
    Boolean stdin,
    Boolean stdinOnce,
    Boolean tty) {

  /** Copies collections so that the record stays immutable. */
  public ScriptTemplate {
    command = Immutables.list(command);
    args = Immutables.list(args);
    ports = Immutables.list(ports);
    envFrom = Immutables.list(envFrom);
    env = Immutables.list(env);
    resizePolicy = Immutables.list(resizePolicy);
    restartPolicyRules = Immutables.list(restartPolicyRules);
    volumeMounts = Immutables.list(volumeMounts);
    volumeDevices = Immutables.list(volumeDevices);
  }

  /**
   * The container fields of this ScriptTemplate as a new, mutable fabric8 {@link
   * io.fabric8.kubernetes.api.model.Container}.
   */
  public io.fabric8.kubernetes.api.model.Container toContainer() {
    var c = new io.fabric8.kubernetes.api.model.Container();
    c.setName(name);
    c.setImage(image);
    c.setCommand(Immutables.mutableList(command));
    c.setArgs(Immutables.mutableList(args));
    c.setWorkingDir(workingDir);
    c.setPorts(Immutables.mutableList(ports));
    c.setEnvFrom(Immutables.mutableList(envFrom));
    c.setEnv(Immutables.mutableList(env));
    c.setResources(resources);
    c.setResizePolicy(Immutables.mutableList(resizePolicy));
    c.setRestartPolicy(restartPolicy);
    c.setRestartPolicyRules(Immutables.mutableList(restartPolicyRules));
    c.setVolumeMounts(Immutables.mutableList(volumeMounts));
    c.setVolumeDevices(Immutables.mutableList(volumeDevices));
    c.setLivenessProbe(livenessProbe);
    c.setReadinessProbe(readinessProbe);
    c.setStartupProbe(startupProbe);
    c.setLifecycle(lifecycle);
    c.setTerminationMessagePath(terminationMessagePath);
    c.setTerminationMessagePolicy(terminationMessagePolicy);
    c.setImagePullPolicy(imagePullPolicy);
    c.setSecurityContext(securityContext);
    c.setStdin(stdin);
    c.setStdinOnce(stdinOnce);
    c.setTty(tty);
    return c;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ScriptTemplate} values; unset components stay null. */
  public static final class Builder {
    private String name;
    private String image;
    private List<String> command;
    private List<String> args;
    private String source;
    private String workingDir;
    private List<ContainerPort> ports;
    private List<EnvFromSource> envFrom;
    private List<EnvVar> env;
    private ResourceRequirements resources;
    private List<ContainerResizePolicy> resizePolicy;
    private String restartPolicy;
    private List<ContainerRestartRule> restartPolicyRules;
    private List<VolumeMount> volumeMounts;
    private List<VolumeDevice> volumeDevices;
    private Probe livenessProbe;
    private Probe readinessProbe;
    private Probe startupProbe;
    private Lifecycle lifecycle;
    private String terminationMessagePath;
    private String terminationMessagePolicy;
    private String imagePullPolicy;
    private SecurityContext securityContext;
    private Boolean stdin;
    private Boolean stdinOnce;
    private Boolean tty;

    private Builder() {}

    private Builder(ScriptTemplate source) {
      this.name = source.name;
      this.image = source.image;
      this.command = source.command;
      this.args = source.args;
      this.source = source.source;
      this.workingDir = source.workingDir;
      this.ports = source.ports;
      this.envFrom = source.envFrom;
      this.env = source.env;
      this.resources = source.resources;
      this.resizePolicy = source.resizePolicy;
      this.restartPolicy = source.restartPolicy;
      this.restartPolicyRules = source.restartPolicyRules;
      this.volumeMounts = source.volumeMounts;
      this.volumeDevices = source.volumeDevices;
      this.livenessProbe = source.livenessProbe;
      this.readinessProbe = source.readinessProbe;
      this.startupProbe = source.startupProbe;
      this.lifecycle = source.lifecycle;
      this.terminationMessagePath = source.terminationMessagePath;
      this.terminationMessagePolicy = source.terminationMessagePolicy;
      this.imagePullPolicy = source.imagePullPolicy;
      this.securityContext = source.securityContext;
      this.stdin = source.stdin;
      this.stdinOnce = source.stdinOnce;
      this.tty = source.tty;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public Builder command(List<String> command) {
      this.command = command;
      return this;
    }

    public Builder args(List<String> args) {
      this.args = args;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder ports(List<ContainerPort> ports) {
      this.ports = ports;
      return this;
    }

    public Builder envFrom(List<EnvFromSource> envFrom) {
      this.envFrom = envFrom;
      return this;
    }

    public Builder env(List<EnvVar> env) {
      this.env = env;
      return this;
    }

    public Builder resources(ResourceRequirements resources) {
      this.resources = resources;
      return this;
    }

    public Builder resizePolicy(List<ContainerResizePolicy> resizePolicy) {
      this.resizePolicy = resizePolicy;
      return this;
    }

    public Builder restartPolicy(String restartPolicy) {
      this.restartPolicy = restartPolicy;
      return this;
    }

    public Builder restartPolicyRules(List<ContainerRestartRule> restartPolicyRules) {
      this.restartPolicyRules = restartPolicyRules;
      return this;
    }

    public Builder volumeMounts(List<VolumeMount> volumeMounts) {
      this.volumeMounts = volumeMounts;
      return this;
    }

    public Builder volumeDevices(List<VolumeDevice> volumeDevices) {
      this.volumeDevices = volumeDevices;
      return this;
    }

    public Builder livenessProbe(Probe livenessProbe) {
      this.livenessProbe = livenessProbe;
      return this;
    }

    public Builder readinessProbe(Probe readinessProbe) {
      this.readinessProbe = readinessProbe;
      return this;
    }

    public Builder startupProbe(Probe startupProbe) {
      this.startupProbe = startupProbe;
      return this;
    }

    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    public Builder terminationMessagePath(String terminationMessagePath) {
      this.terminationMessagePath = terminationMessagePath;
      return this;
    }

    public Builder terminationMessagePolicy(String terminationMessagePolicy) {
      this.terminationMessagePolicy = terminationMessagePolicy;
      return this;
    }

    public Builder imagePullPolicy(String imagePullPolicy) {
      this.imagePullPolicy = imagePullPolicy;
      return this;
    }

    public Builder securityContext(SecurityContext securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    public Builder stdin(Boolean stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder stdinOnce(Boolean stdinOnce) {
      this.stdinOnce = stdinOnce;
      return this;
    }

    public Builder tty(Boolean tty) {
      this.tty = tty;
      return this;
    }

    public ScriptTemplate build() {
      return new ScriptTemplate(
          name,
          image,
          command,
          args,
          source,
          workingDir,
          ports,
          envFrom,
          env,
          resources,
          resizePolicy,
          restartPolicy,
          restartPolicyRules,
          volumeMounts,
          volumeDevices,
          livenessProbe,
          readinessProbe,
          startupProbe,
          lifecycle,
          terminationMessagePath,
          terminationMessagePolicy,
          imagePullPolicy,
          securityContext,
          stdin,
          stdinOnce,
          tty);
    }
  }
}
