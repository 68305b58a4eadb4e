package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.model.Workflow;
import io.argo4j.runtime.local.LocalRuntime;
import io.argo4j.runtime.local.StepLog;
import io.argo4j.store.StoredWorkflow;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j logs}: as {@code argo logs}, for the workflows of the local runtime. Each line is
 * prefixed with its pod name, {@code hello-world-x7k2p-whalesay-123: hello}.
 */
@Command(name = "logs", description = "Print the logs of a workflow or of one of its pods.")
public final class LogsCommand extends BaseCommand {

  private static final long FOLLOW_POLL_MILLIS = 200;

  @Parameters(index = "0", paramLabel = "WORKFLOW", description = "Workflow name; @latest works.")
  private String workflow;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "POD",
      description = "One pod only: its pod name, node name, display name or node ID.")
  private String pod;

  @Option(
      names = {"-c", "--container"},
      paramLabel = "NAME",
      defaultValue = "main",
      description = "Container to print (default: ${DEFAULT-VALUE}).")
  private String container;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing as logs arrive.")
  private boolean follow;

  @Option(names = "--grep", paramLabel = "REGEX", description = "Only lines matching this.")
  private String grep;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Only pods matching this label selector.")
  private String selector;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only lines newer than this, such as 5m.")
  private String since;

  @Option(names = "--since-time", paramLabel = "TIME", description = "Only lines after this time.")
  private String sinceTime;

  @Option(
      names = "--tail",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Only the last N lines (-1: all).")
  private long tail;

  @Option(names = "--timestamps", description = "Prefix lines with their timestamp.")
  private boolean timestamps;

  @Option(
      names = {"-p", "--previous"},
      description = "Logs of the previous run of the container.")
  private boolean previous;

  @Mixin private StateDirOption state;

  @Override
  public Integer call() throws Exception {
    unsupported(!container.equals("main"), "-c/--container (local steps have one container, main)");
    unsupported(selector != null, "-l/--selector");
    unsupported(since != null || sinceTime != null, "--since and --since-time (use --tail)");
    unsupported(timestamps, "--timestamps (local logs carry no timestamps)");
    unsupported(previous, "-p/--previous");
    Pattern filter;
    try {
      filter = grep == null ? null : Pattern.compile(grep);
    } catch (PatternSyntaxException e) {
      throw new CliException(
          ExitCodes.USAGE, "--grep: not a regular expression: " + e.getMessage());
    }
    try (LocalSession session = LocalSession.open(state.stateDir)) {
      if (!follow) {
        session.resumeInBackground(err());
      }
      StoredWorkflow stored = session.require(namespace(), workflow);
      if (!follow) {
        for (StepLog log : select(session.runtime(), LocalSession.workflow(stored))) {
          print(log, readAll(log), filter);
        }
        out().flush();
        return ExitCodes.OK;
      }
      return follow(session, stored, filter);
    }
  }

  private void unsupported(boolean given, String what) throws CliException {
    if (given) {
      throw new CliException(ExitCodes.USAGE, what + " is not supported by the local runtime yet");
    }
  }

  private List<StepLog> select(LocalRuntime runtime, Workflow wf) throws IOException, CliException {
    List<StepLog> logs = runtime.logs(wf);
    if (pod == null) {
      return logs;
    }
    Map<String, String> names = new HashMap<>();
    wf.status().nodes().values().forEach(n -> names.put(n.id(), n.name()));
    List<StepLog> chosen =
        logs.stream()
            .filter(l ->
                pod.equals(l.podName())
                    || pod.equals(l.nodeId())
                    || pod.equals(l.displayName())
                    || pod.equals(names.get(l.nodeId())))
            .toList();
    if (chosen.isEmpty() && !follow) {
      throw new CliException(
          ExitCodes.FAILURE,
          "workflow "
              + wf.metadata().getName()
              + " has no pod or node named "
              + pod
              + "; `argo4j get "
              + wf.metadata().getName()
              + "` lists them");
    }
    return chosen;
  }

  private List<String> readAll(StepLog log) throws IOException {
    if (!Files.exists(log.file())) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
    if (tail >= 0 && lines.size() > tail) {
      return lines.subList(lines.size() - (int) tail, lines.size());
    }
    return lines;
  }

  private void print(StepLog log, List<String> lines, Pattern filter) {
    for (String line : lines) {
      if (filter == null || filter.matcher(line).find()) {
        out().println(log.podName() + ": " + line);
      }
    }
  }

  /** Prints what is there, then new lines as they come, until the workflow has completed. */
  private int follow(LocalSession session, StoredWorkflow stored, Pattern filter)
      throws IOException, CliException, InterruptedException {
    Map<String, Long> offsets = new HashMap<>();
    Map<String, StringBuilder> partial = new HashMap<>();
    while (true) {
      Optional<StoredWorkflow> current = session.runtime().find(namespace(), stored.key().name());
      if (current.isEmpty()) {
        return ExitCodes.OK;
      }
      Workflow wf = LocalSession.workflow(current.get());
      boolean done = current.get().phase() != null && current.get().phase().completed();
      for (StepLog log : select(session.runtime(), wf)) {
        if (!offsets.containsKey(log.podName()) && tail >= 0) {
          List<String> lines = readAll(log);
          print(log, lines, filter);
          offsets.put(log.podName(), Files.exists(log.file()) ? Files.size(log.file()) : 0L);
          continue;
        }
        long offset = offsets.getOrDefault(log.podName(), 0L);
        offsets.put(
            log.podName(),
            readFrom(
                log,
                offset,
                partial.computeIfAbsent(log.podName(), k -> new StringBuilder()),
                filter));
      }
      out().flush();
      if (done) {
        partial.forEach((podName, rest) -> {
          if (rest.length() > 0) {
            out().println(podName + ": " + rest);
          }
        });
        out().flush();
        return ExitCodes.OK;
      }
      // following a workflow whose runner died: this command takes it over
      session.recover(current.get(), err());
      Thread.sleep(FOLLOW_POLL_MILLIS);
    }
  }

  private long readFrom(StepLog log, long offset, StringBuilder partial, Pattern filter)
      throws IOException {
    if (!Files.exists(log.file())) {
      return offset;
    }
    try (RandomAccessFile f = new RandomAccessFile(log.file().toFile(), "r")) {
      long size = f.length();
      if (size <= offset) {
        return offset;
      }
      byte[] bytes = new byte[(int) Math.min(size - offset, 1 << 20)];
      f.seek(offset);
      f.readFully(bytes);
      partial.append(new String(bytes, StandardCharsets.UTF_8));
      Deque<String> lines = new ArrayDeque<>();
      int start = 0;
      for (int i = 0; i < partial.length(); i++) {
        if (partial.charAt(i) == '\n') {
          lines.add(partial.substring(start, i));
          start = i + 1;
        }
      }
      String rest = partial.substring(start);
      partial.setLength(0);
      partial.append(rest);
      print(log, new ArrayList<>(lines), filter);
      return offset + bytes.length;
    }
  }
}
