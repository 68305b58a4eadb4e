package io.argo4j.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether standard output is a terminal, and how wide it is. */
public final class Terminal {

  private Terminal() {}

  /**
   * Whether standard output is an interactive terminal. Java 22+ says so through {@code
   * Console.isTerminal()}; before that, {@code System.console()} is null when it is not.
   */
  public static boolean stdoutIsTerminal(Map<String, String> env) {
    if ("dumb".equals(env.get("TERM"))) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only on a terminal
    }
  }

  /** The terminal's width from {@code COLUMNS}, else 100. */
  public static int width(Map<String, String> env) {
    try {
      return Integer.parseInt(env.getOrDefault("COLUMNS", "100").trim());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
