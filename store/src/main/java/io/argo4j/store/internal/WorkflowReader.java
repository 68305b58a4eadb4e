package io.argo4j.store.internal;

import io.argo4j.store.InvalidQueryException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowPage;
import io.argo4j.store.WorkflowPhase;
import io.argo4j.store.WorkflowQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads: one document, a page of a query, the latest document. */
public final class WorkflowReader {

  private static final String COMPLETED_PHASES =
      "'"
          + WorkflowPhase.SUCCEEDED.argoName()
          + "', '"
          + WorkflowPhase.FAILED.argoName()
          + "', '"
          + WorkflowPhase.ERROR.argoName()
          + "'";

  private static final String NEWEST_FIRST =
      " ORDER BY w.creation_timestamp DESC, w.namespace ASC, w.name ASC";

  private WorkflowReader() {}

  public static Optional<StoredWorkflow> get(Connection connection, WorkflowKey key)
      throws SQLException {
    return WorkflowRows.workflows(
            connection,
            "SELECT "
                + WorkflowRows.COLUMNS
                + " FROM workflows w WHERE w.kind = ? AND w.namespace = ? AND w.name = ?",
            List.of(key.kind().argoName(), key.namespace(), key.name()))
        .stream()
        .findFirst();
  }

  public static Optional<StoredWorkflow> getByUid(Connection connection, String uid)
      throws SQLException {
    return WorkflowRows.workflows(
            connection,
            "SELECT " + WorkflowRows.COLUMNS + " FROM workflows w WHERE w.uid = ?",
            List.of(uid))
        .stream()
        .findFirst();
  }

  public static WorkflowPage list(Connection connection, WorkflowQuery query)
      throws SQLException, InvalidQueryException {
    ContinueToken after =
        query.continueToken() == null ? null : ContinueToken.decode(query.continueToken());
    // Read the version first: every write at or below it is in what the query sees next.
    long version = WriteLock.current(connection);
    StringBuilder sql =
        new StringBuilder("SELECT " + WorkflowRows.COLUMNS + " FROM workflows w WHERE w.kind = ?");
    List<Object> parameters = new ArrayList<>(List.of(query.kind().argoName()));
    appendFilters(query, sql, parameters);
    if (after != null) {
      sql.append(
          " AND (w.creation_timestamp < ? OR (w.creation_timestamp = ?"
              + " AND (w.namespace > ? OR (w.namespace = ? AND w.name > ?))))");
      parameters.addAll(
          List.of(
              after.creationTimestamp(),
              after.creationTimestamp(),
              after.namespace(),
              after.namespace(),
              after.name()));
    }
    sql.append(NEWEST_FIRST);
    if (query.limit() > 0) {
      // One more than asked tells whether another page exists.
      sql.append(" FETCH FIRST ? ROWS ONLY");
      parameters.add(query.limit() + 1);
    }
    List<StoredWorkflow> items = WorkflowRows.workflows(connection, sql.toString(), parameters);
    if (query.limit() > 0 && items.size() > query.limit()) {
      List<StoredWorkflow> page = items.subList(0, query.limit());
      return new WorkflowPage(
          page, Optional.of(ContinueToken.after(page.getLast()).encode()), version);
    }
    return new WorkflowPage(items, Optional.empty(), version);
  }

  private static void appendFilters(
      WorkflowQuery query, StringBuilder sql, List<Object> parameters) {
    if (query.namespace() != null) {
      sql.append(" AND w.namespace = ?");
      parameters.add(query.namespace());
    }
    if (!query.phases().isEmpty()) {
      sql.append(" AND w.phase IN (")
          .append(String.join(", ", Collections.nCopies(query.phases().size(), "?")))
          .append(")");
      query.phases().forEach(phase -> parameters.add(phase.argoName()));
    }
    if (!query.namePrefix().isEmpty()) {
      sql.append(" AND w.name LIKE ? ESCAPE '\\'");
      parameters.add(escapeLike(query.namePrefix()) + "%");
    }
    if (query.createdAfter() != null) {
      sql.append(" AND w.creation_timestamp > ?");
      parameters.add(query.createdAfter());
    }
    if (query.finishedBefore() != null) {
      sql.append(" AND w.finished_at < ?");
      parameters.add(query.finishedBefore());
    }
    switch (query.completion()) {
      case ANY -> {}
      case COMPLETED -> sql.append(" AND w.phase IN (").append(COMPLETED_PHASES).append(")");
      case RUNNING ->
          sql.append(" AND (w.phase IS NULL OR w.phase NOT IN (")
              .append(COMPLETED_PHASES)
              .append("))");
    }
    LabelSelectorSql.appendConditions(query.labelSelector(), sql, parameters);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public static Optional<StoredWorkflow> latest(
      Connection connection, WorkflowKind kind, String namespace) throws SQLException {
    // Of two created at the same instant, the one inserted last (higher id) is the latest.
    return WorkflowRows.workflows(
            connection,
            "SELECT "
                + WorkflowRows.COLUMNS
                + " FROM workflows w WHERE w.kind = ? AND w.namespace = ?"
                + " ORDER BY w.creation_timestamp DESC, w.id DESC FETCH FIRST 1 ROWS ONLY",
            List.of(kind.argoName(), namespace))
        .stream()
        .findFirst();
  }
}
