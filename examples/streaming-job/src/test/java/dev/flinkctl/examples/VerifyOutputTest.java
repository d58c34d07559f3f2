package dev.flinkctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flinkctl.examples.VerifyOutput.Report;

class VerifyOutputTest {

    private static final int KEYS = 3;

    @TempDir
    Path dir;

    @Test
    void cleanRunSpreadOverBucketsAndFilesIsOk() throws IOException {
        List<String> lines = correctLines(30);
        write("2025-01-01--10/part-a-0-0", lines.subList(0, 10));
        write("2025-01-01--10/part-a-1-0", lines.subList(10, 20));
        write("2025-01-01--11/part-a-0-1", lines.subList(20, 30));

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(30);
        assertThat(report.maxSeq()).isEqualTo(29);
        assertThat(report.toString()).startsWith("OK: 30 records");
    }

    @Test
    void stampedLinesAreCheckedLikeThePlainOnes() throws IOException {
        List<String> lines = correctLines(20).stream().map(l -> l + ",1763800000000").collect(
                java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        lines.remove(3);
        write("s/part-a-0-0", lines);

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.toString()).doesNotContain("malformed");
    }

    @Test
    void duplicateLineIsReported() throws IOException {
        List<String> lines = correctLines(20);
        write("b/part-a-0-0", lines);
        write("b/part-a-0-1", List.of(lines.get(5)));

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.records()).isEqualTo(21);
        assertThat(report.duplicates()).containsExactly(5L);
        assertThat(report.missingCount()).isZero();
        assertThat(report.countErrors()).isEmpty();
        assertThat(report.toString()).contains("duplicated seqs").contains("[5]");
    }

    @Test
    void gapIsReportedAsMissing() throws IOException {
        List<String> lines = correctLines(20);
        lines.remove(7);
        lines.remove(7); // seq 8
        write("b/part-a-0-0", lines);

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.missingCount()).isEqualTo(2);
        assertThat(report.missingSample()).containsExactly(7L, 8L);
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.toString()).contains("missing 2 seqs");
    }

    @Test
    void largeGapCountsEverySeqButSamplesOnlyTheFirst() throws IOException {
        write("b/part-a-0-0", List.of("0,0,1", "1,1000,1"));

        Report report = VerifyOutput.verify(dir, 1000);

        assertThat(report.missingCount()).isEqualTo(999);
        assertThat(report.missingSample()).hasSize(VerifyOutput.SAMPLE).startsWith(1L, 2L);
    }

    @Test
    void countsRestartingAtOneForAKeyAreReportedOnce() throws IOException {
        List<String> lines = new ArrayList<>();
        long[] counts = new long[KEYS];
        for (long seq = 0; seq < 30; seq++) {
            int key = (int) (seq % KEYS);
            if (seq == 17) {
                counts[key] = 0; // as if the job restarted without its state
            }
            lines.add(key + "," + seq + "," + ++counts[key]);
        }
        write("b/part-a-0-0", lines);

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.missingCount()).isZero();
        assertThat(report.countErrors()).containsExactly("key 2: seq 17 has count 1, expected 6 (state lost?)");
    }

    @Test
    void hiddenInProgressAndPendingFilesAreIgnored() throws IOException {
        List<String> lines = correctLines(12);
        write("b/part-a-0-0", lines);
        write("b/.part-a-0-1.inprogress.1234", List.of("0,12,5", "garbage", lines.get(3)));
        write(".staging/part-a-0-2", List.of(lines.get(4)));
        write("b/_SUCCESS-like-marker", List.of("not a part file"));

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(12);
    }

    @Test
    void missingDirectoryIsAnEmptyFailedReport() {
        Report report = VerifyOutput.verify(dir.resolve("not-yet-created"), KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.records()).isZero();
        assertThat(report.toString()).startsWith("FAILED: 0 records");
    }

    @Test
    void malformedLinesAndEmptyOutputFail() throws IOException {
        assertThat(VerifyOutput.verify(dir, KEYS).ok()).isFalse();

        write("b/part-a-0-0", List.of("0,0,1", "oops"));
        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.ok()).isFalse();
        assertThat(report.countErrors()).singleElement().asString().contains("malformed").contains("oops");
    }

    @Test
    void keyNotMatchingSeqIsReported() throws IOException {
        write("b/part-a-0-0", List.of("0,0,1", "0,1,2"));

        Report report = VerifyOutput.verify(dir, KEYS);

        assertThat(report.countErrors()).containsExactly("seq 1 has key 0, expected 1 for 3 keys");
    }

    /** What a correct run emits for seqs 0..n-1. */
    private static List<String> correctLines(int n) {
        List<String> lines = new ArrayList<>();
        long[] counts = new long[KEYS];
        for (long seq = 0; seq < n; seq++) {
            int key = (int) (seq % KEYS);
            lines.add(key + "," + seq + "," + ++counts[key]);
        }
        return lines;
    }

    private void write(String relative, List<String> lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
