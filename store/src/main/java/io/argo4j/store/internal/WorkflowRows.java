package io.argo4j.store.internal;

import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowDocument;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads rows of {@code workflows}, with their labels, into {@link StoredWorkflow}s. */
final class WorkflowRows {

  /** The columns {@link #query} reads, from table alias {@code w}. */
  static final String COLUMNS =
      "w.id, w.kind, w.namespace, w.name, w.uid, w.resource_version, w.created_resource_version,"
          + " w.phase, w.creation_timestamp, w.started_at, w.finished_at, w.document";

  /** Labels are fetched for this many documents per statement. */
  private static final int LABEL_BATCH = 500;

  /** A stored document and the version at which it was created. */
  record Loaded(StoredWorkflow workflow, long createdResourceVersion) {}

  private record Row(long id, WorkflowDocument unlabelled, long version, long createdVersion) {}

  private WorkflowRows() {}

  /** Runs a query that selects {@link #COLUMNS} and loads the labels of what it returns. */
  static List<Loaded> query(Connection connection, String sql, List<?> parameters)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      SqlParameters.bind(statement, parameters);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(read(result));
        }
      }
    }
    Map<Long, Map<String, String>> labels = labelsOf(connection, rows);
    List<Loaded> loaded = new ArrayList<>(rows.size());
    for (Row row : rows) {
      WorkflowDocument document =
          row.unlabelled().withLabels(labels.getOrDefault(row.id(), Map.of()));
      loaded.add(new Loaded(new StoredWorkflow(document, row.version()), row.createdVersion()));
    }
    return loaded;
  }

  /** Like {@link #query}, without the creation versions. */
  static List<StoredWorkflow> workflows(Connection connection, String sql, List<?> parameters)
      throws SQLException {
    return query(connection, sql, parameters).stream().map(Loaded::workflow).toList();
  }

  private static Row read(ResultSet result) throws SQLException {
    long id = result.getLong("id");
    String kindName = result.getString("kind");
    WorkflowKind kind =
        WorkflowKind.fromArgoName(kindName).orElseThrow(() -> unknown("kind", kindName, id));
    String phaseName = result.getString("phase");
    WorkflowPhase phase =
        phaseName == null
            ? null
            : WorkflowPhase.fromArgoName(phaseName)
                .orElseThrow(() -> unknown("phase", phaseName, id));
    WorkflowKey key =
        new WorkflowKey(kind, result.getString("namespace"), result.getString("name"));
    Instant created = SqlTimes.get(result, "creation_timestamp");
    WorkflowDocument document =
        new WorkflowDocument(
            key,
            result.getString("uid"),
            created,
            phase,
            Map.of(),
            SqlTimes.get(result, "started_at"),
            SqlTimes.get(result, "finished_at"),
            result.getString("document"));
    return new Row(
        id,
        document,
        result.getLong("resource_version"),
        result.getLong("created_resource_version"));
  }

  private static SQLException unknown(String column, String value, long id) {
    return new SQLException(
        "row "
            + id
            + " of workflows has "
            + column
            + " \""
            + value
            + "\", which this Argo4j does not know; was the store written by a newer version?");
  }

  private static Map<Long, Map<String, String>> labelsOf(Connection connection, List<Row> rows)
      throws SQLException {
    Map<Long, Map<String, String>> labels = new HashMap<>();
    for (int start = 0; start < rows.size(); start += LABEL_BATCH) {
      List<Row> batch = rows.subList(start, Math.min(rows.size(), start + LABEL_BATCH));
      String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT workflow_id, label_key, label_value FROM workflow_labels"
                  + " WHERE workflow_id IN ("
                  + marks
                  + ")")) {
        for (int i = 0; i < batch.size(); i++) {
          statement.setLong(i + 1, batch.get(i).id());
        }
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            labels
                .computeIfAbsent(result.getLong(1), id -> new HashMap<>())
                .put(result.getString(2), result.getString(3));
          }
        }
      }
    }
    return labels;
  }
}
