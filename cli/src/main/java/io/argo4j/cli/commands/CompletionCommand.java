package io.argo4j.cli.commands;

import io.argo4j.cli.ExitCodes;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code argo4j completion SHELL}: prints a completion script, as {@code argo completion} does.
 * picocli generates bash; the same script serves zsh through bashcompinit, which it loads itself.
 */
@Command(
    name = "completion",
    description = "Print a shell completion script.",
    footer = {
      "",
      "bash:  source <(argo4j completion bash)      (or put it in ~/.bashrc)",
      "zsh:   source <(argo4j completion zsh)       (or put it in ~/.zshrc)"
    })
public final class CompletionCommand extends BaseCommand {

  /** The shells {@code argo} generates for; fish is not supported yet. */
  public enum Shell {
    BASH,
    ZSH,
    FISH;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
  private Shell shell;

  @Override
  public Integer call() {
    if (shell == Shell.FISH) {
      err()
          .println(
              spec.qualifiedName()
                  + ": fish is not supported yet; bash and zsh are (argo4j completion bash|zsh)");
      return ExitCodes.USAGE;
    }
    out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    out().flush();
    return ExitCodes.OK;
  }
}
