package io.argo4j.store;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Settings of {@link H2WorkflowRepository}; {@link #defaults()} suits the local runtime, tests
 * inject a clock and uids.
 *
 * @param clock assigns creation times (when a create gives none) and deletion times
 * @param uidGenerator assigns uids when a create gives none
 * @param lockTimeout how long a write waits for another process's write to commit
 * @param syncWrites force each write to the storage device before returning (survives power loss,
 *     costs about 2 ms a write); without it a write is in the file (survives the process being
 *     killed) but may sit in the operating system's cache
 */
public record H2StoreOptions(
    InstantSource clock, Supplier<String> uidGenerator, Duration lockTimeout, boolean syncWrites) {

  public H2StoreOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(uidGenerator, "uidGenerator");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative() || lockTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("lockTimeout out of range: " + lockTimeout);
    }
  }

  /** The system clock, random UUIDs, a 10 s lock timeout, writes forced to the device. */
  public static H2StoreOptions defaults() {
    return new H2StoreOptions(
        InstantSource.system(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(10), true);
  }

  public H2StoreOptions withClock(InstantSource newClock) {
    return new H2StoreOptions(newClock, uidGenerator, lockTimeout, syncWrites);
  }

  public H2StoreOptions withUidGenerator(Supplier<String> generator) {
    return new H2StoreOptions(clock, generator, lockTimeout, syncWrites);
  }

  public H2StoreOptions withLockTimeout(Duration timeout) {
    return new H2StoreOptions(clock, uidGenerator, timeout, syncWrites);
  }

  public H2StoreOptions withSyncWrites(boolean sync) {
    return new H2StoreOptions(clock, uidGenerator, lockTimeout, sync);
  }
}
