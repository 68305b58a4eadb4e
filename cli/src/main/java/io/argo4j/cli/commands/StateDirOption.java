package io.argo4j.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir DIR}: where the local runtime keeps workflows (default {@code ~/.argo4j}). */
final class StateDirOption {
  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Folder of the local runtime's state: store, step directories and logs (default:"
              + " $ARGO4J_HOME, else ~/.argo4j).")
  Path stateDir;
}
