/**
 * Runs one step of a workflow: inputs in, command run, outputs collected.
 *
 * <p>{@link io.argo4j.executor.StepExecutor} starts a {@link io.argo4j.executor.StepSpec} in a step
 * directory and returns a {@link io.argo4j.executor.StepHandle}; {@link
 * io.argo4j.executor.StepDirectory} reads a step's state and {@link io.argo4j.executor.StepResult}
 * back from disk alone. See {@code docs/executor.md} for the on-disk layout, the sandbox modes and
 * the image mapping.
 */
package io.argo4j.executor;
