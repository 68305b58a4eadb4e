package io.argo4j.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A document to store: its JSON text, kept verbatim, and the metadata extracted from it that
 * queries filter on. The store does not parse the JSON; the caller keeps both consistent.
 *
 * <p>Instants are kept to the microsecond (what SQL timestamps hold everywhere), so they are
 * truncated here and read back equal.
 *
 * @param key kind, namespace and name
 * @param uid the document's uid; null on create lets the store assign one
 * @param creationTimestamp null on create lets the store assign its clock's time
 * @param phase the workflow's phase, or null (not started yet, or a kind without phase)
 * @param labels label keys to values; empty values are allowed
 * @param startedAt when the workflow started, or null
 * @param finishedAt when the workflow finished, or null
 * @param json the whole document as JSON text
 */
public record WorkflowDocument(
    WorkflowKey key,
    String uid,
    Instant creationTimestamp,
    WorkflowPhase phase,
    Map<String, String> labels,
    Instant startedAt,
    Instant finishedAt,
    String json) {

  /** Kubernetes' limit for a label key: a 253-character prefix, a slash and a 63-character name. */
  public static final int MAX_LABEL_KEY_LENGTH = 317;

  /** Generous next to Kubernetes' 63: the store is not the validator, but columns are bounded. */
  public static final int MAX_LABEL_VALUE_LENGTH = 1024;

  /** Uids are UUIDs in Kubernetes; anything up to this length is accepted. */
  public static final int MAX_UID_LENGTH = 64;

  public WorkflowDocument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(json, "json");
    if (uid != null && (uid.isEmpty() || uid.length() > MAX_UID_LENGTH)) {
      throw new IllegalArgumentException(
          "uid of "
              + key
              + " must have 1 to "
              + MAX_UID_LENGTH
              + " characters, got \""
              + uid
              + "\"");
    }
    labels = Collections.unmodifiableMap(new TreeMap<>(checkLabels(key, labels)));
    creationTimestamp = toMicros(creationTimestamp);
    startedAt = toMicros(startedAt);
    finishedAt = toMicros(finishedAt);
  }

  /** A document with no labels, no phase and no times; uid and creation time left to the store. */
  public static WorkflowDocument of(WorkflowKey key, String json) {
    return new WorkflowDocument(key, null, null, null, Map.of(), null, null, json);
  }

  public WorkflowDocument withUid(String newUid) {
    return new WorkflowDocument(
        key, newUid, creationTimestamp, phase, labels, startedAt, finishedAt, json);
  }

  public WorkflowDocument withCreationTimestamp(Instant time) {
    return new WorkflowDocument(key, uid, time, phase, labels, startedAt, finishedAt, json);
  }

  public WorkflowDocument withPhase(WorkflowPhase newPhase) {
    return new WorkflowDocument(
        key, uid, creationTimestamp, newPhase, labels, startedAt, finishedAt, json);
  }

  public WorkflowDocument withLabels(Map<String, String> newLabels) {
    return new WorkflowDocument(
        key, uid, creationTimestamp, phase, newLabels, startedAt, finishedAt, json);
  }

  public WorkflowDocument withStartedAt(Instant time) {
    return new WorkflowDocument(key, uid, creationTimestamp, phase, labels, time, finishedAt, json);
  }

  public WorkflowDocument withFinishedAt(Instant time) {
    return new WorkflowDocument(key, uid, creationTimestamp, phase, labels, startedAt, time, json);
  }

  public WorkflowDocument withJson(String newJson) {
    return new WorkflowDocument(
        key, uid, creationTimestamp, phase, labels, startedAt, finishedAt, newJson);
  }

  /** Truncates to the microsecond, the precision the store keeps. */
  static Instant toMicros(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
  }

  private static Map<String, String> checkLabels(WorkflowKey key, Map<String, String> labels) {
    labels.forEach((k, v) -> {
      if (k == null || k.isEmpty() || k.length() > MAX_LABEL_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "label key \""
                + k
                + "\" of "
                + key
                + " must have 1 to "
                + MAX_LABEL_KEY_LENGTH
                + " characters");
      }
      if (v == null || v.length() > MAX_LABEL_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            "label "
                + k
                + " of "
                + key
                + " must have a value of at most "
                + MAX_LABEL_VALUE_LENGTH
                + " characters (empty is allowed, null is not)");
      }
    });
    return labels;
  }
}
