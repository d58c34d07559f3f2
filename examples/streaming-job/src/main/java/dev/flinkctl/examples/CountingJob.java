package dev.flinkctl.examples;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateful streaming job whose output {@link VerifyOutput} can check for loss, duplicates and lost state.
 *
 * <p>Datagen mode (the default): record i of a deterministic sequence is keyed by {@code i % keys}; each key
 * counts its records in keyed state and every record becomes the line {@code key,seq,count}. Kafka mode
 * ({@code --kafka-bootstrap}) counts {@code key,seq} records from a topic instead, see {@link KafkaCountingJob}.
 * The jar is built against Flink 1.20 but datagen mode uses only APIs that exist unchanged from 1.18 through 2.1,
 * so it must not use OpenContext, open(Configuration), SourceFunction, Time, RestartStrategies or either
 * CheckpointingMode class. Kafka mode needs a connector built for the cluster's Flink: this jar's is for 1.20.
 */
public final class CountingJob {

    private static final Logger LOG = LoggerFactory.getLogger(CountingJob.class);

    static final String DEFAULT_NAME = "flinkctl-counting-job";
    private static final Set<String> DATAGEN_FLAGS = Set.of("rate", "keys", "count", "stamp");
    static final String KAFKA_BOOTSTRAP = "kafka-bootstrap";
    // Named here, not in KafkaCountingJob: datagen mode must not load the Kafka classes, which are built for
    // Flink 1.20 only, while datagen mode runs on 1.18 through 2.x.
    static final Set<String> KAFKA_FLAGS = Set.of(KAFKA_BOOTSTRAP, "topic", "group", "work-micros");
    private static final Set<String> FLAGS = union(
            Set.of("output", "checkpoint-interval", "name"), DATAGEN_FLAGS, KAFKA_FLAGS);

    private CountingJob() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        String output = args.get("output");
        if (output == null) {
            throw new IllegalArgumentException("--output DIR is required (a path or a file:// URI)");
        }
        long checkpointInterval = Long.parseLong(args.getOrDefault("checkpoint-interval", "2000"));
        if (checkpointInterval <= 0) {
            throw new IllegalArgumentException("--checkpoint-interval must be positive");
        }
        if (args.containsKey(KAFKA_BOOTSTRAP)) {
            rejectAny(args, DATAGEN_FLAGS, "--" + KAFKA_BOOTSTRAP);
            KafkaCountingJob.run(args, output, checkpointInterval);
            return;
        }
        rejectAny(args, KAFKA_FLAGS, "datagen mode (no --" + KAFKA_BOOTSTRAP + ")");
        double rate = Double.parseDouble(args.getOrDefault("rate", "50"));
        int keys = Integer.parseInt(args.getOrDefault("keys", "8"));
        // DataGeneratorSource treats Long.MAX_VALUE records as "practically unbounded".
        long count = Long.parseLong(args.getOrDefault("count", String.valueOf(Long.MAX_VALUE)));
        String name = args.getOrDefault("name", DEFAULT_NAME);
        if (rate <= 0 || keys <= 0 || count <= 0) {
            throw new IllegalArgumentException("--rate, --keys and --count must be positive");
        }
        LOG.info("Starting {}: output={} rate={}/s keys={} checkpointInterval={}ms count={}",
                name, output, rate, keys, checkpointInterval,
                count == Long.MAX_VALUE ? "unbounded" : count);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // Fixed so keyed state maps onto the same key groups across rescales and savepoint restores.
        env.setMaxParallelism(128);
        configureCheckpointing(env, args.containsKey("checkpoint-interval"), checkpointInterval);

        DataGeneratorSource<Tuple2<Integer, Long>> source = new DataGeneratorSource<>(
                new KeyedIndex(keys), count, RateLimiterStrategy.perSecond(rate),
                Types.TUPLE(Types.INT, Types.LONG));

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "sequence")
                .uid("sequence-source")
                // One source subtask, also under reactive/adaptive scaling, so each key sees its records in
                // seq order and counts can be checked against seq order. Rescaling applies downstream.
                .setParallelism(1)
                .setMaxParallelism(1)
                .keyBy(record -> record.f0)
                .process(new CountPerKey(Boolean.parseBoolean(args.getOrDefault("stamp", "false"))))
                .uid("count-per-key")
                .name("count-per-key")
                .sinkTo(fileSink(output))
                .uid("file-sink")
                .name("file-sink");

        env.execute(name);
    }

    /**
     * A cluster that configures checkpointing keeps its interval unless the flag is given explicitly.
     * enableCheckpointing(long) leaves the mode at its default, EXACTLY_ONCE: the overload taking a mode needs
     * a CheckpointingMode class, and the 1.x one is gone in 2.0 while the 2.x one is absent in 1.18/1.19.
     */
    static void configureCheckpointing(StreamExecutionEnvironment env, boolean explicit, long interval) {
        if (explicit || !env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(interval);
        }
    }

    /** Row-format part files of {@code key,seq,count} lines, the format {@link VerifyOutput} reads. */
    static FileSink<String> fileSink(String output) {
        return FileSink
                .forRowFormat(new Path(output), new SimpleStringEncoder<String>("UTF-8"))
                // Files are committed only by a completed checkpoint, which makes the output exactly-once.
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    /** A flag of the other mode would be silently ignored, so it is refused instead. */
    static void rejectAny(Map<String, String> args, Set<String> flags, String mode) {
        for (String flag : flags) {
            if (args.containsKey(flag)) {
                throw new IllegalArgumentException("--" + flag + " does not apply in " + mode);
            }
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            String flag = argv[i];
            if (!flag.startsWith("--") || !FLAGS.contains(flag.substring(2)) || i + 1 >= argv.length) {
                throw new IllegalArgumentException("Expected --flag value pairs with flags " + FLAGS
                        + ", got: " + String.join(" ", argv));
            }
            args.put(flag.substring(2), argv[i + 1]);
        }
        return args;
    }

    /** Turns index i into (i % keys, i); a pure function of i, so a restored source replays identically. */
    static final class KeyedIndex implements GeneratorFunction<Long, Tuple2<Integer, Long>> {
        private final int keys;

        KeyedIndex(int keys) {
            this.keys = keys;
        }

        @Override
        public Tuple2<Integer, Long> map(Long index) {
            return Tuple2.of((int) (index % keys), index);
        }
    }

    /**
     * Emits key,seq,count where count includes this record, so restored state continues the count. With
     * {@code --stamp true} a fourth field holds the wall-clock millis it was counted: gaps in it show how long
     * no record got through, which is how the rescale benchmark reads downtime off the sink.
     */
    static final class CountPerKey extends KeyedProcessFunction<Integer, Tuple2<Integer, Long>, String> {
        private final boolean stamp;
        // Fetched lazily because open() changed signature between 1.x and 2.x; no single override fits both.
        private transient ValueState<Long> count;

        CountPerKey(boolean stamp) {
            this.stamp = stamp;
        }

        @Override
        public void processElement(Tuple2<Integer, Long> record, Context ctx, Collector<String> out)
                throws Exception {
            if (count == null) {
                count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            }
            Long previous = count.value();
            long current = previous == null ? 1 : previous + 1;
            count.update(current);
            String line = record.f0 + "," + record.f1 + "," + current;
            out.collect(stamp ? line + "," + System.currentTimeMillis() : line);
        }
    }
}
