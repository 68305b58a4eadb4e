package io.argo4j.expr;

import java.util.List;
import java.util.Map;

/**
 * What a {@code depends} expression may ask of a completed task ({@code A.Succeeded}, {@code
 * A.AnySucceeded}...), as Argo's {@code TaskResults} struct.
 *
 * @param succeeded phase Succeeded
 * @param failed phase Failed
 * @param errored phase Error
 * @param skipped phase Skipped
 * @param omitted phase Omitted
 * @param daemoned the task is a daemon that has started (not Pending)
 * @param anySucceeded a task group (withItems/withParam) with at least one child Succeeded
 * @param allFailed a task group with children, all Failed
 */
public record TaskResult(
    boolean succeeded,
    boolean failed,
    boolean errored,
    boolean skipped,
    boolean omitted,
    boolean daemoned,
    boolean anySucceeded,
    boolean allFailed) {

  /** The result names a depends expression may use, in Argo's order. */
  public static final List<String> NAMES =
      List.of(
          "Succeeded",
          "Failed",
          "Errored",
          "Skipped",
          "Omitted",
          "Daemoned",
          "AnySucceeded",
          "AllFailed");

  /**
   * The result of a plain task node.
   *
   * @param phase the node phase: Succeeded, Failed, Error, Skipped, Omitted, Running, Pending
   * @param daemon whether the node is a daemon (Daemoned is true unless it is still Pending)
   */
  public static TaskResult of(String phase, boolean daemon) {
    return new TaskResult(
        "Succeeded".equals(phase),
        "Failed".equals(phase),
        "Error".equals(phase),
        "Skipped".equals(phase),
        "Omitted".equals(phase),
        daemon && !"Pending".equals(phase),
        false,
        false);
  }

  /** The result of a task group (an expanded loop) from its own phase and its children's. */
  public static TaskResult ofGroup(String phase, boolean daemon, List<String> childPhases) {
    boolean any = childPhases.stream().anyMatch("Succeeded"::equals);
    boolean all = !childPhases.isEmpty() && childPhases.stream().allMatch("Failed"::equals);
    TaskResult base = of(phase, daemon);
    return new TaskResult(
        base.succeeded,
        base.failed,
        base.errored,
        base.skipped,
        base.omitted,
        base.daemoned,
        any,
        all);
  }

  private static final List<Map<String, Object>> VIEWS = buildViews();

  private static List<Map<String, Object>> buildViews() {
    List<Map<String, Object>> views = new java.util.ArrayList<>(256);
    for (int bits = 0; bits < 256; bits++) {
      Object[] kv = new Object[16];
      for (int i = 0; i < 8; i++) {
        kv[2 * i] = NAMES.get(i);
        kv[2 * i + 1] = (bits & (1 << i)) != 0;
      }
      views.add(
          Map.of(
              (String) kv[0],
              kv[1],
              (String) kv[2],
              kv[3],
              (String) kv[4],
              kv[5],
              (String) kv[6],
              kv[7],
              (String) kv[8],
              kv[9],
              (String) kv[10],
              kv[11],
              (String) kv[12],
              kv[13],
              (String) kv[14],
              kv[15]));
    }
    return List.copyOf(views);
  }

  /** The result as the map an expression sees ({@code Succeeded -> true, ...}). */
  Map<String, Object> asMap() {
    int bits =
        (succeeded ? 1 : 0)
            | (failed ? 2 : 0)
            | (errored ? 4 : 0)
            | (skipped ? 8 : 0)
            | (omitted ? 16 : 0)
            | (daemoned ? 32 : 0)
            | (anySucceeded ? 64 : 0)
            | (allFailed ? 128 : 0);
    return VIEWS.get(bits);
  }
}
