/**
 * A kubelet simulator for the fabric8 mock API server: it runs the pods a controller creates
 * through Kubernetes' pod and container states with scripted outcomes, writes the executor's
 * WorkflowTaskResults, and injects the failures that real clusters produce.
 */
package io.argo4j.testkit.kube;
