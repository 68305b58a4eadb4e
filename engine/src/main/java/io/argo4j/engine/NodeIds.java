package io.argo4j.engine;

import java.nio.charset.StandardCharsets;

/**
 * Argo's deterministic identities: node IDs and pod names derive from node names, so that scripts
 * and tools written for {@code argo get} keep working, and so that a restarted engine recomputes
 * the same identities instead of creating duplicates.
 */
public final class NodeIds {
  private static final int MAX_K8S_NAME = 253;
  private static final int HASH_LENGTH = 10;
  private static final int MAX_PREFIX = MAX_K8S_NAME - HASH_LENGTH;

  private NodeIds() {}

  /** The ID of the node named {@code nodeName}; the root node's ID is the workflow name. */
  public static String nodeId(String workflowName, String nodeName) {
    if (nodeName.equals(workflowName)) {
      return workflowName;
    }
    return workflowName + "-" + Integer.toUnsignedString(fnv32a(nodeName));
  }

  /** Pod name in Argo's v2 format: {@code <workflow>-<template>-<fnv32a(nodeName)>}. */
  public static String podName(String workflowName, String nodeName, String templateName) {
    if (nodeName.equals(workflowName)) {
      return workflowName;
    }
    String prefix =
        templateName == null || templateName.isEmpty()
            ? workflowName
            : workflowName + "-" + templateName;
    if (prefix.length() > MAX_PREFIX - 1) {
      prefix = prefix.substring(0, MAX_PREFIX - 1);
    }
    return prefix + "-" + Integer.toUnsignedString(fnv32a(nodeName));
  }

  /** 32-bit FNV-1a over the UTF-8 bytes, as Go's {@code hash/fnv.New32a}. */
  public static int fnv32a(String s) {
    int hash = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return hash;
  }
}
