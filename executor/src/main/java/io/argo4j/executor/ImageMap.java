package io.argo4j.executor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.argo4j.executor.internal.Glob;
import io.argo4j.executor.internal.ImageName;
import io.argo4j.executor.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides how an image's steps run on a host with no containers. The image is only recorded: the
 * command runs on the host. User mappings from {@code config.yaml} come first (exact names before
 * globs, then in file order), then the built-in rules:
 *
 * <ul>
 *   <li>plain images (alpine, busybox, debian, ubuntu, centos, fedora, python, node, golang...) run
 *       the template's command as is;
 *   <li>{@code argoproj/argosay:v2} (any tag but {@code v1}) runs argo4j's own {@code argosay}, its
 *       entrypoint when the template gives only args; the image is built on v1, so the step's PATH
 *       also gains {@code /usr/games} for cowsay;
 *   <li>{@code argoproj/argosay:v1} and {@code docker/whalesay} are Ubuntu with {@code cowsay}: the
 *       step's PATH gains {@code /usr/games}, where Debian installs it;
 *   <li>anything else runs only if the template gives a command found on this host.
 * </ul>
 */
public final class ImageMap {

  /** What kind of rule an image matched. */
  public enum Kind {
    /** A mapping from the user's configuration. */
    USER,
    /** Argo's test image {@code argoproj/argosay:v2}, served by argo4j's argosay script. */
    ARGOSAY,
    /** {@code docker/whalesay} or {@code argoproj/argosay:v1}: cowsay under /usr/games. */
    COWSAY,
    /** A general-purpose image whose programs the host is expected to have. */
    PLAIN,
    /** No rule: the template's command must exist on this host. */
    UNKNOWN
  }

  /**
   * The rule for one image.
   *
   * @param image the image as the template names it
   * @param kind which rule matched
   * @param pattern the user pattern that matched, or the built-in repository name
   * @param entrypoint the image's entrypoint, used when the template gives no command
   * @param defaultArgs the image's default args, used when the template gives neither command nor
   *     args
   * @param env environment the image sets (the template's own env wins)
   * @param aliases replacements for the program ({@code argv[0]}) a template names
   * @param extraPath directories appended to the step's PATH
   */
  public record Resolution(
      String image,
      Kind kind,
      String pattern,
      List<String> entrypoint,
      List<String> defaultArgs,
      Map<String, String> env,
      Map<String, String> aliases,
      List<String> extraPath) {}

  private static final List<String> SH = List.of("sh");
  private static final List<String> BASH = List.of("bash");
  private static final Map<String, List<String>> PLAIN =
      Map.ofEntries(
          Map.entry("alpine", SH),
          Map.entry("busybox", SH),
          Map.entry("debian", BASH),
          Map.entry("ubuntu", BASH),
          Map.entry("centos", BASH),
          Map.entry("fedora", BASH),
          Map.entry("rockylinux", BASH),
          Map.entry("almalinux", BASH),
          Map.entry("amazonlinux", BASH),
          Map.entry("bash", BASH),
          Map.entry("golang", BASH),
          Map.entry("python", List.of("python3")),
          Map.entry("pypy", List.of("pypy3")),
          Map.entry("node", List.of("node")));

  private record Rule(String pattern, Pattern regex, ImageMapping mapping) {}

  private final List<Rule> rules;
  private final String configPath;

  private ImageMap(List<Rule> rules, String configPath) {
    this.rules = List.copyOf(rules);
    this.configPath = configPath;
  }

  /** Only the built-in rules. */
  public static ImageMap builtIn() {
    return new ImageMap(List.of(), "~/.argo4j/config.yaml");
  }

  /**
   * The configuration file for {@code env}: {@code $ARGO4J_HOME/config.yaml} when ARGO4J_HOME is
   * set, else {@code $HOME/.argo4j/config.yaml}.
   */
  public static Optional<Path> configFile(Map<String, String> env) {
    String home = env.get("ARGO4J_HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, "config.yaml"));
    }
    String userHome = env.get("HOME");
    if (userHome != null && !userHome.isBlank()) {
      return Optional.of(Path.of(userHome, ".argo4j", "config.yaml"));
    }
    return Optional.empty();
  }

