package io.argo4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What this build of argo4j is and what it runs on.
 *
 * <p>The version and build date come from {@code version.properties}, which Maven filters at build
 * time; the commit from {@code git.properties}, which the build writes only inside a git checkout.
 *
 * @param version the Maven project version, such as {@code 0.1.0-SNAPSHOT}
 * @param buildDate when the jar was built, ISO-8601 UTC, or {@code unknown}
 * @param gitCommit the commit the build was made from, when known
 * @param javaVersion the running Java version and vendor
 * @param platform {@code os/arch} as Go spells them ({@code linux/amd64}, {@code darwin/arm64})
 */
public record BuildInfo(
    String version,
    String buildDate,
    Optional<String> gitCommit,
    String javaVersion,
    String platform) {

  private static final String UNKNOWN = "unknown";

  /** The build that is running. */
  public static BuildInfo current() {
    Properties build = load("version.properties");
    Properties git = load("git.properties");
    return new BuildInfo(
        value(build, "version").orElse(UNKNOWN),
        value(build, "buildDate").orElse(UNKNOWN),
        value(git, "gitCommit"),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        platform(System.getProperty("os.name"), System.getProperty("os.arch")));
  }

  /**
   * Maps Java's {@code os.name} and {@code os.arch} to Go's {@code GOOS/GOARCH}, as argo prints.
   */
  static String platform(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      os = "darwin";
    } else if (os.startsWith("windows")) {
      os = "windows";
    } else {
      os = os.replace(' ', '-');
    }
    String arch =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          default -> osArch.toLowerCase(Locale.ROOT);
        };
    return os + "/" + arch;
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the argo4j jar", e);
    }
    return properties;
  }

  // Unfiltered placeholders (running from an IDE that skipped Maven) count as unknown.
  private static Optional<String> value(Properties properties, String key) {
    String value = properties.getProperty(key, "").strip();
    return value.isEmpty() || value.contains("${") ? Optional.empty() : Optional.of(value);
  }
}
