package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.model.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code --status PHASE} and {@code --node-field-selector}: which nodes {@code get} shows. The
 * selector is a comma-separated list of {@code field=value} or {@code field!=value} on {@code
 * phase}, {@code name}, {@code displayName}, {@code templateName}, {@code type} or {@code id}.
 */
final class NodeSelector {

  private NodeSelector() {}

  static Predicate<NodeStatus> parse(String status, String selector) throws CliException {
    if (status != null && selector != null) {
      throw new CliException(ExitCodes.USAGE, "give --status or --node-field-selector, not both");
    }
    String text = status != null ? "phase=" + status : selector;
    if (text == null || text.isBlank()) {
      return n -> true;
    }
    List<Predicate<NodeStatus>> all = new ArrayList<>();
    for (String term : text.split(",")) {
      boolean negate = term.contains("!=");
      String[] kv = term.split(negate ? "!=" : "==?", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new CliException(
            ExitCodes.USAGE,
            "node selector '"
                + term
                + "': expected field=value or field!=value, such as phase=Failed");
      }
      String field = kv[0].trim();
      String value = kv[1].trim();
      java.util.function.Function<NodeStatus, String> get =
          switch (field) {
            case "phase" -> n -> n.phase() == null ? "" : n.phase().value();
            case "name" -> NodeStatus::name;
            case "displayName" -> NodeStatus::displayName;
            case "templateName" -> NodeStatus::templateName;
            case "type" -> n -> n.type() == null ? "" : n.type().value();
            case "id" -> NodeStatus::id;
            default ->
                throw new CliException(
                    ExitCodes.USAGE,
                    "node selector field '"
                        + field
                        + "' is not supported; use phase, name, displayName, templateName, type or"
                        + " id");
          };
      Predicate<NodeStatus> p = n -> value.equals(get.apply(n));
      all.add(negate ? p.negate() : p);
    }
    return n -> all.stream().allMatch(p -> p.test(n));
  }
}
