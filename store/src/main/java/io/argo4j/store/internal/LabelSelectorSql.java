package io.argo4j.store.internal;

import io.argo4j.store.LabelRequirement;
import io.argo4j.store.LabelSelector;
import java.util.Collections;
import java.util.List;

/**
 * Turns a label selector into SQL conditions on {@code workflows w}: one {@code [NOT] EXISTS}
 * subquery on {@code workflow_labels} per requirement, which keeps Kubernetes' meaning that {@code
 * !=} and {@code notin} match documents without the label.
 */
final class LabelSelectorSql {

  private static final String LABEL_OF_W =
      "SELECT 1 FROM workflow_labels l WHERE l.workflow_id = w.id AND l.label_key = ?";

  private LabelSelectorSql() {}

  /** Appends one condition per requirement, each preceded by {@code AND}, and its parameters. */
  static void appendConditions(LabelSelector selector, StringBuilder sql, List<Object> parameters) {
    for (LabelRequirement requirement : selector.requirements()) {
      parameters.add(requirement.key());
      switch (requirement) {
        case LabelRequirement.Equals equals -> {
          sql.append(" AND EXISTS (").append(LABEL_OF_W).append(" AND l.label_value = ?)");
          parameters.add(equals.value());
        }
        case LabelRequirement.NotEquals notEquals -> {
          sql.append(" AND NOT EXISTS (").append(LABEL_OF_W).append(" AND l.label_value = ?)");
          parameters.add(notEquals.value());
        }
        case LabelRequirement.Exists exists ->
            sql.append(" AND EXISTS (").append(LABEL_OF_W).append(")");
        case LabelRequirement.DoesNotExist absent ->
            sql.append(" AND NOT EXISTS (").append(LABEL_OF_W).append(")");
        case LabelRequirement.In in -> {
          sql.append(" AND EXISTS (").append(LABEL_OF_W).append(valueIn(in.values().size()));
          parameters.addAll(in.values());
        }
        case LabelRequirement.NotIn notIn -> {
          sql.append(" AND NOT EXISTS (").append(LABEL_OF_W).append(valueIn(notIn.values().size()));
          parameters.addAll(notIn.values());
        }
      }
    }
  }

  private static String valueIn(int count) {
    return " AND l.label_value IN (" + String.join(", ", Collections.nCopies(count, "?")) + "))";
  }
}
