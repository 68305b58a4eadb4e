package io.argo4j.store;

import io.argo4j.store.internal.ChangeFeed;
import io.argo4j.store.internal.EventLog;
import io.argo4j.store.internal.H2Database;
import io.argo4j.store.internal.SchemaMigrations;
import io.argo4j.store.internal.StoreFailures;
import io.argo4j.store.internal.StoreTransaction;
import io.argo4j.store.internal.WorkflowReader;
import io.argo4j.store.internal.WorkflowWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded store: an H2 file database in a state directory, shared by every process that opens
 * the same directory (the first one serves it to the others, see README). Each write commits to the
 * file before returning; a process killed at any moment leaves a database that opens with every
 * acknowledged write.
 */
public final class H2WorkflowRepository implements WorkflowRepository {

  private final H2Database database;
  private final WorkflowWriter writer;

  private H2WorkflowRepository(H2Database database, H2StoreOptions options) {
    this.database = database;
    this.writer = new WorkflowWriter(options.clock(), options.uidGenerator());
  }

  /** Opens (creating or upgrading it if needed) the store in {@code stateDirectory}. */
  public static H2WorkflowRepository open(Path stateDirectory) {
    return open(stateDirectory, H2StoreOptions.defaults());
  }

  /**
   * Opens (creating or upgrading it if needed) the store in {@code stateDirectory}.
   *
   * @throws StoreFailureException when the directory cannot be created or the database opened
   */
  public static H2WorkflowRepository open(Path stateDirectory, H2StoreOptions options) {
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(options, "options");
    try {
      Files.createDirectories(stateDirectory);
    } catch (IOException e) {
      throw new StoreFailureException(
          "cannot create the state directory "
              + stateDirectory
              + ": "
              + e
              + "; choose a writable directory (--state-dir)",
          e);
    }
    H2Database database =
        new H2Database(
            stateDirectory,
            Math.toIntExact(options.lockTimeout().toMillis()),
            options.syncWrites());
    try (Connection connection = database.connect()) {
      SchemaMigrations.migrate(connection, database.databaseFile(), options.clock().instant());
    } catch (SQLException e) {
      database.close();
      throw StoreFailures.of("opening", database.databaseFile(), e);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new H2WorkflowRepository(database, options);
  }

  /** The H2 database file ({@code argo4j-store.mv.db}) in the state directory. */
  public Path databaseFile() {
    return database.databaseFile();
  }

  @Override
  public StoredWorkflow create(WorkflowDocument document) throws AlreadyExistsException {
    Objects.requireNonNull(document, "document");
    try (StoreTransaction tx = StoreTransaction.write(database)) {
      StoredWorkflow stored = writer.create(tx.connection(), document);
      tx.commit();
      return stored;
    } catch (SQLException e) {
      throw failure("create " + document.key(), e);
    }
  }

  @Override
  public StoredWorkflow update(WorkflowDocument document, long expectedResourceVersion)
      throws ConflictException, NotFoundException {
    Objects.requireNonNull(document, "document");
    try (StoreTransaction tx = StoreTransaction.write(database)) {
      StoredWorkflow stored = writer.update(tx.connection(), document, expectedResourceVersion);
      tx.commit();
      return stored;
    } catch (SQLException e) {
      throw failure("update " + document.key(), e);
    }
  }

  @Override
  public void delete(WorkflowKey key) throws NotFoundException {
    Objects.requireNonNull(key, "key");
    try (StoreTransaction tx = StoreTransaction.write(database)) {
      writer.delete(tx.connection(), key);
      tx.commit();
    } catch (SQLException e) {
      throw failure("delete " + key, e);
    }
  }

  @Override
  public void appendEvent(WorkflowEvent event) throws NotFoundException {
    Objects.requireNonNull(event, "event");
    try (StoreTransaction tx = StoreTransaction.write(database)) {
      EventLog.append(tx.connection(), event);
      tx.commit();
    } catch (SQLException e) {
      throw failure("record event " + event.reason() + " of " + event.workflowUid(), e);
    }
  }

  @Override
  public Optional<StoredWorkflow> get(WorkflowKey key) {
    Objects.requireNonNull(key, "key");
    return read("get " + key, connection -> WorkflowReader.get(connection, key));
  }

  @Override
  public Optional<StoredWorkflow> getByUid(String uid) {
    Objects.requireNonNull(uid, "uid");
    return read("get uid " + uid, connection -> WorkflowReader.getByUid(connection, uid));
  }

  @Override
  public WorkflowPage list(WorkflowQuery query) throws InvalidQueryException {
    Objects.requireNonNull(query, "query");
    try (StoreTransaction tx = StoreTransaction.read(database)) {
      WorkflowPage page = WorkflowReader.list(tx.connection(), query);
      tx.commit();
      return page;
    } catch (SQLException e) {
      throw failure("list " + query.kind().argoName(), e);
    }
  }

  @Override
  public Optional<StoredWorkflow> latest(WorkflowKind kind, String namespace) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    return read(
        "latest " + kind.argoName(),
        connection -> WorkflowReader.latest(connection, kind, namespace));
  }

  @Override
  public ChangeBatch changesSince(
      WorkflowKind kind, String namespace, long afterResourceVersion, int limit) {
    if (afterResourceVersion < 0 || limit <= 0) {
      throw new IllegalArgumentException(
          "changesSince needs afterResourceVersion >= 0 and limit > 0, got "
              + afterResourceVersion
              + " and "
              + limit);
    }
    return read(
        "changes since " + afterResourceVersion,
        connection -> ChangeFeed.since(connection, kind, namespace, afterResourceVersion, limit));
  }

  @Override
  public long currentResourceVersion() {
    return read("read the resource version", ChangeFeed::currentVersion);
  }

  @Override
  public List<WorkflowEvent> events(String workflowUid) {
    Objects.requireNonNull(workflowUid, "workflowUid");
    return read("events of " + workflowUid, connection -> EventLog.list(connection, workflowUid));
  }

  @Override
  public void close() {
    database.close();
  }

  /** A read step on a snapshot. */
  @FunctionalInterface
  private interface SqlRead<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T read(String operation, SqlRead<T> work) {
    try {
      // a read may be repeated: one cut off by the serving process exiting is tried again
      return H2Database.throughHandover(() -> {
        try (StoreTransaction tx = StoreTransaction.read(database)) {
          T result = work.apply(tx.connection());
          tx.commit();
          return result;
        }
      });
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private StoreFailureException failure(String operation, SQLException e) {
    return StoreFailures.of(operation, database.databaseFile(), e);
  }
}