  /** The built-in rules plus the mappings of {@link #configFile}, if it exists. */
  public static ImageMap fromEnvironment(Map<String, String> env) throws ExecutorConfigException {
    Optional<Path> file = configFile(env);
    if (file.isEmpty()) {
      return builtIn();
    }
    try {
      return parse(Files.readString(file.get()), file.get().toString());
    } catch (NoSuchFileException e) {
      return new ImageMap(List.of(), file.get().toString());
    } catch (IOException e) {
      throw new ExecutorConfigException(file.get() + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The built-in rules plus the mappings of {@code file}. */
  public static ImageMap load(Path file) throws ExecutorConfigException {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new ExecutorConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The built-in rules plus the {@code images:} mappings of a {@code config.yaml} text. Other
   * top-level keys belong to other parts of argo4j and are ignored here.
   *
   * @param source the file name used in error messages
   */
  public static ImageMap parse(String yaml, String source) throws ExecutorConfigException {
    ConfigFile config;
    try {
      config = yaml.isBlank() ? null : Json.YAML.readValue(yaml, ConfigFile.class);
    } catch (JsonProcessingException e) {
      throw new ExecutorConfigException(describe(source, yaml, e), e);
    }
    List<Rule> rules = new ArrayList<>();
    if (config != null && config.images() != null) {
      for (Map.Entry<String, ImageMapping> e : config.images().entrySet()) {
        if (e.getValue() == null) {
          throw new ExecutorConfigException(
              source
                  + ": images."
                  + e.getKey()
                  + ": empty mapping; give at least one of command, args, env, aliases");
        }
        rules.add(rule(e.getKey(), e.getValue()));
      }
    }
    return new ImageMap(rules, source);
  }

  /** This map with one more user mapping, tried after the existing ones of its kind. */
  public ImageMap with(String pattern, ImageMapping mapping) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule(pattern, mapping));
    return new ImageMap(more, configPath);
  }

  /** The configuration file named in error messages that tell how to map an image. */
  public String configPath() {
    return configPath;
  }

  /** The rule for {@code image}. */
  public Resolution resolve(String image) {
    List<String> candidates = ImageName.candidates(image);
    Optional<Rule> user =
        rules.stream()
            .filter(r -> !Glob.isGlob(r.pattern()) && candidates.contains(r.pattern()))
            .findFirst()
            .or(() ->
                rules.stream()
                    .filter(r -> Glob.isGlob(r.pattern()))
                    .filter(r -> candidates.stream().anyMatch(c -> r.regex().matcher(c).matches()))
                    .findFirst());
    if (user.isPresent()) {
      ImageMapping m = user.get().mapping();
      return new Resolution(
          image,
          Kind.USER,
          user.get().pattern(),
          m.command(),
          m.args(),
          m.env(),
          m.aliases(),
          List.of());
    }
    ImageName name = ImageName.parse(image);
    String repo = name.repository();
    if (repo.equals("argoproj/argosay") && !name.tag().equals("v1")) {
      return new Resolution(
          image,
          Kind.ARGOSAY,
          repo,
          List.of("argosay"),
          List.of(),
          Map.of(),
          Map.of("/argosay", "argosay"),
          List.of("/usr/games"));
    }
    if (repo.equals("argoproj/argosay") || repo.equals("docker/whalesay")) {
      List<String> cmd = repo.equals("docker/whalesay") ? BASH : List.of("cowsay");
      return new Resolution(
          image, Kind.COWSAY, repo, List.of(), cmd, Map.of(), Map.of(), List.of("/usr/games"));
    }
    List<String> cmd = PLAIN.get(repo);
    if (cmd != null) {
      return new Resolution(image, Kind.PLAIN, repo, List.of(), cmd, Map.of(), Map.of(), List.of());
    }
    return new Resolution(
        image, Kind.UNKNOWN, "", List.of(), List.of(), Map.of(), Map.of(), List.of());
  }

  private static Rule rule(String pattern, ImageMapping mapping) {
    return new Rule(pattern, Glob.compile(pattern), mapping);
  }

  private static String describe(String source, String yaml, JsonProcessingException e) {
    StringBuilder where = new StringBuilder(source);
    JsonLocation loc = e.getLocation();
    int[] key =
        e instanceof UnrecognizedPropertyException u ? findKey(yaml, u.getPropertyName()) : null;
    if (key != null) {
      // the parser's location is past the field's value; the key's own line is clearer
      where.append(':').append(key[0]).append(':').append(key[1]);
    } else if (loc != null && loc.getLineNr() > 0) {
      where.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
    }
    String path = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      path =
          m.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."))
              + ": ";
    }
    String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what = "unknown field '" + u.getPropertyName() + "' (valid: command, args, env, aliases)";
      // the path already ends with the unknown field; report its parent
      path = path.substring(0, Math.max(0, path.lastIndexOf('.'))) + ": ";
    } else {
      what = e.getOriginalMessage();
    }
    return where + ": " + path + what;
  }

  /** Line and column (1-based) of the first line that starts with {@code name:}, or null. */
  private static int[] findKey(String yaml, String name) {
    Pattern key = Pattern.compile("^(\\s*(?:-\\s+)?)[\"']?" + Pattern.quote(name) + "[\"']?\\s*:");
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      var m = key.matcher(lines[i]);
      if (m.find()) {
        return new int[] {i + 1, m.group(1).length() + 1};
      }
    }
    return null;
  }

  /** The part of config.yaml this module reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ConfigFile(LinkedHashMap<String, ImageMapping> images) {}
}
