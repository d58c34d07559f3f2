package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.Seeds;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule's docs link lands on a section of docs/rules.md, and every section is a rule. */
class RulesDocTest {
  static final String DOC = Seeds.read(Seeds.root().resolve("docs/rules.md"));

  @Test
  void everyRuleHasASectionNamedByItsId() {
    Set<String> sections = DOC.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3).trim())
        .collect(Collectors.toSet());
    List<String> ids = Stream.concat(Stream.of(Rule.values()).map(Rule::id), Rule.BUILT_IN.stream()).toList();
    assertThat(sections).containsAll(ids);
    assertThat(ids).containsAll(sections.stream().filter(s -> s.matches("[a-z0-9-]+")).toList());
  }

  @Test
  void eachSectionStatesTheRulesSeverity() {
    for (Rule rule : Rule.values()) {
      String section = DOC.substring(DOC.indexOf("## " + rule.id() + "\n"));
      String expected = switch (rule.severity()) {
        case ERROR -> "**Error.**";
        case WARNING -> "**Warning.**";
        case INFO -> "**Note.**";
      };
      assertThat(section.lines().skip(1).filter(l -> !l.isBlank()).findFirst().orElse("")).as(rule.id())
          .startsWith(expected);
    }
  }

  @Test
  void docsLinkPointsAtTheSection() {
    assertThat(Rule.docs("s3-query-string"))
        .isEqualTo("https://github.com/flinkctl/flinkctl/blob/main/docs/rules.md#s3-query-string");
  }
}
