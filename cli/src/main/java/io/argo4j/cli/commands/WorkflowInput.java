package io.argo4j.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import io.argo4j.cli.Style;
import io.argo4j.runtime.local.InvalidWorkflowException;
import io.argo4j.runtime.local.LoadedWorkflow;
import io.argo4j.runtime.local.TemplateSet;
import io.argo4j.runtime.local.WorkflowFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code run} and {@code submit} read: the workflow file and the parameters. */
final class WorkflowInput {

  private WorkflowInput() {}

  /** The file's name in messages: {@code <stdin>} for {@code -}. */
  static String source(Path file) {
    return file.toString().equals("-") ? "<stdin>" : file.toString();
  }

  /**
   * Reads and checks the workflow, which may refer to {@code stored} templates; prints each problem
   * on {@code err} and fails with exit 2 when it is not valid, and prints the warnings.
   */
  static LoadedWorkflow load(
      Path file,
      Path templates,
      Map<String, String> params,
      String entrypoint,
      TemplateSet stored,
      PrintWriter err,
      Style style)
      throws CliException, IOException {
    return check(
        read(file, "FILE"), source(file), templates, params, entrypoint, stored, err, style);
  }

  /** As {@link #load}, for a manifest's text; {@code source} names it in messages. */
  static LoadedWorkflow check(
      String text,
      String source,
      Path templates,
      Map<String, String> params,
      String entrypoint,
      TemplateSet stored,
      PrintWriter err,
      Style style)
      throws CliException, IOException {
    try {
      LoadedWorkflow loaded =
          WorkflowFiles.load(text, source, templates, params, entrypoint, stored);
      loaded.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      return loaded;
    } catch (InvalidWorkflowException e) {
      e.problems().forEach(p -> err.println(style.red(p)));
      throw new CliException(
          ExitCodes.USAGE,
          source
              + " is not valid ("
              + e.problems().size()
              + (e.problems().size() == 1 ? " problem" : " problems")
              + " above); nothing was run");
    }
  }

  static String read(Path path, String what) throws CliException, IOException {
    if (path.toString().equals("-")) {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, path + ": no such file (" + what + ")");
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, path + ": cannot read it: " + e.getMessage());
    }
  }

  /** {@code --parameter-file} values, then {@code -p} ones, which win. */
  static Map<String, String> parameters(Map<String, String> given, Path parameterFile)
      throws CliException, IOException {
    Map<String, String> all = new LinkedHashMap<>();
    if (parameterFile != null) {
      String text = read(parameterFile, "--parameter-file");
      JsonNode tree;
      try {
        tree = new ObjectMapper(new YAMLFactory()).readTree(text);
      } catch (JsonProcessingException e) {
        throw new CliException(
            ExitCodes.USAGE,
            parameterFile
                + ":"
                + e.getLocation().getLineNr()
                + ":"
                + e.getLocation().getColumnNr()
                + ": not YAML or JSON: "
                + e.getOriginalMessage());
      }
      if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
        if (!tree.isObject()) {
          throw new CliException(
              ExitCodes.USAGE,
              parameterFile + ": expected a mapping of parameter names to values (name: value)");
        }
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
          JsonNode v = e.getValue();
          all.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
      }
    }
    if (given != null) {
      all.putAll(given);
    }
    return all;
  }
}
