package io.argo4j.store;

import java.util.Arrays;
import java.util.Optional;

/** Argo's workflow phases. A workflow that has not started yet has no phase (null). */
public enum WorkflowPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  ERROR("Error");

  private final String argoName;

  WorkflowPhase(String argoName) {
    this.argoName = argoName;
  }

  /** The phase as Argo spells it in {@code status.phase}. */
  public String argoName() {
    return argoName;
  }

  /** Succeeded, Failed and Error are final: Argo labels such workflows completed. */
  public boolean completed() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }

  /** The phase whose Argo name is {@code argoName}, if any. */
  public static Optional<WorkflowPhase> fromArgoName(String argoName) {
    return Arrays.stream(values()).filter(p -> p.argoName.equals(argoName)).findFirst();
  }
}
