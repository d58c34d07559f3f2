package dev.flinkctl.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the committed output of {@link CountingJob} for duplicates, loss and lost state.
 *
 * <p>Plain Java on purpose: it runs from the job jar without a Flink classpath, and tests call it as a library.
 */
public final class VerifyOutput {

    static final int SAMPLE = 20;

    private VerifyOutput() {}

    /**
     * Outcome of a check. {@code duplicates}, {@code missingSample} and {@code countErrors} hold at most the
     * first {@value #SAMPLE} findings; {@code missingCount} is exact. A class rather than a record because the
     * jar targets Java 11, the JVM of the default Flink 1.x images.
     */
    public static final class Report {
        private final long records;
        private final long maxSeq;
        private final List<Long> duplicates;
        private final long missingCount;
        private final List<Long> missingSample;
        private final List<String> countErrors;

        public Report(long records, long maxSeq, List<Long> duplicates, long missingCount,
                      List<Long> missingSample, List<String> countErrors) {
            this.records = records;
            this.maxSeq = maxSeq;
            this.duplicates = List.copyOf(duplicates);
            this.missingCount = missingCount;
            this.missingSample = List.copyOf(missingSample);
            this.countErrors = List.copyOf(countErrors);
        }

        public long records() {
            return records;
        }

        public long maxSeq() {
            return maxSeq;
        }

        public List<Long> duplicates() {
            return duplicates;
        }

        public long missingCount() {
            return missingCount;
        }

        public List<Long> missingSample() {
            return missingSample;
        }

        public List<String> countErrors() {
            return countErrors;
        }

        /** No output at all is a failure too: a job that never committed has lost everything. */
        public boolean ok() {
            return records > 0 && duplicates.isEmpty() && missingCount == 0 && countErrors.isEmpty();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Report)) {
                return false;
            }
            Report r = (Report) o;
            return records == r.records && maxSeq == r.maxSeq && duplicates.equals(r.duplicates)
                    && missingCount == r.missingCount && missingSample.equals(r.missingSample)
                    && countErrors.equals(r.countErrors);
        }

        @Override
        public int hashCode() {
            return Objects.hash(records, maxSeq, duplicates, missingCount, missingSample, countErrors);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(ok() ? "OK" : "FAILED").append(": ").append(records)
                    .append(records == 0 ? " records: no committed part files with output" : " records")
                    .append(records == 0 ? "" : ", max seq " + maxSeq);
            if (!duplicates.isEmpty()) {
                s.append("\n  duplicated seqs (first ").append(SAMPLE).append("): ").append(duplicates);
            }
            if (missingCount > 0) {
                s.append("\n  missing ").append(missingCount).append(" seqs, first: ").append(missingSample);
            }
            if (!countErrors.isEmpty()) {
                s.append("\n  count errors (first ").append(SAMPLE).append("):");
                countErrors.forEach(e -> s.append("\n    ").append(e));
            }
            return s.toString();
        }
    }

    private static final class Line {
        final int key;
        final long seq;
        final long count;

        Line(int key, long seq, long count) {
            this.key = key;
            this.seq = seq;
            this.count = count;
        }
    }

    public static Report verify(Path outputDir, int keys) {
        List<Line> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : committedPartFiles(outputDir)) {
            read(file, lines, errors);
        }
        lines.sort(Comparator.comparingLong(line -> line.seq));

        List<Long> duplicates = new ArrayList<>();
        List<Long> missingSample = new ArrayList<>();
        long missingCount = 0;
        long previousSeq = -1;
        Map<Integer, Long> lastCount = new HashMap<>();
        for (Line line : lines) {
            if (line.seq == previousSeq) {
                if (duplicates.isEmpty() || duplicates.get(duplicates.size() - 1) != line.seq) {
                    addSample(duplicates, line.seq);
                }
                // A replayed line repeats its count; counting it again would only echo the duplicate.
                continue;
            }
            missingCount += line.seq - previousSeq - 1;
            for (long gap = previousSeq + 1; gap < line.seq && missingSample.size() < SAMPLE; gap++) {
                missingSample.add(gap);
            }
            previousSeq = line.seq;

            if (line.key != line.seq % keys) {
                addSample(errors, "seq " + line.seq + " has key " + line.key + ", expected "
                        + line.seq % keys + " for " + keys + " keys");
            }
            long expected = lastCount.getOrDefault(line.key, 0L) + 1;
            if (line.count != expected) {
                addSample(errors, "key " + line.key + ": seq " + line.seq + " has count " + line.count
                        + ", expected " + expected + (line.count == 1 ? " (state lost?)" : ""));
            }
            // Resynchronise so one restart yields one error rather than one per later record.
            lastCount.put(line.key, line.count);
        }
        return new Report(lines.size(), previousSeq, duplicates, missingCount, missingSample, errors);
    }

    /**
     * FileSink names committed files part-*; in-progress and pending ones start with a dot and may still be
     * rolled back, so anything hidden (file or directory) is skipped. A missing directory has no files.
     */
    static List<Path> committedPartFiles(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            // The sink creates the directory lazily, so "nothing committed yet" must not be an error.
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(outputDir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith("part-"))
                    .filter(p -> !isHidden(outputDir.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + outputDir, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void read(Path file, List<Line> lines, List<String> errors) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        for (String text : raw) {
            if (text.isBlank()) {
                continue;
            }
            String[] fields = text.split(",");
            try {
                // A fourth field is the --stamp time, which says nothing about loss or duplicates.
                if (fields.length != 3 && fields.length != 4) {
                    throw new NumberFormatException();
                }
                Line line = new Line(Integer.parseInt(fields[0].trim()), Long.parseLong(fields[1].trim()),
                        Long.parseLong(fields[2].trim()));
                if (line.seq < 0) {
                    throw new NumberFormatException();
                }
                lines.add(line);
            } catch (NumberFormatException e) {
                addSample(errors, "malformed line in " + file.getFileName() + ": " + text);
            }
        }
    }

    private static <T> void addSample(List<T> sample, T item) {
        if (sample.size() < SAMPLE) {
            sample.add(item);
        }
    }

    /** {@code VerifyOutput DIR [KEYS]}: prints the report; exits 0 if ok, 1 if not, 2 on bad usage. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: VerifyOutput DIR [KEYS]   (DIR a path or file:// URI, KEYS default 8)");
            System.exit(2);
        }
        Path dir = args[0].startsWith("file:") ? Paths.get(URI.create(args[0])) : Paths.get(args[0]);
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Report report = verify(dir, keys);
        System.out.println(report);
        System.exit(report.ok() ? 0 : 1);
    }
}
