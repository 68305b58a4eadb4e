package io.argo4j.lint.internal;

import io.argo4j.lint.Rule;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;

/** metadata.name and generateName: present, DNS-1123, short enough for Argo's labels. */
final class MetadataLinter {
  private MetadataLinter() {}

  /**
   * @param max the longest name Argo accepts for this kind (63, or 52 for CronWorkflows, whose
   *     workflows get a timestamp suffix)
   */
  static void lint(Reporter r, ObjectMeta meta, String kind, int max) {
    String name = meta == null ? null : meta.getName();
    String generateName = meta == null ? null : meta.getGenerateName();
    if (Nulls.blank(name) && Nulls.blank(generateName)) {
      // Argo's validation accepts it, but the API server will not unless the submitter names it.
      r.warning(
          Rule.METADATA_NAME,
          "metadata",
          "a "
              + kind
              + " has neither metadata.name nor metadata.generateName; Kubernetes rejects"
              + " it unless it is named when submitted",
          "metadata: {generateName: my-" + kind.toLowerCase(java.util.Locale.ROOT) + "-}");
      return;
    }
    if (!Nulls.blank(name)) {
      Optional<String> problem = Names.objectNameProblem(name, max);
      problem.ifPresent(p ->
          r.valueError(
              Rule.METADATA_NAME,
              "metadata.name",
              "name \"" + name + "\" " + p,
              suggestion(name, max)));
    }
    if (!Nulls.blank(generateName)) {
      String sample = generateName + "x1y2z";
      Optional<String> problem = Names.objectNameProblem(sample, Math.max(max, sample.length()));
      problem.ifPresent(p ->
          r.valueError(
              Rule.METADATA_NAME,
              "metadata.generateName",
              "generateName \"" + generateName + "\" does not give a valid name: it " + p,
              suggestion(generateName, max)));
    }
  }

  private static String suggestion(String name, int max) {
    String s = Names.dnsSuggestion(name);
    if (s == null) {
      return null;
    }
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("[-.]+$", "");
    }
    return "\"" + s + "\"";
  }
}
