package io.argo4j.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.internal.json.AnyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the JSON tree read from a manifest with the tree of what was written for it, under the
 * smallest normalization that makes a faithful write compare equal. The differences, if any, are
 * listed by path. Rules, each needed by the upstream corpus or by Kubernetes' own conventions:
 *
 * <ol>
 *   <li><b>Scalars written as strings.</b> A number or boolean read where the model holds a string
 *       (Argo's AnyString: {@code value: 5}; Kubernetes quantities: {@code cpu: 1}) is written as
 *       its text ("5", "1"). It compares equal to that text, formatted as Argo formats it.
 *   <li><b>Empty collections of Kubernetes types.</b> fabric8's classes, like Kubernetes' Go types
 *       ({@code omitempty}), do not write empty lists and maps. An empty list or object in the
 *       input may be absent from the output.
 *   <li><b>Explicit nulls.</b> A field whose value is null in the input may be absent from the
 *       output: both mean "not set".
 * </ol>
 *
 * Everything else must be equal: same keys, same values, same list order.
 */
final class TreeEquivalence {
  private TreeEquivalence() {}

  /** The differences between {@code read} and {@code written}; empty when equivalent. */
  static List<String> differences(JsonNode read, JsonNode written) {
    return differences(read, written, new ArrayList<>());
  }

  /** As {@link #differences(JsonNode, JsonNode)}; adds each rule applied to {@code applied}. */
  static List<String> differences(JsonNode read, JsonNode written, List<String> applied) {
    List<String> diffs = new ArrayList<>();
    compare(read, written, "", diffs, applied);
    return diffs;
  }

  private static void compare(
      JsonNode read, JsonNode written, String path, List<String> diffs, List<String> applied) {
    if (read.isObject() && written.isObject()) {
      for (Map.Entry<String, JsonNode> field : read.properties()) {
        JsonNode other = written.get(field.getKey());
        String child = path + "/" + field.getKey();
        if (other == null) {
          if (mayBeOmitted(field.getValue())) {
            applied.add(
                (field.getValue().isNull() ? "rule 3 (null omitted) " : "rule 2 (empty omitted) ")
                    + child);
          } else {
            diffs.add(child + ": missing in output (was " + field.getValue() + ")");
          }
        } else {
          compare(field.getValue(), other, child, diffs, applied);
        }
      }
      for (Map.Entry<String, JsonNode> field : written.properties()) {
        if (!read.has(field.getKey())) {
          diffs.add(path + "/" + field.getKey() + ": added in output (" + field.getValue() + ")");
        }
      }
      return;
    }
    if (read.isArray() && written.isArray()) {
      if (read.size() != written.size()) {
        diffs.add(path + ": " + read.size() + " elements read, " + written.size() + " written");
        return;
      }
      for (int i = 0; i < read.size(); i++) {
        compare(read.get(i), written.get(i), path + "/" + i, diffs, applied);
      }
      return;
    }
    if (read.equals(written)) {
      return;
    }
    // Rule 1: a number or boolean held as a string.
    if ((read.isNumber() || read.isBoolean())
        && written.isTextual()
        && written.textValue().equals(AnyStrings.text(read))) {
      applied.add("rule 1 (" + read + " as \"" + written.textValue() + "\") " + path);
      return;
    }
    diffs.add(path + ": read " + read + ", written " + written);
  }

  /** Rules 2 and 3. */
  private static boolean mayBeOmitted(JsonNode value) {
    return value.isNull() || (value.isContainerNode() && value.isEmpty());
  }
}
