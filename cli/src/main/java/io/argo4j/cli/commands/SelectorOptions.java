package io.argo4j.cli.commands;

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
}
