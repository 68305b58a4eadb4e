package io.argo4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each manifest under {@code invalid/} states the findings it must produce in header comments:
 *
 * <pre>
 * # expect: 12:7 spec.templates[1].steps[0][0].template [template-ref] is not defined
 * </pre>
 *
 * (line:column, field path, rule id, a fragment of the message). Every expected finding must be
 * reported, exactly there, and no other error may be. A file may name WorkflowTemplates it is
 * linted with: {@code # with: other.yaml}. JSON files, which have no comments, keep these lines in
 * a {@code <file>.expect} file next to them.
 */
class InvalidManifestsTest {
  private static final Pattern EXPECT =
      Pattern.compile("^# expect: (\\d+):(\\d+) (\\S*) \\[([a-z-]+)] (.+)$");
  private static final Pattern WITH = Pattern.compile("^# with: (\\S+)$");

  record Expected(int line, int column, String path, String rule, String fragment) {
    boolean matches(Finding f) {
      return f.line() == line
          && f.column() == column
          && f.path().equals(path)
          && f.rule().id().equals(rule)
          && f.message().contains(fragment);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidManifestReportsWhatItExpects() {
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(60);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
    if (Files.exists(sidecar)) {
      lines.addAll(Files.readAllLines(sidecar));
    }
    List<Expected> expected = new ArrayList<>();
    List<LintSource> sources = new ArrayList<>();
    sources.add(LintSource.of(file));
    for (String line : lines) {
      Matcher m = EXPECT.matcher(line);
      if (m.matches()) {
        expected.add(
            new Expected(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3),
                m.group(4),
                m.group(5)));
      }
      Matcher w = WITH.matcher(line);
      if (w.matches()) {
        sources.add(LintSource.of(file.resolveSibling("../with/" + w.group(1)).normalize()));
      }
    }
    LintReport report = Linter.builder().build().lint(sources);
    String actual = report.toSimpleText();
    assertThat(expected)
        .as("no '# expect:' line in %s; it reports:%n%s", file, actual)
        .isNotEmpty();
    for (Expected e : expected) {
      assertThat(report.findings().stream().anyMatch(e::matches))
          .as("%s should report %s; it reports:%n%s", file.getFileName(), e, actual)
          .isTrue();
    }
    for (Finding f : report.errors()) {
      assertThat(expected.stream().anyMatch(e -> e.matches(f)))
          .as("%s reports an error not expected: %s", file.getFileName(), f)
          .isTrue();
    }
    assertThat(report.hasErrors()).isTrue();
  }

  private static List<Path> files() {
    try {
      Path dir = Path.of(InvalidManifestsTest.class.getResource("/invalid").toURI());
      try (Stream<Path> list = Files.list(dir)) {
        return list.filter(p ->
                p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".json")
                    || p.toString().endsWith(".txt"))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
