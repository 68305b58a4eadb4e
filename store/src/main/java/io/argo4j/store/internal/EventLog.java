package io.argo4j.store.internal;

import io.argo4j.store.NotFoundException;
import io.argo4j.store.WorkflowEvent;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Appends and lists the events of workflows ({@code workflow_events}). */
public final class EventLog {

  private EventLog() {}

  /** Inside a write transaction; the write lock keeps a concurrent delete from racing it. */
  public static void append(Connection connection, WorkflowEvent event)
      throws SQLException, NotFoundException {
    WriteLock.lock(connection);
    try (PreparedStatement exists =
        connection.prepareStatement("SELECT 1 FROM workflows WHERE uid = ?")) {
      exists.setString(1, event.workflowUid());
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          throw new NotFoundException(
              "cannot record event "
                  + event.reason()
                  + ": no document with uid "
                  + event.workflowUid()
                  + " is in the store (never created, or deleted)");
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow_events (workflow_uid, event_time, node_id, event_type, reason,"
                + " message) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, event.workflowUid());
      SqlTimes.set(insert, 2, event.time());
      if (event.nodeId() == null) {
        insert.setNull(3, Types.VARCHAR);
      } else {
        insert.setString(3, event.nodeId());
      }
      insert.setString(4, event.type().kubernetesName());
      insert.setString(5, event.reason());
      insert.setCharacterStream(6, new StringReader(event.message()), event.message().length());
      insert.executeUpdate();
    }
  }

  public static List<WorkflowEvent> list(Connection connection, String workflowUid)
      throws SQLException {
    List<WorkflowEvent> events = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT event_time, node_id, event_type, reason, message FROM workflow_events"
                + " WHERE workflow_uid = ? ORDER BY event_sequence")) {
      select.setString(1, workflowUid);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          events.add(
              new WorkflowEvent(
                  workflowUid,
                  SqlTimes.get(row, "event_time"),
                  row.getString("node_id"),
                  type(row.getString("event_type")),
                  row.getString("reason"),
                  row.getString("message")));
        }
      }
    }
    return events;
  }

  private static WorkflowEvent.Type type(String name) throws SQLException {
    for (WorkflowEvent.Type type : WorkflowEvent.Type.values()) {
      if (type.kubernetesName().equals(name)) {
        return type;
      }
    }
    throw new SQLException("unknown event type \"" + name + "\" in workflow_events");
  }
}
