package io.argo4j.cli.commands;

import io.argo4j.cli.BuildInfo;
import io.argo4j.cli.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code argo4j version}: prints as {@code argo version} does. */
@Command(name = "version", description = "Print the version, build and platform.")
public final class VersionCommand extends BaseCommand {
  @Option(names = "--short", description = "Print the version only.")
  private boolean shortForm;

  @Override
  public Integer call() {
    BuildInfo info = BuildInfo.current();
    PrintWriter out = out();
    out.println("argo4j: v" + info.version());
    if (!shortForm) {
      out.println("  BuildDate: " + info.buildDate());
      info.gitCommit().ifPresent(commit -> out.println("  GitCommit: " + commit));
      out.println("  JavaVersion: " + info.javaVersion());
      out.println("  Platform: " + info.platform());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
