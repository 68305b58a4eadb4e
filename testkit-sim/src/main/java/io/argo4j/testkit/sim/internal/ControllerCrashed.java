package io.argo4j.testkit.sim.internal;

/**
 * The simulated controller process dies at an API call. An {@link Error}, so that no {@code catch
 * (RuntimeException)} in the controller can swallow it: nothing after it runs, as with {@code kill
 * -9}.
 */
final class ControllerCrashed extends Error {
  private static final long serialVersionUID = 1L;

  ControllerCrashed(String where) {
    super(where, null, false, false);
  }
}
