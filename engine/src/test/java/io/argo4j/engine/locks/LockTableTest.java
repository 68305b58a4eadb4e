package io.argo4j.engine.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockTableTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final LockName MUTEX = LockName.mutex("ns", "m");
  private static final LockName SEM = LockName.configMap("ns", "cm", "k");

  private final Map<LockName, Integer> limits = new HashMap<>(Map.of(SEM, 2));
  private final LockTable table =
      new LockTable(lock ->
          limits.containsKey(lock)
              ? new LimitSource.Limit.Known(limits.get(lock))
              : LimitSource.missingConfigMap(lock));

  private static LockClaim wants(LockName lock, String holder, int priority, int createdSecond) {
    return new LockClaim(
        lock,
        holder,
        priority,
        T0.plusSeconds(createdSecond),
        T0.plusSeconds(createdSecond),
        false);
  }

  @Test
  void grantsFreePermitsAndQueuesTheRest() {
    assertThat(table.update("ns/a", List.of(wants(MUTEX, "ns/a", 0, 0)))).containsExactly("ns/a");
    // b must wait, but is told to look again: its next reconcile sees the lock's state
    assertThat(table.update("ns/b", List.of(wants(MUTEX, "ns/b", 0, 1)))).containsExactly("ns/b");
    assertThat(table.update("ns/b", List.of(wants(MUTEX, "ns/b", 0, 1)))).isEmpty();
    assertThat(table.view("ns/b").get("ns/Mutex/m"))
        .isEqualTo(new LockState(1, List.of("ns/a"), null));
    assertThat(table.view("ns/b").get("ns/Mutex/m").available()).isZero();
    // a no longer claims it: b gets it
    assertThat(table.remove("ns/a")).containsExactly("ns/b");
    assertThat(table.holders()).containsEntry(MUTEX, List.of("ns/b"));
  }

  @Test
  void higherPriorityFirstThenOlderThenEarlierWaiter() {
    table.update("ns/h", List.of(wants(MUTEX, "ns/h", 0, 0)));
    table.update("ns/young", List.of(wants(MUTEX, "ns/young", 0, 9)));
    table.update("ns/old", List.of(wants(MUTEX, "ns/old", 0, 2)));
    table.update("ns/urgent", List.of(wants(MUTEX, "ns/urgent", 3, 10)));
    assertThat(table.remove("ns/h")).containsExactly("ns/urgent");
    assertThat(table.remove("ns/urgent")).containsExactly("ns/old");
    assertThat(table.remove("ns/old")).containsExactly("ns/young");
  }

  @Test
  void aHolderGetsAllItsLocksAtOnceOrNoneAndBlocksThoseBehindIt() {
    table.update("ns/a", List.of(wants(MUTEX, "ns/a", 0, 0)));
    // b needs the mutex and the semaphore; the semaphore is free but b must not take it alone
    table.update("ns/b", List.of(wants(MUTEX, "ns/b", 0, 1), wants(SEM, "ns/b", 0, 1)));
    assertThat(table.holders()).doesNotContainKey(SEM);
    // c (younger) only wants the semaphore, which has a permit: the queue on it is b's, but b
    // does not hold it, and c is behind b on it
    assertThat(table.update("ns/c", List.of(wants(SEM, "ns/c", 0, 2)))).containsExactly("ns/c");
    assertThat(table.holders().get(SEM)).isNull();
    assertThat(table.remove("ns/a")).containsExactly("ns/b", "ns/c");
    assertThat(table.holders().get(SEM)).containsExactly("ns/b", "ns/c");
  }

  @Test
  void grantsAreStickyUntilTheClaimGoes() {
    table.update("ns/a", List.of(wants(SEM, "ns/a/n1", 0, 0), wants(SEM, "ns/a/n2", 0, 0)));
    table.update("ns/b", List.of(wants(SEM, "ns/b", 0, 1)));
    // a's plan now lists only n2 (n1 finished): n1's permit goes to b
    assertThat(table.update("ns/a", List.of(wants(SEM, "ns/a/n2", 0, 0)))).containsExactly("ns/b");
    assertThat(table.holders().get(SEM)).containsExactly("ns/a/n2", "ns/b");
  }

  @Test
  void aLoweredLimitKeepsHoldersAndGrantsNothingUntilBelowIt() {
    table.update("ns/a", List.of(wants(SEM, "ns/a", 0, 0)));
    table.update("ns/b", List.of(wants(SEM, "ns/b", 0, 1)));
    table.update("ns/c", List.of(wants(SEM, "ns/c", 0, 2)));
    limits.put(SEM, 1);
    assertThat(table.refreshLimits()).isEmpty();
    assertThat(table.remove("ns/a")).isEmpty();
    assertThat(table.remove("ns/b")).containsExactly("ns/c");
    limits.put(SEM, 3);
    table.update("ns/d", List.of(wants(SEM, "ns/d", 0, 3)));
    assertThat(table.holders().get(SEM)).containsExactly("ns/c");
    assertThat(table.refreshLimits()).containsExactly("ns/d");
  }

  @Test
  void aMissingLimitIsReportedAndReadAgainLater() {
    LockName absent = LockName.configMap("ns", "absent", "k");
    table.update("ns/a", List.of(wants(absent, "ns/a", 0, 0)));
    assertThat(table.view("ns/a").get("ns/ConfigMap/absent/k").error())
        .isEqualTo(
            "semaphore ns/ConfigMap/absent/k: ConfigMap ns/absent not found (it must hold key 'k'"
                + " with the number of permits)");
    limits.put(absent, 1);
    assertThat(table.refreshLimits()).containsExactly("ns/a");
  }

  @Test
  void heldClaimsAreHonouredEvenBeyondTheLimit() {
    table.update("ns/a", List.of(wants(MUTEX, "ns/a", 0, 0)));
    table.update("ns/b", List.of(new LockClaim(MUTEX, "ns/b", 0, T0, T0, /* held= */ true)));
    assertThat(table.holders().get(MUTEX)).containsExactly("ns/a", "ns/b");
  }

  @Test
  void limitValuesAreParsedStrictly() {
    assertThat(LimitSource.parse(SEM, " 3 ")).isEqualTo(new LimitSource.Limit.Known(3));
    assertThat(LimitSource.parse(SEM, "0")).isInstanceOf(LimitSource.Limit.Unavailable.class);
    assertThat(LimitSource.parse(SEM, "two"))
        .isEqualTo(
            new LimitSource.Limit.Unavailable(
                "semaphore ns/ConfigMap/cm/k: ConfigMap ns/cm key 'k' is 'two', expected a whole"
                    + " number of permits"));
    assertThat(LimitSource.parse(SEM, null))
        .isEqualTo(
            new LimitSource.Limit.Unavailable(
                "semaphore ns/ConfigMap/cm/k: ConfigMap ns/cm has no key 'k'"));
  }

  @Test
  void lockNamesRoundTripAndBadOnesSayWhatIsValid() {
    assertThat(LockName.parse("ns/Mutex/m")).isEqualTo(MUTEX);
    assertThat(LockName.parse(SEM.toString())).isEqualTo(SEM);
    assertThat(SEM.toString()).isEqualTo("ns/ConfigMap/cm/k");
    assertThatThrownBy(() -> LockName.parse("ns/Database/x"))
        .hasMessageContaining("expected <namespace>/Mutex/<name> or");
  }

  private static LockClaim held(LockName lock, String holder) {
    return new LockClaim(lock, holder, 0, T0, T0, true);
  }

  @Test
  void adoptingARecordTakesBackAGrantItDoesNotListAndFillsThePermitsWithItsHolders() {
    // this table granted a; the record says another controller gave the mutex to x
    assertThat(table.update("ns/a", List.of(wants(MUTEX, "ns/a", 0, 0)))).containsExactly("ns/a");
    assertThat(table.adopt(MUTEX, List.of("ns/x"))).isEmpty();
    assertThat(table.holders()).containsEntry(MUTEX, List.of("ns/x"));
    assertThat(table.view("ns/a").get("ns/Mutex/m").heldBy("ns/a")).isFalse();
    // x's workflow stops claiming it: a gets it
    assertThat(table.update("ns/x", List.of())).containsExactly("ns/a");
    assertThat(table.holders()).containsEntry(MUTEX, List.of("ns/a"));
  }

  @Test
  void aHolderLosingOneLockToARecordLosesItsOtherUnrecordedGrantsToo() {
    table.update("ns/b", List.of(wants(MUTEX, "ns/b", 0, 1), wants(SEM, "ns/b", 0, 1)));
    assertThat(table.holders().get(SEM)).containsExactly("ns/b");
    table.adopt(MUTEX, List.of("ns/x"));
    assertThat(table.holders().get(SEM)).isNull();
    assertThat(table.holders()).containsEntry(MUTEX, List.of("ns/x"));
  }

  @Test
  void aHolderItsStatusRecordsAsHeldKeepsItsPermitWhatANewerRecordSays() {
    table.update("ns/a", List.of(held(MUTEX, "ns/a")));
    table.adopt(MUTEX, List.of());
    assertThat(table.holders()).containsEntry(MUTEX, List.of("ns/a"));
  }

  @Test
  void revokeTakesBackUnrecordedGrantsWithoutGrantingAnyone() {
    table.update("ns/a", List.of(wants(SEM, "ns/a", 0, 0)));
    table.update("ns/b", List.of(held(SEM, "ns/b")));
    table.revoke("ns/a");
    table.revoke("ns/b");
    assertThat(table.holders().get(SEM)).containsExactly("ns/b");
  }
}
