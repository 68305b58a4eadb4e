package io.argo4j.lint;

import io.argo4j.lint.internal.LintRun;
import io.argo4j.model.ArgoKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks Argo manifests the way {@code argo lint} does, and more: every finding says where (file,
 * line, column, field path), which rule, and what would be valid.
 *
 * <pre>{@code
 * LintReport report = Linter.builder().build().lint(List.of(LintSource.of(Path.of("wf.yaml"))));
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>Sources linted together form one set: a templateRef or workflowTemplateRef may name a
 * (Cluster)WorkflowTemplate of any of them, or of a {@link Builder#templates templates} folder.
 * Documents of other Kubernetes kinds are reported as skipped. Linting never throws for the content
 * of a manifest.
 */
public final class Linter {
  private final boolean strict;
  private final Set<ArgoKind> kinds;
  private final List<Path> templateDirs;

  private Linter(Builder b) {
    this.strict = b.strict;
    this.kinds = b.kinds.isEmpty() ? EnumSet.allOf(ArgoKind.class) : EnumSet.copyOf(b.kinds);
    this.templateDirs = List.copyOf(b.templateDirs);
  }

  /** A builder: strict, every Argo kind, no templates folder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Lints the sources as one set. */
  public LintReport lint(List<LintSource> sources) {
    return new LintRun(strict, kinds, templateDirs).run(sources);
  }

  /** Lints one text, named {@code sourceName} in findings. */
  public LintReport lintText(String text, String sourceName) {
    return lint(List.of(LintSource.text(sourceName, text)));
  }

  /** Options of a {@link Linter}. */
  public static final class Builder {
    private boolean strict = true;
    private final Set<ArgoKind> kinds = EnumSet.noneOf(ArgoKind.class);
    private final List<Path> templateDirs = new ArrayList<>();

    private Builder() {}

    /** Whether unknown fields are errors (the default) or warnings. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Checks only documents of these kinds; others are reported skipped. Default: all. */
    public Builder kinds(Collection<ArgoKind> kinds) {
      this.kinds.clear();
      this.kinds.addAll(kinds);
      return this;
    }

    /** Also resolves templateRefs against the (Cluster)WorkflowTemplates in this file or folder. */
    public Builder templates(Path dir) {
      templateDirs.add(dir);
      return this;
    }

    /** The linter. */
    public Linter build() {
      return new Linter(this);
    }
  }
}
