package io.argo4j.executor;

/** How steps are isolated from each other on a host with no containers. */
public enum SandboxMode {
  /**
   * bubblewrap: each step sees the host read-only, with private, writable copies of the paths it
   * declares ({@code /tmp} included), and dies with its wrapper.
   */
  BWRAP,
  /**
   * No sandbox: steps run directly on the host. Steps declaring the same path run one at a time
   * ({@link PathLocks}), and the paths a step created are cleared after its outputs are collected.
   */
  NONE
}
