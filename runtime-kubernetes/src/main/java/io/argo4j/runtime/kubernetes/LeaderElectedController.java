package io.argo4j.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link WorkflowController} only while this process holds a Lease, so that two controller
 * replicas never act at once; a standby takes over within the lease duration when the leader dies,
 * and a leader that stops releases the lease at once.
 */
public final class LeaderElectedController implements AutoCloseable {
  private static final System.Logger LOG =
      System.getLogger(LeaderElectedController.class.getName());

  private final AtomicReference<WorkflowController> active = new AtomicReference<>();
  private final CompletableFuture<?> election;
  private final String identity;

  /**
   * @param leaseNamespace where the Lease lives
   * @param leaseName the Lease's name (Argo's is {@code workflow-controller})
   * @param identity this replica's name (its pod name)
   * @param leaseDuration how long a leader that stopped renewing keeps the lease
   */
  public LeaderElectedController(
      KubernetesClient client,
      ControllerConfig config,
      String leaseNamespace,
      String leaseName,
      String identity,
      Duration leaseDuration) {
    this.identity = identity;
    var callbacks =
        new LeaderCallbacks(
            () -> {
              LOG.log(System.Logger.Level.INFO, identity + " leads; starting the controller");
              active.set(WorkflowController.start(client, config));
            },
            () -> {
              LOG.log(System.Logger.Level.INFO, identity + " stopped leading");
              stopController();
            },
            leader -> LOG.log(System.Logger.Level.INFO, "leader is now " + leader));
    this.election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName("argo4j-workflow-controller")
                    .withLock(new LeaseLock(leaseNamespace, leaseName, identity))
                    .withLeaseDuration(leaseDuration)
                    .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
                    .withRetryPeriod(leaseDuration.dividedBy(5))
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(callbacks)
                    .build())
            .build()
            .start();
  }

  /** Whether this replica runs the controller now. */
  public boolean leading() {
    return active.get() != null;
  }

  /** The metrics of the controller while leading, else none. */
  public String metrics() {
    WorkflowController c = active.get();
    return c == null ? "" : c.metrics();
  }

  public String identity() {
    return identity;
  }

  private void stopController() {
    WorkflowController c = active.getAndSet(null);
    if (c != null) {
      c.close();
    }
  }

  /** Stops the controller (if leading) and gives up the lease. */
  @Override
  public void close() {
    election.cancel(true);
    stopController();
  }
}
