package io.argo4j.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store-wide write lock: the row of the resource version counter. Every write transaction locks
 * it first and holds it until it commits, so writes commit one at a time in the order of the
 * versions they took. A reader that sees version N therefore sees every write below N, which is
 * what makes polling {@code changesSince} lossless. Taking it first in every writer also rules out
 * deadlocks.
 */
final class WriteLock {

  private static final String COUNTER = "resource_version";

  private WriteLock() {}

  /** Locks the store for this transaction and returns the resource version its write gets. */
  static long lockAndTakeNextVersion(Connection connection) throws SQLException {
    // One statement increments and returns the new value: reading it back with a second SELECT
    // could, under concurrent writers, hand two transactions the same version.
    try (PreparedStatement increment =
        connection.prepareStatement(
            "SELECT counter_value FROM FINAL TABLE (UPDATE store_counter SET counter_value ="
                + " counter_value + 1 WHERE counter_name = ?)")) {
      increment.setString(1, COUNTER);
      try (ResultSet row = increment.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("the resource version counter row is missing");
        }
        return row.getLong(1);
      }
    }
  }

  /** Locks the store for this transaction without taking a version (writes that watchers skip). */
  static void lock(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT counter_value FROM store_counter WHERE counter_name = ? FOR UPDATE")) {
      select.setString(1, COUNTER);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("the resource version counter row is missing");
        }
      }
    }
  }

  /** The version of the last committed write (or this transaction's, once it took one). */
  static long current(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT counter_value FROM store_counter WHERE counter_name = ?")) {
      select.setString(1, COUNTER);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("the resource version counter row is missing");
        }
        return row.getLong(1);
      }
    }
  }
}
