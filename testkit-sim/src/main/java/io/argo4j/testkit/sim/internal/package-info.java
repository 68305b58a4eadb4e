/**
 * The simulated world: scheduler and virtual clock, API server, watch stream and informer, work
 * queue and controller, kubelet, users, workload generator, fault plan and invariants. Not an API.
 */
package io.argo4j.testkit.sim.internal;
