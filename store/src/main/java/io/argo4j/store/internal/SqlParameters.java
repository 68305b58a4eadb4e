package io.argo4j.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Binds the parameters of statements built at run time, in order. */
final class SqlParameters {

  private SqlParameters() {}

  static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      switch (value) {
        case String text -> statement.setString(i + 1, text);
        case Long number -> statement.setLong(i + 1, number);
        case Integer number -> statement.setInt(i + 1, number);
        case Instant time -> SqlTimes.set(statement, i + 1, time);
        default ->
            throw new IllegalArgumentException(
                "unsupported SQL parameter type " + value.getClass().getName());
      }
    }
  }
}
