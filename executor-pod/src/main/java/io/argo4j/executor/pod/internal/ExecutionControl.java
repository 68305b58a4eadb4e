package io.argo4j.executor.pod.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.executor.pod.PodLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The stop request the controller writes into the pod's annotations ({@link
 * PodLayout#ANNOTATION_EXECUTION}: {@code {"deadline":"<RFC 3339>"}}), read from the downward API
 * file. A file that is missing, unreadable or malformed means "no request": the kubelet rewrites it
 * atomically, so a bad read is retried on the next poll, and deletion still stops the pod.
 */
public final class ExecutionControl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExecutionControl() {}

  /** The requested deadline, if the annotations file holds one. */
  public static Optional<Instant> deadline(Path annotationsFile) {
    String text;
    try {
      text = Files.readString(annotationsFile);
    } catch (IOException e) {
      // missing (not mounted yet) or being replaced: no request for now
      return Optional.empty();
    }
    try {
      return deadlineOf(DownwardApiFile.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> deadlineOf(Map<String, String> annotations) {
    String value = annotations.get(PodLayout.ANNOTATION_EXECUTION);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(value);
      JsonNode d = node == null ? null : node.get("deadline");
      if (d == null || !d.isTextual()) {
        return Optional.empty();
      }
      return Optional.of(OffsetDateTime.parse(d.asText()).toInstant());
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
