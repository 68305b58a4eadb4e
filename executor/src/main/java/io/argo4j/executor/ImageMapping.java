package io.argo4j.executor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run an image on this host: one entry under {@code images:} in {@code config.yaml}.
 *
 * <pre>{@code
 * images:
 *   "myorg/tool:*":
 *     command: [/opt/tool/bin/tool]     # the image's entrypoint: used when a template gives none
 *     args: [--verbose]                 # the image's default args: used when a template gives
 *                                       # neither command nor args
 *     env: {TOOL_HOME: /opt/tool}       # added to the step's environment (the template's wins)
 *     aliases:                          # programs a template names -> programs on this host
 *       /usr/local/bin/tool: /opt/tool/bin/tool
 * }</pre>
 *
 * @param command the image's entrypoint on this host; empty if the templates always give one
 * @param args the image's default arguments (Docker's {@code CMD})
 * @param env environment variables the image would set
 * @param aliases replacements for the program ({@code argv[0]}) a template names
 */
public record ImageMapping(
    List<String> command, List<String> args, Map<String, String> env, Map<String, String> aliases) {

  public ImageMapping {
    command = command == null ? List.of() : List.copyOf(command);
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    aliases =
        aliases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
  }

  /** A mapping that only sets the entrypoint. */
  public static ImageMapping command(String... command) {
    return new ImageMapping(List.of(command), List.of(), Map.of(), Map.of());
  }
}
