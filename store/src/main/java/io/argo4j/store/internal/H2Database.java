package io.argo4j.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Connections to one H2 file database in automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first
 * process to open the file serves it on a random TCP port, written with a random key to its lock
 * file, and the others read both there and connect to that process. When the serving process exits,
 * the next connection of another process opens the file itself and serves it from then on.
 *
 * <p>Each operation takes a fresh connection. While this process serves the database, one extra
 * connection (the keeper) holds it open between operations, so that it is not closed and reopened
 * each time; a process that is only a client keeps nothing open.
 */
public final class H2Database implements AutoCloseable {

  /** File name of the database in the state directory, without H2's {@code .mv.db} suffix. */
  public static final String DATABASE_NAME = "argo4j-store";

  private final Path databasePath;
  private final boolean syncWrites;
  private final JdbcDataSource dataSource;
  private final Object keeperLock = new Object();
  private Connection keeper;
  private volatile boolean closed;

  public H2Database(Path stateDirectory, int lockTimeoutMillis, boolean syncWrites) {
    this.syncWrites = syncWrites;
    this.databasePath = stateDirectory.toAbsolutePath().resolve(DATABASE_NAME);
    String location = databasePath.toString();
    if (location.contains(";")) {
      throw new IllegalArgumentException(
          "the state directory "
              + stateDirectory
              + " contains ';', which H2 cannot take in a database path; choose another directory");
    }
    this.dataSource = new JdbcDataSource();
    // WRITE_DELAY=0: each commit is written to the file before it returns (the default waits
    // up to 500 ms, so a killed process would lose acknowledged writes).
    dataSource.setURL(
        "jdbc:h2:file:"
            + location
            + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT="
            + lockTimeoutMillis);
    dataSource.setUser("sa");
    dataSource.setPassword("");
  }

  /** One writer at a time per database file in this JVM (see {@link #writeMutex()}). */
  private static final java.util.concurrent.ConcurrentHashMap<
          Path, java.util.concurrent.locks.ReentrantLock>
      WRITE_MUTEXES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The in-process mutex write transactions hold from start to end. The counter row lock should
   * serialise writers on its own, but under concurrent writers H2 (2.x, READ COMMITTED) was seen to
   * let two transactions read the same state, losing an update; serialising them in the JVM closes
   * that. Writers in other processes still rely on H2's row lock.
   */
  public java.util.concurrent.locks.ReentrantLock writeMutex() {
    return WRITE_MUTEXES.computeIfAbsent(
        databasePath, p -> new java.util.concurrent.locks.ReentrantLock());
  }

  /** The database file, as H2 names it. */
  public Path databaseFile() {
    return databasePath.resolveSibling(DATABASE_NAME + ".mv.db");
  }

  /** Whether each write transaction forces the file to the device after committing. */
  public boolean syncWrites() {
    return syncWrites;
  }

  /** A new connection in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the store at " + databaseFile() + " is closed");
    }
    Connection connection = connectThroughHandover();
    if (servedHere(connection)) {
      keepOpen();
    }
    return connection;
  }

  /** How long an operation waits for the serving process to hand the file over. */
  public static final long HANDOVER_WAIT_MILLIS = 15_000;

  /**
   * Whether {@code e} means the process that served the database has gone or is going: its
   * connections break, and until its lock file goes H2 reports the file "already in use". A
   * background runner finishing while a command starts does that. A new connection then opens the
   * file itself, so an operation that had not started may simply be tried again.
   */
  public static boolean servingProcessGone(SQLException e) {
    return switch (e.getErrorCode()) {
      case ErrorCode.DATABASE_ALREADY_OPEN_1,
          ErrorCode.CONNECTION_BROKEN_1,
          ErrorCode.DATABASE_IS_CLOSED ->
          true;
      default -> false;
    };
  }

  /** Runs {@code attempt} again while it fails because the serving process went, for a while. */
  public static <T> T throughHandover(SqlAttempt<T> attempt) throws SQLException {
    long deadline = System.nanoTime() + HANDOVER_WAIT_MILLIS * 1_000_000;
    long pause = 20;
    while (true) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (!servingProcessGone(e) || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the store", e);
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  /** One try of an operation that may be repeated. */
  @FunctionalInterface
  public interface SqlAttempt<T> {
    T run() throws SQLException;
  }

  private Connection connectThroughHandover() throws SQLException {
    return throughHandover(dataSource::getConnection);
  }

  private void keepOpen() throws SQLException {
    synchronized (keeperLock) {
      if (closed || (keeper != null && !keeper.isClosed() && servedHere(keeper))) {
        return;
      }
      closeQuietly(keeper);
      keeper = dataSource.getConnection();
    }
  }

  private static boolean servedHere(Connection connection) throws SQLException {
    return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
  }

  /**
   * Stops holding the database open. It closes, with its server and lock watchdog threads, when the
   * last operation of this or another process on it ends.
   */
  @Override
  public void close() {
    synchronized (keeperLock) {
      closed = true;
      closeQuietly(keeper);
      keeper = null;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // A keeper whose server went away cannot be closed cleanly; nothing is left to release.
    }
  }
}
