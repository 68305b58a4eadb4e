package io.argo4j.cli.commands;

import io.argo4j.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;

/** In-process {@code argo4j} invocations on one state directory, their output captured. */
record LocalCli(Path state) {

  record Run(int exitCode, String out, String err) {}

  Run argo4j(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state-dir", state.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            all.toArray(String[]::new),
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            Help.Ansi.OFF);
    return new Run(code, out.toString(), err.toString());
  }
}
