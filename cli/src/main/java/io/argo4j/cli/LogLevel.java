package io.argo4j.cli;

import java.util.Locale;

/** Values of the global {@code --loglevel} flag, spelled as {@code argo} spells them. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
