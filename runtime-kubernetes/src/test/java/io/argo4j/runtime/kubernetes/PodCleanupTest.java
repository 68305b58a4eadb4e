package io.argo4j.runtime.kubernetes;

import static io.argo4j.runtime.kubernetes.internal.PodCleanup.DELETE;
import static io.argo4j.runtime.kubernetes.internal.PodCleanup.RELEASE;
import static io.argo4j.runtime.kubernetes.internal.PodCleanup.RELEASE_FINALIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argo4j.model.PodGC;
import io.argo4j.model.WorkflowPhase;
import io.argo4j.runtime.kubernetes.internal.LabelSelectors;
import io.argo4j.runtime.kubernetes.internal.PodCleanup;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodCleanupTest {
  private static PodGC gc(String strategy) {
    return PodGC.builder().strategy(strategy).build();
  }

  @Test
  void withoutStrategyPodsAreReleasedAndKept() {
    assertThat(PodCleanup.decide(null, Map.of(), true, WorkflowPhase.RUNNING)).isEqualTo(RELEASE);
    assertThat(PodCleanup.decide(gc(""), Map.of(), false, WorkflowPhase.SUCCEEDED))
        .isEqualTo(RELEASE);
  }

  @Test
  void strategiesFollowArgosTable() {
    assertThat(PodCleanup.decide(gc("OnPodCompletion"), Map.of(), false, WorkflowPhase.RUNNING))
        .isEqualTo(DELETE);
    assertThat(PodCleanup.decide(gc("OnPodSuccess"), Map.of(), true, WorkflowPhase.RUNNING))
        .isEqualTo(DELETE);
    assertThat(PodCleanup.decide(gc("OnPodSuccess"), Map.of(), false, WorkflowPhase.RUNNING))
        .isEqualTo(RELEASE);
    assertThat(PodCleanup.decide(gc("OnWorkflowCompletion"), Map.of(), true, WorkflowPhase.RUNNING))
        .isEqualTo(RELEASE_FINALIZER);
    assertThat(PodCleanup.decide(gc("OnWorkflowCompletion"), Map.of(), true, WorkflowPhase.FAILED))
        .isEqualTo(DELETE);
    assertThat(PodCleanup.decide(gc("OnWorkflowSuccess"), Map.of(), true, WorkflowPhase.FAILED))
        .isEqualTo(RELEASE);
    assertThat(PodCleanup.decide(gc("OnWorkflowSuccess"), Map.of(), true, WorkflowPhase.SUCCEEDED))
        .isEqualTo(DELETE);
    assertThat(PodCleanup.decide(gc("OnWorkflowSuccess"), Map.of(), true, WorkflowPhase.RUNNING))
        .isEqualTo(RELEASE_FINALIZER);
  }

  @Test
  void labelSelectorExemptsPods() {
    PodGC onlyGc =
        PodGC.builder()
            .strategy("OnPodCompletion")
            .labelSelector(new LabelSelectorBuilder().addToMatchLabels("gc", "yes").build())
            .build();
    assertThat(PodCleanup.decide(onlyGc, Map.of("gc", "yes"), true, WorkflowPhase.RUNNING))
        .isEqualTo(DELETE);
    assertThat(PodCleanup.decide(onlyGc, Map.of("gc", "no"), true, WorkflowPhase.RUNNING))
        .isEqualTo(RELEASE);
  }

  @Test
  void unknownStrategyIsAnError() {
    assertThatThrownBy(() -> PodCleanup.decide(gc("Sometimes"), Map.of(), true, null))
        .hasMessageContaining("unknown podGC strategy Sometimes");
  }

  @Test
  void setBasedSelectorsAreEvaluatedInMemory() {
    LabelSelector sel =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("a", "b")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("skip")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();
    assertThat(LabelSelectors.matches(sel, Map.of("tier", "a"))).isTrue();
    assertThat(LabelSelectors.matches(sel, Map.of("tier", "c"))).isFalse();
    assertThat(LabelSelectors.matches(sel, Map.of("tier", "b", "skip", ""))).isFalse();
    assertThat(LabelSelectors.matches(null, Map.of())).isTrue();
  }
}
