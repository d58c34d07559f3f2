package dev.flinkctl.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the committed output of {@link KafkaCountingJob} against what was produced: for every key with N
 * produced records, seqs 1..N each appear exactly once and each line's count equals its seq. The producer
 * numbers each key's records 1, 2, 3... and a key stays in one partition, so a job that counted every record
 * exactly once, in order, across any restores and rescales, emits exactly that; anything else is loss,
 * duplication or lost state.
 *
 * <p>Plain Java like {@link VerifyOutput}: runs from the job jar without Flink, and tests call it as a library.
 */
public final class VerifyKafkaOutput {

    private VerifyKafkaOutput() {}

    /** Outcome of a check; the lists hold at most the first {@value VerifyOutput#SAMPLE} findings each. */
    public static final class Report {
        private final long records;
        private final long expected;
        private final List<String> duplicates;
        private final long missingCount;
        private final List<String> missingSample;
        private final List<String> errors;

        Report(long records, long expected, List<String> duplicates, long missingCount, List<String> missingSample,
               List<String> errors) {
            this.records = records;
            this.expected = expected;
            this.duplicates = List.copyOf(duplicates);
            this.missingCount = missingCount;
            this.missingSample = List.copyOf(missingSample);
            this.errors = List.copyOf(errors);
        }

        /** Committed lines read, duplicates included. */
        public long records() {
            return records;
        }

        /** Records produced, over all keys. */
        public long expected() {
            return expected;
        }

        /** {@code key:seq} of lines seen more than once. */
        public List<String> duplicates() {
            return duplicates;
        }

        public long missingCount() {
            return missingCount;
        }

        /** {@code key:seq} of produced records with no line. */
        public List<String> missingSample() {
            return missingSample;
        }

        /** Counts that differ from their seq, unexpected keys or seqs, malformed lines. */
        public List<String> errors() {
            return errors;
        }

        /** Nothing produced and nothing committed is not a pass: the check would have tested nothing. */
        public boolean ok() {
            return expected > 0 && records == expected && duplicates.isEmpty() && missingCount == 0
                    && errors.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(ok() ? "OK" : "FAILED").append(": ").append(records)
                    .append(" records committed, ").append(expected).append(" produced");
            if (!duplicates.isEmpty()) {
                s.append("\n  duplicated key:seq (first ").append(VerifyOutput.SAMPLE).append("): ").append(duplicates);
            }
            if (missingCount > 0) {
                s.append("\n  missing ").append(missingCount).append(" records, first: ").append(missingSample);
            }
            if (!errors.isEmpty()) {
                s.append("\n  errors (first ").append(VerifyOutput.SAMPLE).append("):");
                errors.forEach(e -> s.append("\n    ").append(e));
            }
            return s.toString();
        }
    }

    /** @param produced records produced per key, numbered 1..N per key */
    public static Report verify(Path outputDir, Map<String, Long> produced) {
        List<String> errors = new ArrayList<>();
        // key -> seq -> count; a seq seen twice is recorded as a duplicate instead.
        Map<String, Map<Long, Long>> seen = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        long records = 0;
        for (Path file : VerifyOutput.committedPartFiles(outputDir)) {
            for (String text : lines(file)) {
                if (text.isBlank()) {
                    continue;
                }
                records++;
                String[] line = parse(text);
                if (line == null) {
                    addSample(errors, "malformed line in " + file.getFileName() + ": " + text);
                    continue;
                }
                long seq = Long.parseLong(line[1]);
                Long previous = seen.computeIfAbsent(line[0], k -> new TreeMap<>()).putIfAbsent(seq,
                        Long.parseLong(line[2]));
                if (previous != null) {
                    addSample(duplicates, line[0] + ":" + seq);
                }
            }
        }

        long expected = 0;
        long missing = 0;
        List<String> missingSample = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(produced.keySet());
        keys.addAll(seen.keySet());
        for (String key : keys) {
            long n = produced.getOrDefault(key, 0L);
            expected += n;
            Map<Long, Long> counts = seen.getOrDefault(key, Map.of());
            for (long seq = 1; seq <= n; seq++) {
                if (!counts.containsKey(seq)) {
                    missing++;
                    addSample(missingSample, key + ":" + seq);
                }
            }
            for (Map.Entry<Long, Long> line : counts.entrySet()) {
                long seq = line.getKey();
                if (seq < 1 || seq > n) {
                    addSample(errors, "key " + key + ": seq " + seq + " was never produced (" + n + " were)");
                } else if (line.getValue() != seq) {
                    addSample(errors, "key " + key + ": seq " + seq + " has count " + line.getValue()
                            + ", expected " + seq + (line.getValue() == 1 ? " (state lost?)" : ""));
                }
            }
        }
        return new Report(records, expected, duplicates, missing, missingSample, errors);
    }

    /** {@code key,seq,count} split at the last two commas (a key may contain commas), or null if malformed. */
    static String[] parse(String text) {
        int last = text.lastIndexOf(',');
        int middle = last <= 0 ? -1 : text.lastIndexOf(',', last - 1);
        if (middle <= 0) {
            return null;
        }
        String[] line = {text.substring(0, middle), text.substring(middle + 1, last).trim(),
            text.substring(last + 1).trim()};
        try {
            Long.parseLong(line[1]);
            Long.parseLong(line[2]);
            return line;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void addSample(List<String> sample, String item) {
        if (sample.size() < VerifyOutput.SAMPLE) {
            sample.add(item);
        }
    }

    /** {@code VerifyKafkaOutput DIR KEY=N...}: prints the report; exits 0 if ok, 1 if not, 2 on bad usage. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: VerifyKafkaOutput DIR KEY=N...   (DIR a path or file:// URI; N records "
                    + "produced for KEY)");
            System.exit(2);
        }
        Path dir = args[0].startsWith("file:") ? Paths.get(URI.create(args[0])) : Paths.get(args[0]);
        Map<String, Long> produced = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].lastIndexOf('=');
            if (eq <= 0) {
                System.err.println("expected KEY=N, got: " + args[i]);
                System.exit(2);
            }
            produced.put(args[i].substring(0, eq), Long.parseLong(args[i].substring(eq + 1)));
        }
        Report report = verify(dir, produced);
        System.out.println(report);
        System.exit(report.ok() ? 0 : 1);
    }
}
