package io.argo4j.lint;

/**
 * A document lint did not check: a kind outside Argo's group (ConfigMap, PersistentVolumeClaim...)
 * or an Argo kind left out by {@code --kinds}.
 *
 * @param source the file name
 * @param line where the document starts (1-based, 0 when unknown)
 * @param kind the document's kind
 * @param name its metadata.name (or generateName), or null
 * @param reason why it was skipped
 */
public record Skipped(String source, int line, String kind, String name, String reason) {}
