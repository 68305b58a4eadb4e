package io.argo4j.store.internal;

import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.ConflictException;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowDocument;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates, updates and deletes documents inside a write transaction. Each write first takes the
 * {@link WriteLock}, so the checks it makes (does the name exist, is the version current) cannot be
 * invalidated before it commits.
 */
public final class WorkflowWriter {

  private final InstantSource clock;
  private final Supplier<String> uidGenerator;

  /** What a write needs to know of the stored row. */
  private record Current(long id, String uid, long resourceVersion, Instant creationTimestamp) {}

  public WorkflowWriter(InstantSource clock, Supplier<String> uidGenerator) {
    this.clock = clock;
    this.uidGenerator = uidGenerator;
  }

  public StoredWorkflow create(Connection connection, WorkflowDocument document)
      throws SQLException, AlreadyExistsException {
    long version = WriteLock.lockAndTakeNextVersion(connection);
    WorkflowKey key = document.key();
    Optional<Current> existing = find(connection, key);
    if (existing.isPresent()) {
      throw new AlreadyExistsException(
          key,
          key
              + " already exists (uid "
              + existing.get().uid()
              + ", resourceVersion "
              + existing.get().resourceVersion()
              + "); choose another name, or delete it first");
    }
    String uid = document.uid() != null ? document.uid() : uidGenerator.get();
    Optional<WorkflowKey> uidOwner = ownerOfUid(connection, uid);
    if (uidOwner.isPresent()) {
      throw new AlreadyExistsException(
          key,
          "cannot create "
              + key
              + ": uid "
              + uid
              + " already belongs to "
              + uidOwner.get()
              + "; leave the uid null to let the store assign a new one");
    }
    Instant created =
        document.creationTimestamp() != null
            ? document.creationTimestamp()
            : clock.instant().truncatedTo(ChronoUnit.MICROS);
    long id = insert(connection, document, uid, created, version);
    insertLabels(connection, id, document.labels());
    return new StoredWorkflow(document.withUid(uid).withCreationTimestamp(created), version);
  }

  public StoredWorkflow update(
      Connection connection, WorkflowDocument document, long expectedVersion)
      throws SQLException, ConflictException, NotFoundException {
    long version = WriteLock.lockAndTakeNextVersion(connection);
    WorkflowKey key = document.key();
    Current current = find(connection, key).orElseThrow(() -> notFound(key, "update"));
    if (current.resourceVersion() != expectedVersion) {
      throw new ConflictException(key, expectedVersion, current.resourceVersion());
    }
    if (document.uid() != null && !document.uid().equals(current.uid())) {
      throw new IllegalArgumentException(
          key + " has uid " + current.uid() + "; an update cannot change it to " + document.uid());
    }
    if (document.creationTimestamp() != null
        && !document.creationTimestamp().equals(current.creationTimestamp())) {
      throw new IllegalArgumentException(
          key
              + " was created at "
              + current.creationTimestamp()
              + "; an update cannot change that to "
              + document.creationTimestamp());
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE workflows SET resource_version = ?, phase = ?, started_at = ?,"
                + " finished_at = ?, document = ? WHERE id = ? AND resource_version = ?")) {
      update.setLong(1, version);
      setPhase(update, 2, document);
      SqlTimes.set(update, 3, document.startedAt());
      SqlTimes.set(update, 4, document.finishedAt());
      update.setCharacterStream(5, new StringReader(document.json()), document.json().length());
      update.setLong(6, current.id());
      update.setLong(7, expectedVersion);
      if (update.executeUpdate() != 1) {
        throw new SQLException(key + " changed while the write lock was held");
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM workflow_labels WHERE workflow_id = ?")) {
      delete.setLong(1, current.id());
      delete.executeUpdate();
    }
    insertLabels(connection, current.id(), document.labels());
    return new StoredWorkflow(
        document.withUid(current.uid()).withCreationTimestamp(current.creationTimestamp()),
        version);
  }

  public void delete(Connection connection, WorkflowKey key)
      throws SQLException, NotFoundException {
    long version = WriteLock.lockAndTakeNextVersion(connection);
    Current current = find(connection, key).orElseThrow(() -> notFound(key, "delete"));
    // Labels and events go with the row (ON DELETE CASCADE).
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM workflows WHERE id = ?")) {
      delete.setLong(1, current.id());
      delete.executeUpdate();
    }
    try (PreparedStatement tombstone =
        connection.prepareStatement(
            "INSERT INTO workflow_tombstones (resource_version, kind, namespace, name, uid,"
                + " deleted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      tombstone.setLong(1, version);
      tombstone.setString(2, key.kind().argoName());
      tombstone.setString(3, key.namespace());
      tombstone.setString(4, key.name());
      tombstone.setString(5, current.uid());
      SqlTimes.set(tombstone, 6, clock.instant().truncatedTo(ChronoUnit.MICROS));
      tombstone.executeUpdate();
    }
  }

  private static NotFoundException notFound(WorkflowKey key, String operation) {
    return new NotFoundException(
        "cannot "
            + operation
            + " "
            + key
            + ": it is not in the store (never created, or deleted); list what exists with"
            + " `argo4j list`");
  }

  private static Optional<Current> find(Connection connection, WorkflowKey key)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, uid, resource_version, creation_timestamp FROM workflows"
                + " WHERE kind = ? AND namespace = ? AND name = ?")) {
      select.setString(1, key.kind().argoName());
      select.setString(2, key.namespace());
      select.setString(3, key.name());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Current(
                row.getLong("id"),
                row.getString("uid"),
                row.getLong("resource_version"),
                SqlTimes.get(row, "creation_timestamp")));
      }
    }
  }

  private static Optional<WorkflowKey> ownerOfUid(Connection connection, String uid)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT kind, namespace, name FROM workflows WHERE uid = ?")) {
      select.setString(1, uid);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String kind = row.getString("kind");
        return Optional.of(
            new WorkflowKey(
                WorkflowKind.fromArgoName(kind)
                    .orElseThrow(() -> new SQLException("unknown kind " + kind)),
                row.getString("namespace"),
                row.getString("name")));
      }
    }
  }

  private static long insert(
      Connection connection, WorkflowDocument document, String uid, Instant created, long version)
      throws SQLException {
    WorkflowKey key = document.key();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflows (kind, namespace, name, uid, resource_version,"
                + " created_resource_version, phase, creation_timestamp, started_at, finished_at,"
                + " document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      insert.setString(1, key.kind().argoName());
      insert.setString(2, key.namespace());
      insert.setString(3, key.name());
      insert.setString(4, uid);
      insert.setLong(5, version);
      insert.setLong(6, version);
      setPhase(insert, 7, document);
      SqlTimes.set(insert, 8, created);
      SqlTimes.set(insert, 9, document.startedAt());
      SqlTimes.set(insert, 10, document.finishedAt());
      insert.setCharacterStream(11, new StringReader(document.json()), document.json().length());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id was generated for " + key);
        }
        return keys.getLong(1);
      }
    }
  }

  private static void setPhase(PreparedStatement statement, int index, WorkflowDocument document)
      throws SQLException {
    if (document.phase() == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, document.phase().argoName());
    }
  }

  private static void insertLabels(Connection connection, long id, Map<String, String> labels)
      throws SQLException {
    if (labels.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow_labels (workflow_id, label_key, label_value) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> label : labels.entrySet()) {
        insert.setLong(1, id);
        insert.setString(2, label.getKey());
        insert.setString(3, label.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
