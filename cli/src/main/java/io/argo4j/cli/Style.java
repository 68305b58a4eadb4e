package io.argo4j.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.IStyle;

/**
 * Whether output is coloured, decided once per invocation, and the helpers that colour text.
 *
 * <p>Colour is off when {@code --no-color} is given, when {@code NO_COLOR} is set to anything
 * non-empty (https://no-color.org), when {@code TERM=dumb}, or when the terminal does not take ANSI
 * (picocli's {@link Help.Ansi#AUTO} decides that last point). Commands take the instance from
 * {@code BaseCommand.style()}; they never write escape codes themselves.
 *
 * @param color whether ANSI escape codes are written
 */
public record Style(boolean color) {
  /** No colour at all. */
  public static final Style PLAIN = new Style(false);

  /**
   * Decides colour for one invocation.
   *
   * @param terminal what the terminal supports; {@link Help.Ansi#AUTO} in production
   * @param env the process environment
   * @param args the command line, scanned for {@code --no-color} before picocli parses it so that
   *     even help and usage errors honour it
   */
  public static Style detect(Help.Ansi terminal, Map<String, String> env, List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals("--no-color")) {
        return PLAIN;
      }
    }
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return PLAIN;
    }
    if ("dumb".equals(env.get("TERM"))) {
      return PLAIN;
    }
    return new Style(terminal.enabled());
  }

  /** The picocli setting matching this style. */
  public Help.Ansi ansi() {
    return color ? Help.Ansi.ON : Help.Ansi.OFF;
  }

  /** The colours of usage help. */
  public Help.ColorScheme colorScheme() {
    return Help.defaultColorScheme(ansi());
  }

  /** {@code text} wrapped in the given styles, or {@code text} unchanged without colour. */
  public String apply(String text, IStyle... styles) {
    if (!color || styles.length == 0) {
      return text;
    }
    // A full reset rather than each style's "off" code: bold's off code (21) is double underline in
    // some terminals.
    return Help.Ansi.Style.on(styles) + text + Help.Ansi.Style.reset.on();
  }

  public String bold(String text) {
    return apply(text, Help.Ansi.Style.bold);
  }

  public String faint(String text) {
    return apply(text, Help.Ansi.Style.faint);
  }

  public String red(String text) {
    return apply(text, Help.Ansi.Style.fg_red);
  }

  public String green(String text) {
    return apply(text, Help.Ansi.Style.fg_green);
  }

  public String yellow(String text) {
    return apply(text, Help.Ansi.Style.fg_yellow);
  }

  public String cyan(String text) {
    return apply(text, Help.Ansi.Style.fg_cyan);
  }
}
