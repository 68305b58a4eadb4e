package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.Style;
import io.argo4j.cli.render.Humanize;
import io.argo4j.cli.render.TextTable;
import io.argo4j.lint.Finding;
import io.argo4j.lint.Linter;
import io.argo4j.model.Manifest;
import io.argo4j.model.WorkflowSpecResource;
import io.argo4j.model.io.ManifestReader;
import io.argo4j.model.io.ManifestWriter;
import io.argo4j.model.io.ReadResult;
import io.argo4j.runtime.local.LocalTemplates;
import io.argo4j.runtime.local.WorkflowFiles;
import io.argo4j.store.AlreadyExistsException;
import io.argo4j.store.NotFoundException;
import io.argo4j.store.WorkflowKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code template} and {@code cluster-template} do with the templates kept in the local store
 * (create, update, get, list, delete), for one kind.
 */
final class TemplateVerbs {

  private final WorkflowKind kind;
  private final String namespace;
  private final Style style;
  private final PrintWriter out;
  private final PrintWriter err;

  TemplateVerbs(
      WorkflowKind kind, String namespace, Style style, PrintWriter out, PrintWriter err) {
    this.kind = kind;
    this.namespace = namespace;
    this.style = style;
    this.out = out;
    this.err = err;
  }

  /**
   * Checks every file first (syntax, fields, lint errors) and stores nothing unless all are valid;
   * then stores each template, as {@code create} or, with {@code replace}, {@code update}.
   */
  int save(Path stateDir, List<Path> files, String output, boolean strict, boolean replace)
      throws CliException, IOException {
    if (!strict) {
      throw new CliException(
          ExitCodes.USAGE, "--strict=false is not supported: manifests are always read strictly");
    }
    String format = OutputFormats.check(output, "name", "json", "yaml", "wide");
    List<WorkflowSpecResource> templates = new ArrayList<>();
    Linter linter = Linter.builder().strict(true).build();
    int problems = 0;
    for (Path file : files) {
      String source = WorkflowInput.source(file);
      String text = WorkflowInput.read(file, "FILE");
      ReadResult read = ManifestReader.strict().read(text, source);
      List<String> errors = new ArrayList<>();
      read.errors().forEach(p -> errors.add(p.format()));
      if (errors.isEmpty()) {
        for (Manifest m : read.manifests()) {
          if (LocalTemplates.kindOf(m).orElse(null) != kind) {
            errors.add(
                source
                    + ": a "
                    + m.kind()
                    + " is not a "
                    + kind.argoName()
                    + "; argo4j "
                    + verb()
                    + " stores "
                    + kind.argoName()
                    + "s only");
          }
        }
      }
      if (errors.isEmpty()) {
        for (Finding f : linter.lintText(text, source).errors()) {
          // references resolve against the store when a workflow runs, not against this file
          if (!f.message().contains("lint set")) {
            errors.add(WorkflowFiles.format(f));
          }
        }
      }
      if (errors.isEmpty()) {
        read.manifests().forEach(m -> templates.add((WorkflowSpecResource) m));
      } else {
        errors.forEach(e -> err.println(style.red(e)));
        problems++;
      }
    }
    if (problems > 0) {
      throw new CliException(ExitCodes.USAGE, "not valid (the problems above); nothing was stored");
    }
    if (templates.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "no " + kind.argoName() + " found in the files");
    }
    try (LocalSession session = LocalSession.open(stateDir)) {
      LocalTemplates store = session.runtime().templateStore();
      for (WorkflowSpecResource t : templates) {
        WorkflowSpecResource saved;
        try {
          saved = store.save(t, namespace, replace);
        } catch (AlreadyExistsException | NotFoundException | IllegalArgumentException e) {
          throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
        print(saved, format.isEmpty() ? "name" : format);
      }
    }
    return ExitCodes.OK;
  }

