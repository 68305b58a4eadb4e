package io.argo4j.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks (2) and (3) of docs/benchmarks.md, side by side in one run, printed as Markdown:
 *
 * <ul>
 *   <li>(2) {@code argo4j run} of a seeded random 200-task DAG of {@code true} (20 layers × 10)
 *       against {@code make -j2} running the same graph from a generated Makefile;
 *   <li>(3) start-up: from the start of {@code argo4j run} of a one-step workflow to the start of
 *       its step (the step writes {@code date +%s%N} to an output parameter), and its total wall
 *       time, against {@code java -version}.
 * </ul>
 *
 * <p>Usage: {@code RunVsMake ARGO4J_LAUNCHER JAVA [REPETITIONS]}; see bench/run-vs-make.sh.
 */
public final class RunVsMake {

  private static final Pattern RESULT = Pattern.compile("\"value\"\\s*:\\s*\"(\\d{16,})\"");
  private static final long SEED = 42;

  private RunVsMake() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RunVsMake ARGO4J_LAUNCHER JAVA [REPETITIONS]");
      System.exit(2);
    }
    String argo4j = Path.of(args[0]).toAbsolutePath().toString();
    String java = args[1];
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path dir = Files.createTempDirectory("argo4j-bench");

    RandomDag dag = RandomDag.generate(20, 10, SEED);
    Files.writeString(dir.resolve("dag.yaml"), dag.workflowYaml("dag-200"));
    Files.writeString(dir.resolve("Makefile"), dag.makefile());
    Files.writeString(dir.resolve("hello.yaml"), HELLO);

    List<Duration> make = new ArrayList<>();
    List<Duration> run = new ArrayList<>();
    List<Duration> javaVersion = new ArrayList<>();
    List<Duration> toFirstStep = new ArrayList<>();
    List<Duration> hello = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      make.add(Timed.run(List.of("make", "-s", "-j2"), dir, Map.of()).wall());
      run.add(
          Timed.run(List.of(argo4j, "run", "dag.yaml"), dir, Map.of("ARGO4J_HOME", fresh(dir)))
              .wall());
      javaVersion.add(Timed.run(List.of(java, "-version"), dir, Map.of()).wall());
      Timed.Run h =
          Timed.run(
              List.of(argo4j, "run", "-o", "json", "hello.yaml"),
              dir,
              Map.of("ARGO4J_HOME", fresh(dir)));
      hello.add(h.wall());
      toFirstStep.add(Duration.ofNanos(stepStart(h.output()) - h.startEpochNanos()));
    }
    print(reps, make, run, javaVersion, toFirstStep, hello);
  }

  private static String fresh(Path dir) throws java.io.IOException {
    return Files.createTempDirectory(dir, "state").toString();
  }

  private static long stepStart(String json) {
    Matcher m = RESULT.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(
          "no output parameter started (date +%s%N) in the output:\n" + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static void print(
      int reps,
      List<Duration> make,
      List<Duration> run,
      List<Duration> javaVersion,
      List<Duration> toFirstStep,
      List<Duration> hello) {
    Duration mk = Timed.median(make);
    Duration rn = Timed.median(run);
    Duration jv = Timed.median(javaVersion);
    Duration first = Timed.median(toFirstStep);
    Duration total = Timed.median(hello);
    System.out.printf(
        Locale.ROOT,
        "Machine: %d cores, load average %.1f at the end; %d repetitions, medians; every argo4j"
            + " run with a fresh state directory.%n%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        reps);
    System.out.println("| (2) 200-task DAG of `true` | wall (median) | all runs | ratio |");
    System.out.println("|---|---:|---|---:|");
    System.out.println("| `make -j2` | " + Timed.ms(mk) + " | " + all(make) + " | 1.0× |");
    System.out.println(
        "| `argo4j run` | " + Timed.ms(rn) + " | " + all(run) + " | " + Timed.ratio(rn, mk) + " |");
    System.out.printf(
        Locale.ROOT,
        "%nOverhead of argo4j over make: %s per task ((argo4j − make) / 200).%n%n",
        Timed.ms(rn.minus(mk).dividedBy(200)));
    System.out.println("| (3) start-up | wall (median) | all runs | × `java -version` |");
    System.out.println("|---|---:|---|---:|");
    System.out.println(
        "| `java -version` | " + Timed.ms(jv) + " | " + all(javaVersion) + " | 1.0× |");
    System.out.println(
        "| `argo4j run hello` → step starts | "
            + Timed.ms(first)
            + " | "
            + all(toFirstStep)
            + " | "
            + Timed.ratio(first, jv)
            + " |");
    System.out.println(
        "| `argo4j run hello`, total | "
            + Timed.ms(total)
            + " | "
            + all(hello)
            + " | "
            + Timed.ratio(total, jv)
            + " |");
  }

  private static String all(List<Duration> values) {
    return String.join(", ", values.stream().map(d -> String.valueOf(d.toMillis())).toList());
  }

  private static final String HELLO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-world-
      spec:
        entrypoint: hello
        templates:
        - name: hello
          container:
            image: busybox
            command: [sh, -c, "date +%s%N > /tmp/started"]
          outputs:
            parameters:
            - name: started
              valueFrom:
                path: /tmp/started
      """;
}
