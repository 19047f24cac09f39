package dev.nanoka.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's rules table lists every rule, with its severity, and no rule that does not exist. */
class LintRuleDocsTest {

  @Test
  void everyRuleIsDocumentedWithItsSeverity() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("### Lint rules"),
        readme.indexOf("### In CI"));
    Set<String> documented = new HashSet<>();
    var row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning|note) \\|")
        .matcher(section);
    while (row.find()) {
      documented.add(row.group(1) + " " + row.group(2));
    }
    Set<String> rules = new HashSet<>();
    for (LintRule rule : LintRule.values()) {
      String severity = switch (rule.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "note";
      };
      rules.add(rule.id() + " " + severity);
      assertTrue(rule.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), rule.id());
    }
    assertEquals(rules, documented);
    assertEquals(List.of(LintRule.values()).size(), rules.size());
  }
}
