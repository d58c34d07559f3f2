package dev.flinkctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flinkctl.examples.VerifyKafkaOutput.Report;

class VerifyKafkaOutputTest {

    private static final Map<String, Long> PRODUCED = Map.of("0", 5L, "1", 3L, "k,2", 4L);

    @TempDir
    Path dir;

    @Test
    void everyProducedRecordCountedOnceInAnyFileOrderIsOk() throws IOException {
        List<String> lines = correctLines();
        write("b1/part-x-0-0", lines.subList(7, lines.size()));
        write("b0/part-x-1-3", lines.subList(0, 7));

        Report report = VerifyKafkaOutput.verify(dir, PRODUCED);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(12);
        assertThat(report.expected()).isEqualTo(12);
        assertThat(report.toString()).startsWith("OK: 12 records committed, 12 produced");
    }

    @Test
    void replayedLineIsADuplicate() throws IOException {
        List<String> lines = correctLines();
        lines.add("1,2,2");
        write("b/part-x-0-0", lines);

        Report report = VerifyKafkaOutput.verify(dir, PRODUCED);

        assertThat(report.ok()).isFalse();
        assertThat(report.duplicates()).containsExactly("1:2");
        assertThat(report.missingCount()).isZero();
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void unconsumedRecordsAreMissing() throws IOException {
        List<String> lines = correctLines();
        lines.remove("0,5,5");
        lines.remove("k,2,1,1");
        write("b/part-x-0-0", lines);

        Report report = VerifyKafkaOutput.verify(dir, PRODUCED);

        assertThat(report.ok()).isFalse();
        assertThat(report.missingCount()).isEqualTo(2);
        assertThat(report.missingSample()).containsExactly("0:5", "k,2:1");
        assertThat(report.toString()).contains("missing 2 records");
    }

    @Test
    void countThatRestartedIsLostState() throws IOException {
        write("b/part-x-0-0", List.of("0,1,1", "0,2,2", "0,3,1", "0,4,2", "0,5,3"));

        Report report = VerifyKafkaOutput.verify(dir, Map.of("0", 5L));

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).containsExactly("key 0: seq 3 has count 1, expected 3 (state lost?)",
                "key 0: seq 4 has count 2, expected 4", "key 0: seq 5 has count 3, expected 5");
    }

    @Test
    void recordsNobodyProducedAndMalformedLinesAreErrors() throws IOException {
        List<String> lines = correctLines();
        lines.add("7,1,1");
        lines.add("1,4,4");
        lines.add("1;5;5");
        write("b/part-x-0-0", lines);

        Report report = VerifyKafkaOutput.verify(dir, PRODUCED);

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).containsExactlyInAnyOrder(
                "malformed line in part-x-0-0: 1;5;5",
                "key 1: seq 4 was never produced (3 were)",
                "key 7: seq 1 was never produced (0 were)");
    }

    @Test
    void inProgressFilesAreNotCommittedOutput() throws IOException {
        List<String> lines = correctLines();
        write("b/part-x-0-0", lines.subList(0, 11));
        write("b/.part-x-0-1.inprogress.42", lines.subList(11, 12));

        Report report = VerifyKafkaOutput.verify(dir, PRODUCED);

        assertThat(report.ok()).isFalse();
        assertThat(report.missingCount()).isEqualTo(1);
    }

    @Test
    void nothingProducedIsNotAPass() {
        assertThat(VerifyKafkaOutput.verify(dir, Map.of()).ok()).isFalse();
        assertThat(VerifyKafkaOutput.verify(dir.resolve("absent"), PRODUCED).toString())
                .startsWith("FAILED: 0 records committed, 12 produced");
    }

    @Test
    void parseSplitsAtTheLastTwoCommas() {
        assertThat(VerifyKafkaOutput.parse("a,b,7,3")).containsExactly("a,b", "7", "3");
        assertThat(VerifyKafkaOutput.parse("7,3")).isNull();
        assertThat(VerifyKafkaOutput.parse(",7,3")).isNull();
        assertThat(VerifyKafkaOutput.parse("k,x,3")).isNull();
    }

    /** What a correct run emits for PRODUCED: count equals seq for every line. */
    private static List<String> correctLines() {
        List<String> lines = new ArrayList<>();
        PRODUCED.forEach((key, n) -> {
            for (long seq = 1; seq <= n; seq++) {
                lines.add(key + "," + seq + "," + seq);
            }
        });
        return lines;
    }

    private void write(String relative, List<String> lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
