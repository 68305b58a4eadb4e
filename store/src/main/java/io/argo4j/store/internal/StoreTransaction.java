package io.argo4j.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.Constants;

/**
 * One transaction on its own connection. Closing it rolls back whatever was not committed and
 * closes the connection, so {@code try (var tx = ...)} cannot leak either.
 */
public final class StoreTransaction implements AutoCloseable {

  private final Connection connection;

  /** Held by a write transaction until it closes. */
  private java.util.concurrent.locks.ReentrantLock mutex;

  private final boolean forceToDisk;
  private boolean committed;

  private StoreTransaction(Connection connection, boolean forceToDisk) {
    this.connection = connection;
    this.forceToDisk = forceToDisk;
  }

  /**
   * A read-write transaction at read-committed isolation: after taking the write lock it sees every
   * earlier commit.
   */
  public static StoreTransaction write(H2Database database) throws SQLException {
    java.util.concurrent.locks.ReentrantLock mutex = database.writeMutex();
    mutex.lock();
    try {
      StoreTransaction tx =
          begin(database, Connection.TRANSACTION_READ_COMMITTED, database.syncWrites());
      tx.mutex = mutex;
      return tx;
    } catch (SQLException | RuntimeException e) {
      mutex.unlock();
      throw e;
    }
  }

  /** A read-only transaction that sees one snapshot across all its statements. */
  public static StoreTransaction read(H2Database database) throws SQLException {
    return begin(database, Constants.TRANSACTION_SNAPSHOT, false);
  }

  private static StoreTransaction begin(H2Database database, int isolation, boolean forceToDisk)
      throws SQLException {
    // nothing has happened yet: a serving process that went away between connecting and setting
    // up is waited out
    return H2Database.throughHandover(() -> beginOnce(database, isolation, forceToDisk));
  }

  private static StoreTransaction beginOnce(H2Database database, int isolation, boolean forceToDisk)
      throws SQLException {
    Connection connection = database.connect();
    try {
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(false);
      return new StoreTransaction(connection, forceToDisk);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Commits; the commit is in the file when this returns (WRITE_DELAY=0), which survives the
   * process being killed. With {@code syncWrites} the file is also forced to the device, which
   * survives the machine losing power.
   *
   * @throws WriteNotForcedException when the commit happened but forcing it to disk failed
   */
  public void commit() throws SQLException {
    connection.commit();
    committed = true;
    if (forceToDisk) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT SYNC");
      } catch (SQLException e) {
        throw new WriteNotForcedException(e);
      }
    }
  }

  /** The transaction committed, but the file could not be forced to the device afterwards. */
  public static final class WriteNotForcedException extends SQLException {
    WriteNotForcedException(SQLException cause) {
      super(
          "the write was committed but forcing it to disk failed, so a power loss could still"
              + " lose it: "
              + cause.getMessage(),
          cause.getSQLState(),
          cause.getErrorCode(),
          cause);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!committed) {
        connection.rollback();
      }
    } finally {
      try {
        connection.close();
      } finally {
        if (mutex != null) {
          mutex.unlock();
        }
      }
    }
  }
}
