package io.argo4j.store.internal;

import io.argo4j.store.ChangeBatch;
import io.argo4j.store.WorkflowChange;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers {@code changesSince}: documents whose resource version is above the watcher's (each once,
 * current state) merged with the tombstones of deletions, in version order. Both are bounded above
 * by the version read first, so a batch never runs ahead of a write still committing.
 */
public final class ChangeFeed {

  private ChangeFeed() {}

  public static ChangeBatch since(
      Connection connection, WorkflowKind kind, String namespace, long after, int limit)
      throws SQLException {
    long upTo = WriteLock.current(connection);
    if (after >= upTo) {
      return new ChangeBatch(List.of(), Math.max(after, upTo), false);
    }
    List<Object> parameters = new ArrayList<>(List.of(after, upTo));
    if (kind != null) {
      parameters.add(kind.argoName());
    }
    if (namespace != null) {
      parameters.add(namespace);
    }
    parameters.add(limit + 1);

    List<WorkflowChange> changes = new ArrayList<>();
    String workflows =
        "SELECT " + WorkflowRows.COLUMNS + " FROM workflows w" + window("w.", kind, namespace);
    for (WorkflowRows.Loaded loaded : WorkflowRows.query(connection, workflows, parameters)) {
      changes.add(
          loaded.createdResourceVersion() > after
              ? new WorkflowChange.Added(loaded.workflow())
              : new WorkflowChange.Modified(loaded.workflow()));
    }
    String tombstones =
        "SELECT t.resource_version, t.kind, t.namespace, t.name, t.uid, t.deleted_at"
            + " FROM workflow_tombstones t"
            + window("t.", kind, namespace);
    changes.addAll(deletions(connection, tombstones, parameters));
    changes.sort(Comparator.comparingLong(WorkflowChange::resourceVersion));
    if (changes.size() > limit) {
      List<WorkflowChange> batch = changes.subList(0, limit);
      return new ChangeBatch(batch, batch.getLast().resourceVersion(), true);
    }
    return new ChangeBatch(changes, upTo, false);
  }

  /** The version of the last committed write. */
  public static long currentVersion(Connection connection) throws SQLException {
    return WriteLock.current(connection);
  }

  /** The versions after the watcher's, up to the current one, first ones first, limit + 1. */
  private static String window(String alias, WorkflowKind kind, String namespace) {
    return " WHERE "
        + alias
        + "resource_version > ? AND "
        + alias
        + "resource_version <= ?"
        + (kind == null ? "" : " AND " + alias + "kind = ?")
        + (namespace == null ? "" : " AND " + alias + "namespace = ?")
        + " ORDER BY "
        + alias
        + "resource_version FETCH FIRST ? ROWS ONLY";
  }

  private static List<WorkflowChange.Deleted> deletions(
      Connection connection, String sql, List<Object> parameters) throws SQLException {
    List<WorkflowChange.Deleted> deleted = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      SqlParameters.bind(statement, parameters);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          String kindName = row.getString("kind");
          WorkflowKind kind =
              WorkflowKind.fromArgoName(kindName)
                  .orElseThrow(() -> new SQLException("unknown kind in a tombstone: " + kindName));
          deleted.add(
              new WorkflowChange.Deleted(
                  new WorkflowKey(kind, row.getString("namespace"), row.getString("name")),
                  row.getString("uid"),
                  row.getLong("resource_version"),
                  SqlTimes.get(row, "deleted_at")));
        }
      }
    }
    return deleted;
  }
}
