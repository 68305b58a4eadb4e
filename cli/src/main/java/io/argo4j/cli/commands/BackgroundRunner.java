package io.argo4j.cli.commands;

import io.argo4j.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code argo4j ARGS} as a process of its own that outlives this one (in its own session
 * when {@code setsid} exists, so a Ctrl-C in this terminal does not reach it), its output going to
 * a log file. {@code submit} uses it to run a workflow after returning.
 */
final class BackgroundRunner {

  private BackgroundRunner() {}

  /** Starts the process; returns it (its pid is the runner's: setsid execs it). */
  static ProcessHandle start(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      command.add(setsid.toString());
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start()
        .toHandle();
  }
}
