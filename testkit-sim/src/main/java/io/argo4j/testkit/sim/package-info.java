/**
 * Deterministic simulation of Argo4j with fault injection: {@link io.argo4j.testkit.sim.Simulation}
 * runs the real engine against a simulated cluster for one seed and reports broken invariants with
 * a reproduction command and a trace. See docs/reliability.md.
 */
package io.argo4j.testkit.sim;
