package io.argo4j.runtime.local;

import io.argo4j.engine.NodeIds;
import io.argo4j.engine.Submission;
import io.argo4j.engine.UserActionException;
import io.argo4j.engine.WorkflowRetry;
import io.argo4j.executor.ExecutorConfigException;
import io.argo4j.executor.StepDirectory;
import io.argo4j.executor.StepExecutor;
import io.argo4j.model.ClusterWorkflowTemplate;
import io.argo4j.model.Manifest;
import io.argo4j.model.NodeStatus;
import io.argo4j.model.NodeType;
import io.argo4j.model.OtherResource;
import io.argo4j.model.Workflow;
import io.argo4j.model.WorkflowTemplate;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.runtime.local.internal.LocalLocks;
import io.argo4j.runtime.local.internal.RunnerHandover;
import io.argo4j.runtime.local.internal.RunnerLock;
import io.argo4j.runtime.local.internal.StepPool;
import io.argo4j.runtime.local.internal.WorkflowDocuments;
import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.ConflictException;
import io.argo4j.store.H2WorkflowRepository;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.StoredWorkflow;
import io.argo4j.store.WorkflowKey;
import io.argo4j.store.WorkflowKind;
import io.argo4j.store.WorkflowQuery;
import io.argo4j.store.WorkflowRepository;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs Argo workflows on this machine: each step a local process, state in an embedded store under
 * a state directory ({@code ~/.argo4j} by default). Several argo4j processes may share a state
 * directory; a per-workflow runner lock makes sure only one of them runs a given workflow, and
 * {@link #recover} finishes workflows whose runner died.
 */
public final class LocalRuntime implements AutoCloseable {

  /** Label recording that a workflow was run by the local runtime. */
  public static final String RUNTIME_LABEL = "argo4j.io/runtime";

  private static final String TEMPLATES_FILE = "templates.yaml";
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  private final LocalRuntimeConfig config;
  private final H2WorkflowRepository repository;
  private final SecureRandom random = new SecureRandom();
  private StepExecutor executor;
  private LocalLocks locks;

  private LocalRuntime(LocalRuntimeConfig config, H2WorkflowRepository repository) {
    this.config = config;
    this.repository = repository;
  }

  /**
   * Opens the state directory (creating it if needed).
   *
   * @throws io.argo4j.store.StoreFailureException when the store cannot be opened
   */
  public static LocalRuntime open(LocalRuntimeConfig config) {
    H2WorkflowRepository repository =
        H2WorkflowRepository.open(
            config.stateDirectory(),
            io.argo4j.store.H2StoreOptions.defaults().withClock(config.clock()));
    return new LocalRuntime(config, repository);
  }

  public LocalRuntimeConfig config() {
    return config;
  }

  /** The store of this state directory. */
  public WorkflowRepository repository() {
    return repository;
  }

  /** Where the step directories, logs and lock of the workflow with {@code uid} are. */
  public Path workflowDirectory(String uid) {
    return config.stateDirectory().resolve("workflows").resolve(uid);
  }

  synchronized StepExecutor executor() {
    if (executor == null) {
      throw new IllegalStateException("no step executor: call requireExecutor() first");
    }
    return executor;
  }

  /**
   * The mutexes and semaphores of this process's workflows. Built on first use from the stored
   * statuses of every unfinished workflow, so that a restarted process keeps what its interrupted
   * workflows held; other processes' holdings are read again from the store as runs claim locks.
   */
  synchronized LocalLocks locks() {
    if (locks == null) {
      locks = new LocalLocks(this::unfinishedWorkflows);
    }
    return locks;
  }

  /** The stored workflows that are not completed. */
  private List<Workflow> unfinishedWorkflows() {
    List<Workflow> unfinished = new ArrayList<>();
    for (StoredWorkflow s :
        listAll(
            WorkflowQuery.inAllNamespaces(WorkflowKind.WORKFLOW)
                .withCompletion(WorkflowQuery.Completion.RUNNING))) {
      unfinished.add(WorkflowDocuments.workflow(s));
    }
    return unfinished;
  }

  private synchronized void requireExecutor() throws ExecutorConfigException {
    if (executor == null) {
      executor = StepExecutor.create(config.executor());
    }
  }

  /**
   * Submits {@code manifest} as {@code argo submit} does (generateName, parameters, entrypoint) and
   * returns its run, holding the runner lock; call {@link WorkflowRun#run()} to run it.
   *
   * @throws AlreadyExistsException when a workflow of the same name is stored already
   * @throws IllegalArgumentException when the manifest has neither name nor generateName
   */
  public WorkflowRun submit(
      Workflow manifest, TemplateSet templates, SubmitOptions options, RunListener listener)
      throws AlreadyExistsException, IOException, ExecutorConfigException {
    requireExecutor();
    Created created = store(manifest, templates, options);
    return new WorkflowRun(this, created.stored(), templates, created.lock(), listener);
  }

  /**
   * Stores a submitted workflow without running it: it is then like an interrupted workflow, which
   * the next {@link #recover} (of this process or another) runs.
   */
  public StoredWorkflow create(Workflow manifest, TemplateSet templates, SubmitOptions options)
      throws AlreadyExistsException, IOException {
    Created created = store(manifest, templates, options);
    created.lock().close();
    return created.stored();
  }

  /**
   * Stores a new workflow copied from {@code previous} as {@code argo resubmit} does (see {@link
   * Resubmission}), with the templates the earlier one was submitted with; like {@link #create}, it
   * is run by the next {@link #recover}.
   *
   * @param parameters {@code -p name=value} overrides of the copied spec's parameters
   * @param priority {@code --priority}, or null to keep the earlier one
   */
  public StoredWorkflow resubmit(
      StoredWorkflow previous, Map<String, String> parameters, Integer priority)
      throws AlreadyExistsException, IOException {
    Workflow manifest = Resubmission.of(workflow(previous), priority);
    TemplateSet templates = templates(workflowDirectory(previous.uid()));
    SubmitOptions options =
        new SubmitOptions(previous.key().namespace(), parameters, null, Map.of());
    return create(manifest, templates, options);
  }

  private record Created(StoredWorkflow stored, RunnerLock lock) {}

  private Created store(Workflow manifest, TemplateSet templates, SubmitOptions options)
      throws AlreadyExistsException, IOException {
    String uid = UUID.randomUUID().toString();
    Submission submission =
        new Submission(
            options.namespace(),
            randomSuffix(),
            uid,
            config.clock().instant(),
            options.parameters(),
            options.entrypoint(),
            options.labels());
    Workflow submitted = submission.apply(manifest);
    Path dir = workflowDirectory(submitted.metadata().getUid());
    RunnerLock lock =
        RunnerLock.tryAcquire(dir)
            .orElseThrow(
                () -> new IllegalStateException("the new workflow's lock is taken: " + dir));
    try {
      if (!templates.isEmpty()) {
        List<Manifest> all = new ArrayList<>(templates.workflowTemplates());
        all.addAll(templates.clusterTemplates());
        all.addAll(templates.configMaps());
        Files.writeString(
            dir.resolve(TEMPLATES_FILE), ManifestWriter.create().toYamlDocuments(all));
      }
      return new Created(repository.create(WorkflowDocuments.document(submitted)), lock);
    } catch (AlreadyExistsException | IOException | RuntimeException e) {
      lock.close();
      deleteTree(dir);
      throw e;
    }
  }

  /**
   * The run of a stored workflow no runner holds, with its lock; empty if another runner holds it.
   */
  public Optional<WorkflowRun> resume(StoredWorkflow stored, RunListener listener)
      throws IOException, ExecutorConfigException {
    requireExecutor();
    Path dir = workflowDirectory(stored.uid());
    Optional<RunnerLock> lock = RunnerLock.tryAcquire(dir);
    if (lock.isEmpty()) {
      return Optional.empty();
    }
    try {
      // it may have completed between the listing and the lock
      Optional<StoredWorkflow> current = repository.get(stored.key());
      if (current.isEmpty()
          || !current.get().uid().equals(stored.uid())
          || (current.get().phase() != null && current.get().phase().completed())) {
        lock.get().close();
        return Optional.empty();
      }
      return Optional.of(
          new WorkflowRun(this, current.get(), templates(dir), lock.get(), listener));
    } catch (IOException | RuntimeException e) {
      lock.get().close();
      throw e;
    }
  }

  /** Workflows that are not completed and that no live runner holds: their runner died. */
  public List<StoredWorkflow> interrupted() throws IOException {
    List<StoredWorkflow> out = new ArrayList<>();
    WorkflowQuery query =
        WorkflowQuery.inAllNamespaces(WorkflowKind.WORKFLOW)
            .withCompletion(WorkflowQuery.Completion.RUNNING);
    for (StoredWorkflow stored : listAll(query)) {
      Path dir = workflowDirectory(stored.uid());
      if (!RunnerLock.isHeld(dir) && !RunnerHandover.pending(dir)) {
        out.add(stored);
      }
    }
    out.sort(Comparator.comparing(StoredWorkflow::creationTimestamp));
    return out;
  }

  /**
   * Finishes every interrupted workflow: re-attaches to its steps (those whose process is gone end
   * in Error, and retries apply) and runs it to completion. Returns the finished workflows.
   */
  public List<Workflow> recover(RecoveryListener listener)
      throws IOException, ExecutorConfigException, InterruptedException {
    List<Workflow> finished = new ArrayList<>();
    for (StoredWorkflow stored : interrupted()) {
      Workflow workflow = WorkflowDocuments.workflow(stored);
      Optional<WorkflowRun> run = resume(stored, listener.runListener(workflow));
      if (run.isEmpty()) {
        continue;
      }
      listener.resuming(workflow);
      Workflow done = run.get().run();
      listener.finished(done);
      finished.add(done);
    }
    return finished;
  }

  /**
   * Records that the process {@code runner} (started to run the workflow, as {@code argo4j submit}
   * does) is to take it: until that process takes its runner lock or dies, the workflow does not
   * count as interrupted, so no other command takes it over in the meantime.
   */
  public void handOver(StoredWorkflow stored, ProcessHandle runner) throws IOException {
    RunnerHandover.record(workflowDirectory(stored.uid()), runner);
  }

  /** Whether a live runner holds the workflow, or a live runner it was handed to is starting. */
  public boolean isRunning(StoredWorkflow stored) throws IOException {
    Path dir = workflowDirectory(stored.uid());
    return RunnerLock.isHeld(dir) || RunnerHandover.pending(dir);
  }

  /** The stored workflow of this name, or the newest one for {@code @latest}. */
  public Optional<StoredWorkflow> find(String namespace, String nameOrLatest) {
    if (nameOrLatest.equals("@latest")) {
      return repository.latest(WorkflowKind.WORKFLOW, namespace);
    }
    return repository.get(WorkflowKey.workflow(namespace, nameOrLatest));
  }

  /** The WorkflowTemplates and ClusterWorkflowTemplates kept in the store. */
  public LocalTemplates templateStore() {
    return new LocalTemplates(this);
  }

  /** Every stored document a query selects, all pages. */
  public List<StoredWorkflow> listAll(WorkflowQuery query) {
    List<StoredWorkflow> out = new ArrayList<>();
    WorkflowQuery page = query.withLimit(500);
    while (true) {
      io.argo4j.store.WorkflowPage result;
      try {
        result = repository.list(page);
      } catch (io.argo4j.store.InvalidQueryException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      out.addAll(result.items());
      if (result.continueToken().isEmpty()) {
        return out;
      }
      page = page.withContinueToken(result.continueToken().get());
    }
  }

  /** A user's change to a stored workflow ({@link io.argo4j.engine.UserActions}). */
  @FunctionalInterface
  public interface UserChange {
    Workflow apply(Workflow current) throws UserActionException;
  }

  /**
   * Applies a user's change (suspend, resume...) to the stored workflow, reading it again when its
   * runner wrote it meanwhile. Its runner acts on the change within its poll interval.
   *
   * @return the workflow as stored with the change
   * @throws UserActionException when the change does not apply to the workflow as it is now
   */
  public Workflow change(WorkflowKey key, UserChange change)
      throws NotFoundException, UserActionException {
    while (true) {
      StoredWorkflow stored =
          repository.get(key).orElseThrow(() -> new NotFoundException(key + " not found"));
      Workflow updated = change.apply(WorkflowDocuments.workflow(stored));
      try {
        repository.update(WorkflowDocuments.document(updated), stored.resourceVersion());
        return updated;
      } catch (ConflictException e) {
        // written meanwhile by its runner: apply the change to what it wrote
      }
    }
  }

  /**
   * Retries a finished workflow in place, as {@code argo retry} does ({@link WorkflowRetry}): the
   * step directories of the removed nodes are moved aside (kept, hidden, so that the new steps of
   * the same pod names start afresh), then the workflow is stored Running again, for the next
   * {@link #recover} (of this process or another) to run.
   *
   * @param restartSuccessful which successful nodes run again, or null
   * @throws UserActionException when the workflow cannot be retried as it is, or when its last
   *     runner is still finishing after a few seconds
   */
  public Workflow retry(
      WorkflowKey key, Predicate<NodeStatus> restartSuccessful, Map<String, String> parameters)
      throws NotFoundException, UserActionException, IOException {
    for (int attempt = 1; ; attempt++) {
      StoredWorkflow stored =
          repository.get(key).orElseThrow(() -> new NotFoundException(key + " not found"));
      Workflow current = WorkflowDocuments.workflow(stored);
      WorkflowRetry.Result retried =
          WorkflowRetry.retry(current, restartSuccessful, parameters, config.clock().instant());
      Path dir = workflowDirectory(stored.uid());
      Optional<RunnerLock> lock = RunnerLock.tryAcquire(dir);
      if (lock.isEmpty()) {
        // its runner is writing its last state and exiting
        if (attempt >= 50) {
          throw new UserActionException(
              "cannot retry workflow " + key.name() + ": its runner is still running it");
        }
        sleep(Duration.ofMillis(100));
        continue;
      }
      try {
        Optional<StoredWorkflow> now = repository.get(key);
        if (now.isEmpty() || now.get().resourceVersion() != stored.resourceVersion()) {
          continue; // changed before the lock was ours
        }
        Map<String, String> pods = podNames(current);
        for (String id : retried.removedNodeIds()) {
          Path step = pods.get(id) == null ? null : dir.resolve(pods.get(id));
          if (step != null && Files.isDirectory(step)) {
            StepPool.moveAside(step, "retried");
          }
        }
        repository.update(WorkflowDocuments.document(retried.workflow()), stored.resourceVersion());
        return retried.workflow();
      } catch (ConflictException e) {
        // changed meanwhile by another command: retry from what it wrote
      } finally {
        lock.get().close();
      }
    }
  }

  private static void sleep(Duration d) throws UserActionException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserActionException("interrupted");
    }
  }

  /**
   * Sets {@code spec.shutdown} ({@code Stop} or {@code Terminate}) on a stored workflow. Its runner
   * acts on it within its poll interval; an interrupted workflow is acted on by the next recovery.
   */
  public Workflow requestShutdown(WorkflowKey key, String strategy) throws NotFoundException {
    while (true) {
      StoredWorkflow stored =
          repository.get(key).orElseThrow(() -> new NotFoundException(key + " not found"));
      Workflow workflow = WorkflowDocuments.workflow(stored);
      Workflow updated = workflow.withSpec(workflow.spec().toBuilder().shutdown(strategy).build());
      try {
        repository.update(WorkflowDocuments.document(updated), stored.resourceVersion());
        return updated;
      } catch (ConflictException e) {
        // written meanwhile by its runner: read it again
      }
    }
  }

  /**
   * Deletes a workflow and, if no runner holds it, its step directories and logs (a live runner
   * notices the deletion, kills the steps and stops).
   */
  public void delete(StoredWorkflow stored) throws NotFoundException, IOException {
    repository.delete(stored.key());
    Path dir = workflowDirectory(stored.uid());
    if (!RunnerLock.isHeld(dir)) {
      deleteTree(dir);
    }
  }

  /** The workflow a stored document holds. */
  public static Workflow workflow(StoredWorkflow stored) {
    return WorkflowDocuments.workflow(stored);
  }

  /**
   * The pod names of a workflow's pod nodes, by node ID: those of the step directories, else the
   * names Argo would give them.
   */
  public Map<String, String> podNames(Workflow workflow) throws IOException {
    Map<String, String> out = new HashMap<>();
    Path dir = workflowDirectory(workflow.metadata().getUid());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path step : list.filter(Files::isDirectory).toList()) {
          String podName = step.getFileName().toString();
          if (podName.startsWith(".")) {
            continue;
          }
          StepDirectory.of(step).readSpec().ifPresent(spec -> out.put(spec.nodeId(), podName));
        }
      }
    }
    if (workflow.status() != null && workflow.status().nodes() != null) {
      String name = workflow.metadata().getName();
      workflow.status().nodes().values().stream()
          .filter(n -> n.type() == NodeType.POD)
          .forEach(
              n -> out.putIfAbsent(n.id(), NodeIds.podName(name, n.name(), podTemplateName(n))));
    }
    return out;
  }

  /** The logs of a workflow's steps, in the order the nodes started. */
  public List<StepLog> logs(Workflow workflow) throws IOException {
    List<StepLog> out = new ArrayList<>();
    if (workflow.status() == null || workflow.status().nodes() == null) {
      return out;
    }
    Map<String, String> podNames = podNames(workflow);
    Path dir = workflowDirectory(workflow.metadata().getUid());
    List<NodeStatus> pods =
        workflow.status().nodes().values().stream()
            .filter(n -> n.type() == NodeType.POD)
            .sorted(
                Comparator.comparing(
                        NodeStatus::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(NodeStatus::name))
            .toList();
    for (NodeStatus node : pods) {
      String podName = podNames.get(node.id());
      out.add(
          new StepLog(
              podName,
              node.id(),
              node.displayName(),
              node.startedAt(),
              StepDirectory.of(dir.resolve(podName)).logFile()));
    }
    return out;
  }

  /** The template name Argo's pod names use: the templateRef's template, or the template name. */
  public static String podTemplateName(NodeStatus node) {
    if (node.templateRef() != null && node.templateRef().template() != null) {
      return node.templateRef().template();
    }
    return node.templateName();
  }

  /**
   * Closes the store and the step executor. Steps still running (a run not finished) are left to
   * their wrappers, which stop them as when the runner exits; recovery finishes their workflows.
   */
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.close();
    }
    repository.close();
  }

  private TemplateSet templates(Path dir) throws IOException {
    Path file = dir.resolve(TEMPLATES_FILE);
    if (!Files.exists(file)) {
      return TemplateSet.empty();
    }
    List<WorkflowTemplate> wft = new ArrayList<>();
    List<ClusterWorkflowTemplate> cwft = new ArrayList<>();
    List<OtherResource> configMaps = new ArrayList<>();
    for (Manifest m : ManifestReader.lenient().read(file).manifests()) {
      if (m instanceof WorkflowTemplate t) {
        wft.add(t);
      } else if (m instanceof ClusterWorkflowTemplate t) {
        cwft.add(t);
      } else if (TemplateSet.isConfigMap(m)) {
        configMaps.add((OtherResource) m);
      }
    }
    return new TemplateSet(wft, cwft, configMaps);
  }

  private String randomSuffix() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return sb.toString();
  }

  /**
   * Deletes a workflow's directory. A step's wrapper may still be finishing its last writes when
   * its runner returns, so files that vanish are fine and a directory that gains a file is tried
   * again.
   */
  private static void deleteTree(Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteTreeOnce(dir);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void deleteTreeOnce(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
