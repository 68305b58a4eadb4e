/**
 * Argo4j on Kubernetes: a controller that watches Argo's Workflow objects, asks the engine what to
 * do and applies its plans to pods, through the {@link io.argo4j.runtime.kubernetes.Cluster} port.
 */
package io.argo4j.runtime.kubernetes;
