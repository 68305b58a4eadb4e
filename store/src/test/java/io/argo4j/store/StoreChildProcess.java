package io.argo4j.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The other process of the multi-process tests, started by {@link ChildJvm}. It reports progress on
 * standard output, one line per fact, and prints {@code ACK} only after a write returned.
 *
 * <ul>
 *   <li>{@code write DIR PREFIX COUNT}: creates, completes and records an event for COUNT workflows
 *       named PREFIX-i, printing {@code ACK i resourceVersion} after each; then {@code DONE}.
 *   <li>{@code serve DIR}: opens the store, creates {@code served-by-child}, prints {@code READY}
 *       and waits for a line on standard input before closing and printing {@code CLOSED}.
 *   <li>{@code hammer DIR ROUND}: until killed, updates the {@code counter} document (about 32 KiB)
 *       and creates {@code wf-ROUND-i}, printing {@code ACK i} after both returned.
 * </ul>
 */
public final class StoreChildProcess {

  private StoreChildProcess() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    switch (args[0]) {
      case "write" -> write(directory, args[2], Integer.parseInt(args[3]));
      case "serve" -> serve(directory);
      case "hammer" -> hammer(directory, args[2]);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void write(Path directory, String prefix, int count) throws Exception {
    try (H2WorkflowRepository store = H2WorkflowRepository.open(directory)) {
      for (int i = 0; i < count; i++) {
        StoredWorkflow created =
            store.create(
                WorkflowDocument.of(WorkflowKey.workflow("argo", prefix + "-" + i), "{}")
                    .withLabels(Map.of("writer", prefix))
                    .withPhase(WorkflowPhase.RUNNING));
        StoredWorkflow done =
            store.update(
                created.document().withPhase(WorkflowPhase.SUCCEEDED).withJson("{\"i\":" + i + "}"),
                created.resourceVersion());
        store.appendEvent(
            new WorkflowEvent(
                done.uid(),
                done.creationTimestamp(),
                null,
                WorkflowEvent.Type.NORMAL,
                "WorkflowSucceeded",
                prefix + " " + i));
        say("ACK " + i + " " + done.resourceVersion());
      }
    }
    say("DONE");
  }

  private static void serve(Path directory) throws Exception {
    try (H2WorkflowRepository store = H2WorkflowRepository.open(directory)) {
      WorkflowKey key = WorkflowKey.workflow("argo", "served-by-child");
      if (store.get(key).isEmpty()) {
        store.create(WorkflowDocument.of(key, "{}"));
      }
      say("READY");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    say("CLOSED");
  }

  private static void hammer(Path directory, String round) throws Exception {
    String padding = "x".repeat(32 * 1024);
    try (H2WorkflowRepository store = H2WorkflowRepository.open(directory)) {
      WorkflowKey key = WorkflowKey.workflow("argo", "counter");
      StoredWorkflow counter =
          store.get(key).isPresent()
              ? store.get(key).get()
              : store.create(WorkflowDocument.of(key, "{\"n\":0}"));
      for (int i = 1; ; i++) {
        counter =
            store.update(
                counter
                    .document()
                    .withLabels(Map.of("round", round, "n", "" + i))
                    .withJson(
                        "{\"round\":\""
                            + round
                            + "\",\"n\":"
                            + i
                            + ",\"pad\":\""
                            + padding
                            + "\"}"),
                counter.resourceVersion());
        store.create(
            WorkflowDocument.of(WorkflowKey.workflow("argo", "wf-" + round + "-" + i), "{}"));
        say("ACK " + i);
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
