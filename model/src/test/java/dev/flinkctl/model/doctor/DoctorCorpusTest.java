package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.Finding;
import dev.flinkctl.model.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in test resources doctor/: for every rule, RULE.yaml triggers it and RULE-ok.yaml,
 * a near miss, does not. Each file's "# expect:" line lists exactly the rules it triggers.
 */
class DoctorCorpusTest {
  static final Path CORPUS = Seeds.root().resolve("model/src/test/resources/doctor");
  // Notes about what flinkctl decided, printed by render; not verdicts on the spec.
  static final Set<String> NOTES = Set.of("config-derived", "config-overridden", "config-local", "parallelism-source");
  // Built-in rules the issue names, kept in the corpus beside the doctor's own.
  static final List<String> ALSO_COVERED = List.of("memory-process-size-mismatch", "ha-storage-required",
      "config-key-clash");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void reportsExactlyTheExpectedRules(Path spec) {
    String text = Seeds.read(spec);
    Doctor.Report report = Doctor.examine(Seeds.parse(text, spec.toString()));
    Set<String> reported = report.findings().stream().map(Finding::rule).filter(r -> !NOTES.contains(r))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(reported).as("%s reported %s", spec.getFileName(), report.findings()).isEqualTo(expected(text));
  }

  @Test
  void everyRuleHasATriggerAndANearMiss() throws IOException {
    List<String> rules = Stream.concat(Arrays.stream(Rule.values()).map(Rule::id), ALSO_COVERED.stream()).toList();
    for (String rule : rules) {
      Path trigger = CORPUS.resolve(rule + ".yaml");
      Path nearMiss = CORPUS.resolve(rule + "-ok.yaml");
      assertThat(trigger).as("corpus file that triggers %s", rule).exists();
      assertThat(nearMiss).as("corpus file that does not trigger %s", rule).exists();
      assertThat(expected(Files.readString(trigger))).as(trigger.toString()).contains(rule);
      assertThat(expected(Files.readString(nearMiss))).as(nearMiss.toString()).doesNotContain(rule);
    }
  }

  static Set<String> expected(String text) {
    String line = text.lines().filter(l -> l.startsWith("# expect:")).findFirst()
        .orElseThrow(() -> new AssertionError("no '# expect:' line"));
    return Arrays.stream(line.substring("# expect:".length()).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
