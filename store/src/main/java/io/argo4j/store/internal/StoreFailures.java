package io.argo4j.store.internal;

import io.argo4j.store.StoreFailureException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns H2's SQL errors into {@link StoreFailureException}s that say what to do. */
public final class StoreFailures {

  private StoreFailures() {}

  public static StoreFailureException of(String operation, Path databaseFile, SQLException e) {
    String advice =
        switch (e.getErrorCode()) {
          case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1 ->
              "another writer held the store's write lock too long; retry";
          case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED ->
              "the connection to the process serving the store broke (it may have exited);"
                  + " retry, and read the document again first: a write may or may not have"
                  + " happened";
          case ErrorCode.FILE_CORRUPTED_1 ->
              "the database file is damaged; move it aside to start afresh, and report it";
          case ErrorCode.ERROR_OPENING_DATABASE_1, ErrorCode.DATABASE_ALREADY_OPEN_1 ->
              "check that the state directory is writable and that no other program than"
                  + " Argo4j holds the database file";
          default -> "check the state directory and retry";
        };
    return new StoreFailureException(
        operation + " failed on the store " + databaseFile + ": " + e.getMessage() + "; " + advice,
        e);
  }
}
