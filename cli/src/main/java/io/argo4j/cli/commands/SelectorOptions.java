package io.argo4j.cli.commands;

import io.argo4j.cli.CliException;
import io.argo4j.cli.ExitCodes;
import picocli.CommandLine.Option;

/** {@code -l/--selector} and {@code --field-selector}: which workflows a verb applies to. */
final class SelectorOptions {
  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector, such as key1=value1,key2!=value2.")
  String selector;

  @Option(
      names = "--field-selector",
      paramLabel = "SELECTOR",
      description = "Field selector, such as metadata.name=my-wf.")
  String fieldSelector;

  /** Refuses the selectors: the local verbs act on the workflows named. */
  void refuse() throws CliException {
    if (selector != null || fieldSelector != null) {
      throw new CliException(
          ExitCodes.USAGE,
          "-l/--selector and --field-selector are not supported yet; name the workflows");
    }
  }
}
