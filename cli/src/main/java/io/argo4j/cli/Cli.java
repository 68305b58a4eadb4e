package io.argo4j.cli;

import io.argo4j.cli.commands.NotImplementedCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the configured {@code argo4j} {@link CommandLine}: streams, colours, error handling and
 * exit codes. {@link Main} runs it for the process; tests run it in-process.
 */
public final class Cli {
  static final String NOT_IMPLEMENTED_HEADING = "Not implemented yet (they exit 2 for now):";

  private Cli() {}

  /** A command line writing to {@code out} and {@code err}, coloured as {@code style} says. */
  public static CommandLine commandLine(Style style, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Argo4jCommand(style));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setColorScheme(style.colorScheme());
    commandLine.setUsageHelpAutoWidth(true);
    // As with Go's flag package, a repeated flag takes its last value instead of failing.
    commandLine.setOverwrittenOptionsAllowed(true);
    Handlers handlers = new Handlers(style);
    commandLine.setParameterExceptionHandler(handlers);
    commandLine.setExecutionExceptionHandler(handlers);
    registerEnumConverters(commandLine);
    configureHelp(commandLine);
    return commandLine;
  }

  /** Whether the command, or for a group any of its commands, does something real today. */
  public static boolean isImplemented(CommandSpec spec) {
    if (spec.userObject() instanceof NotImplementedCommand) {
      return false;
    }
    if (spec.subcommands().isEmpty() || spec.userObject() instanceof Argo4jCommand) {
      return true;
    }
    return spec.subcommands().values().stream()
        .anyMatch(sub -> isImplemented(sub.getCommandSpec()));
  }

  private record Handlers(Style style)
      implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** A usage error: what was wrong, maybe "did you mean", and where help is. Exit 2. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine command = ex.getCommandLine();
      PrintWriter err = command.getErr();
      String name = command.getCommandSpec().qualifiedName();
      err.println(style.red(name + ": " + usageMessage(ex)));
      UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + name + " --help' for more information.");
      err.flush();
      return ExitCodes.USAGE;
    }

    /** A {@link CliException} is the user's to fix; anything else is our bug. */
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine command, ParseResult parseResult) {
      PrintWriter err = command.getErr();
      boolean verbose =
          command.getCommandSpec().root().userObject() instanceof Argo4jCommand root
              && root.verbose();
      int exitCode;
      if (ex instanceof CliException failure) {
        err.println(style.red(command.getCommandSpec().qualifiedName() + ": " + ex.getMessage()));
        if (verbose && ex.getCause() != null) {
          ex.printStackTrace(err);
        }
        exitCode = failure.exitCode();
      } else {
        err.println(style.red(internalError(ex)));
        if (verbose) {
          ex.printStackTrace(err);
        } else {
          err.println("run with -v for details");
        }
        exitCode = ExitCodes.INTERNAL;
      }
      err.flush();
      return exitCode;
    }
  }

  // picocli's wording, made plainer where it reads oddly.
  private static String usageMessage(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && unmatched.getUnmatched().size() == 1
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return ex.getMessage().replace("option option", "option");
  }

  static String internalError(Throwable ex) {
    String message = ex.getMessage();
    return "argo4j: internal error: "
        + (message == null || message.isBlank() ? ex.getClass().getName() : message);
  }

  // Enum flag values are lower case on the command line (-o json) whatever the constant's case, and
  // a wrong one names the valid values as the user types them.
  private static void registerEnumConverters(CommandLine root) {
    Set<Class<?>> enums = new LinkedHashSet<>();
    collectEnums(root.getCommandSpec(), enums);
    for (Class<?> type : enums) {
      registerEnumConverter(root, type);
    }
  }

  private static void collectEnums(CommandSpec spec, Set<Class<?>> enums) {
    for (ArgSpec arg : spec.args()) {
      List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
      types.add(arg.type());
      types.stream().filter(Class::isEnum).forEach(enums::add);
    }
    spec.subcommands().values().forEach(sub -> collectEnums(sub.getCommandSpec(), enums));
  }

  private static <T> void registerEnumConverter(CommandLine root, Class<T> type) {
    root.registerConverter(type, value -> type.cast(enumConstant(type, value)));
  }

  static Object enumConstant(Class<?> type, String value) {
    List<String> valid = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      if (constant.toString().equalsIgnoreCase(value) || name.equalsIgnoreCase(value)) {
        return constant;
      }
      valid.add(constant.toString());
    }
    throw new TypeConversionException(
        "expected one of " + String.join(", ", valid) + " but was '" + value + "'");
  }

  // Help is laid out like argo's: a short synopsis, the command's own flags, then the global ones,
  // and the verbs that work listed apart from those only declared for now.
  private static void configureHelp(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    spec.usageMessage().abbreviateSynopsis(true);
    if (!spec.positionalParameters().isEmpty()) {
      spec.usageMessage().parameterListHeading("%nArguments:%n");
    }
    Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
    sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
    sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, Cli::optionList);
    if (!command.getSubcommands().isEmpty()) {
      sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
      sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Cli::commandList);
    }
    command.getSubcommands().values().forEach(Cli::configureHelp);
  }

  private static String optionList(Help help) {
    List<OptionSpec> own = new ArrayList<>();
    List<OptionSpec> global = new ArrayList<>();
    for (OptionSpec option : help.commandSpec().options()) {
      if (!option.hidden()) {
        (option.scopeType() == ScopeType.INHERIT ? global : own).add(option);
      }
    }
    Comparator<OptionSpec> byName =
        Comparator.comparing(
            option -> option.shortestName().replaceFirst("^-+", ""), String.CASE_INSENSITIVE_ORDER);
    StringBuilder text = new StringBuilder();
    if (!own.isEmpty()) {
      text.append(help.createHeading("%nFlags:%n"))
          .append(
              help.optionListExcludingGroups(
                  own, help.createDefaultLayout(), byName, help.createDefaultParamLabelRenderer()));
    }
    if (!global.isEmpty()) {
      text.append(help.createHeading("%nGlobal flags:%n"))
          .append(
              help.optionListExcludingGroups(
                  global,
                  help.createDefaultLayout(),
                  byName,
                  help.createDefaultParamLabelRenderer()));
    }
    return endLine(text.toString());
  }

  // picocli's option table leaves its last line open; help with no command list or footer after it
  // would end without a newline.
  private static String endLine(String text) {
    return text.isEmpty() || text.endsWith("\n") ? text : text + System.lineSeparator();
  }

  private static String commandList(Help help) {
    Map<String, Help> ready = new LinkedHashMap<>();
    Map<String, Help> later = new LinkedHashMap<>();
    help.subcommands()
        .forEach((name, sub) -> (isImplemented(sub.commandSpec()) ? ready : later).put(name, sub));
    StringBuilder text = new StringBuilder();
    if (!ready.isEmpty()) {
      text.append(help.createHeading("%nCommands:%n")).append(help.commandList(ready));
    }
    if (!later.isEmpty()) {
      text.append(help.createHeading("%n" + NOT_IMPLEMENTED_HEADING + "%n"))
          .append(help.commandList(later));
    }
    return text.toString();
  }
}
