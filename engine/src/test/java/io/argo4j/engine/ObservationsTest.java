package io.argo4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.argo4j.engine.locks.LockState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationsTest {

  /**
   * The engine acts on pods in iteration order (stopping a finished workflow's leftovers), so that
   * order must not depend on the JVM run: the same seed replayed gave different traces when it did.
   */
  @Test
  void podsAndLocksIterateInKeyOrderWhateverOrderTheyCameIn() {
    Map<String, PodObservation> pods = new LinkedHashMap<>();
    Map<String, LockState> locks = new LinkedHashMap<>();
    for (String id : List.of("wf-3", "wf-10", "wf-1", "wf-2")) {
      pods.put(id, running(id));
      locks.put("default/Mutex/" + id, new LockState(1, List.of(), null));
    }

    Observations obs = new Observations(pods, TemplateCatalog.empty(), locks);

    assertThat(obs.pods().keySet()).containsExactly("wf-1", "wf-10", "wf-2", "wf-3");
    assertThat(obs.locks().keySet())
        .containsExactly(
            "default/Mutex/wf-1",
            "default/Mutex/wf-10",
            "default/Mutex/wf-2",
            "default/Mutex/wf-3");
    assertThat(obs.withLocks(Map.of()).pods()).isEqualTo(obs.pods());
  }

  private static PodObservation running(String name) {
    return new PodObservation(
        name,
        PodPhase.RUNNING,
        null,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        false,
        List.of(ContainerObservation.running("main")),
        null,
        "node-1",
        "10.0.0.1");
  }
}