  int get(Path stateDir, List<String> names, String output) throws CliException {
    String format = OutputFormats.check(output, "json", "yaml", "wide");
    try (LocalSession session = LocalSession.open(stateDir)) {
      LocalTemplates store = session.runtime().templateStore();
      for (String name : names) {
        WorkflowSpecResource t =
            store
                .get(kind, namespace, name)
                .orElseThrow(() -> new CliException(ExitCodes.FAILURE, notFound(name)));
        print(t, format);
      }
    }
    return ExitCodes.OK;
  }

  int list(Path stateDir, boolean allNamespaces, String selector, String output)
      throws CliException {
    if (selector != null) {
      throw new CliException(
          ExitCodes.USAGE, "-l/--selector is not supported by argo4j " + verb() + " list yet");
    }
    String format = OutputFormats.check(output, "name", "wide");
    try (LocalSession session = LocalSession.open(stateDir)) {
      List<WorkflowSpecResource> all =
          session.runtime().templateStore().list(kind, allNamespaces ? null : namespace);
      if (format.equals("name")) {
        all.forEach(t -> out.println(t.metadata().getName()));
      } else {
        boolean showNamespace = allNamespaces && !kind.clusterScoped();
        TextTable table = new TextTable();
        if (showNamespace) {
          table.row("NAMESPACE", "NAME", "AGE");
        } else {
          table.row("NAME", "AGE");
        }
        Instant now = Instant.now();
        for (WorkflowSpecResource t : all) {
          String name = t.metadata().getName();
          if (showNamespace) {
            table.row(t.metadata().getNamespace(), name, age(t, now));
          } else {
            table.row(name, age(t, now));
          }
        }
        out.print(table.render());
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  int delete(Path stateDir, List<String> names, boolean all) throws CliException {
    if (all == (names != null && !names.isEmpty())) {
      throw new CliException(ExitCodes.USAGE, "name the templates to delete, or give --all");
    }
    try (LocalSession session = LocalSession.open(stateDir)) {
      LocalTemplates store = session.runtime().templateStore();
      List<String> targets = new ArrayList<>();
      if (all) {
        store.list(kind, namespace).forEach(t -> targets.add(t.metadata().getName()));
      } else {
        targets.addAll(names);
      }
      int exit = ExitCodes.OK;
      for (String name : targets) {
        try {
          store.delete(kind, namespace, name);
          out.println(kind.argoName() + " '" + name + "' deleted");
        } catch (NotFoundException e) {
          err.println("argo4j: " + notFound(name));
          exit = ExitCodes.FAILURE;
        }
      }
      out.flush();
      err.flush();
      return exit;
    }
  }

  private void print(WorkflowSpecResource t, String format) {
    switch (format) {
      case "name" -> out.println(t.metadata().getName());
      case "json" -> out.print(ManifestWriter.create().toJson(t));
      case "yaml" -> out.print(ManifestWriter.create().toYaml(t));
      default -> {
        out.println(pad("Name:") + t.metadata().getName());
        if (!kind.clusterScoped()) {
          out.println(pad("Namespace:") + t.metadata().getNamespace());
        }
        out.println(pad("Created:") + t.metadata().getCreationTimestamp());
        if (t.spec() != null && t.spec().entrypoint() != null) {
          out.println(pad("Entrypoint:") + t.spec().entrypoint());
        }
        if (t.spec() != null && t.spec().templates() != null) {
          out.println(pad("Templates:") + t.spec().templates().size());
        }
      }
    }
    out.flush();
  }

  private static String pad(String label) {
    return String.format("%-21s", label);
  }

  private static String age(WorkflowSpecResource t, Instant now) {
    String created = t.metadata().getCreationTimestamp();
    return created == null
        ? ""
        : Humanize.shortDuration(Duration.between(Instant.parse(created), now));
  }

  private String notFound(String name) {
    return kind.argoName()
        + " "
        + name
        + " not found"
        + (kind.clusterScoped() ? "" : " in namespace " + namespace);
  }

  private String verb() {
    return kind.clusterScoped() ? "cluster-template" : "template";
  }
}
