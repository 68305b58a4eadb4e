package io.argo4j.cli;

import picocli.CommandLine.IVersionProvider;

/** What {@code argo4j --version} prints; {@code argo4j version} prints the long form. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo info = BuildInfo.current();
    return new String[] {
      "argo4j " + info.version(), "Java " + info.javaVersion() + " on " + info.platform()
    };
  }
}
