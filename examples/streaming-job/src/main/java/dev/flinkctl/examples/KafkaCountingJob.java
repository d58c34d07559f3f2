package dev.flinkctl.examples;

import java.util.Map;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka mode of {@link CountingJob}: counts {@code key,seq} records from a topic per key and writes
 * {@code key,seq,count} lines through the same exactly-once FileSink; {@link VerifyKafkaOutput} checks them.
 *
 * <p>No operator sets a parallelism, so the whole job, source included, follows the job's default parallelism
 * and rescales with it: that is what a lag-driven autoscaler needs to act on. Offsets are committed to the
 * group on each completed checkpoint, so the group's lag tells how far the job's checkpointed progress is.
 */
final class KafkaCountingJob {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCountingJob.class);

    static final String DEFAULT_NAME = "flinkctl-kafka-counting-job";

    private KafkaCountingJob() {}

    static void run(Map<String, String> args, String output, long checkpointInterval) throws Exception {
        String bootstrap = args.get(CountingJob.KAFKA_BOOTSTRAP);
        String topic = args.get("topic");
        String group = args.get("group");
        if (topic == null || group == null) {
            throw new IllegalArgumentException("--" + CountingJob.KAFKA_BOOTSTRAP + " needs --topic and --group too");
        }
        long workMicros = Long.parseLong(args.getOrDefault("work-micros", "0"));
        if (workMicros < 0) {
            throw new IllegalArgumentException("--work-micros must not be negative");
        }
        String name = args.getOrDefault("name", DEFAULT_NAME);
        LOG.info("Starting {}: output={} bootstrap={} topic={} group={} workMicros={} checkpointInterval={}ms",
                name, output, bootstrap, topic, group, workMicros, checkpointInterval);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // Same as datagen mode: fixed key groups keep keyed state restorable across rescales.
        env.setMaxParallelism(128);
        CountingJob.configureCheckpointing(env, args.containsKey("checkpoint-interval"), checkpointInterval);

        env.fromSource(source(bootstrap, topic, group), WatermarkStrategy.noWatermarks(), "kafka-source")
                .uid("kafka-source")
                .flatMap(new ParseRecord())
                .uid("parse")
                .name("parse")
                .keyBy(record -> record.f0)
                .process(new CountRecords(workMicros))
                .uid("count-per-key")
                .name("count-per-key")
                .sinkTo(CountingJob.fileSink(output))
                .uid("file-sink")
                .name("file-sink");

        env.execute(name);
    }

    static KafkaSource<String> source(String bootstrap, String topic, String group) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(group)
                // A fresh start resumes where the group left off; a restore uses the offsets in Flink's state.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setValueOnlyDeserializer(new SimpleStringSchema())
                // The default already, stated because lag-based scaling depends on it.
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setClientIdPrefix(group)
                .build();
    }

    /**
     * {@code key,seq} to (key, seq), split at the last comma. A malformed record is logged and dropped rather
     * than failing the job, which would only replay it forever; the verifier then reports the key as short.
     */
    static final class ParseRecord implements FlatMapFunction<String, Tuple2<String, Long>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Long>> out) {
            int comma = value.lastIndexOf(',');
            try {
                if (comma <= 0) {
                    throw new NumberFormatException("no key");
                }
                out.collect(Tuple2.of(value.substring(0, comma), Long.parseLong(value.substring(comma + 1).trim())));
            } catch (NumberFormatException e) {
                LOG.warn("Dropping malformed record '{}': expected key,seq", value);
            }
        }
    }

    /** Like {@link CountingJob.CountPerKey}, keyed by string, plus optional CPU work per record. */
    static final class CountRecords extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private final long workMicros;
        // Fetched lazily for the same reason as in CountPerKey: open() differs between Flink 1.x and 2.x.
        private transient ValueState<Long> count;

        CountRecords(long workMicros) {
            this.workMicros = workMicros;
        }

        @Override
        public void processElement(Tuple2<String, Long> record, Context ctx, Collector<String> out)
                throws Exception {
            busySpin(workMicros);
            if (count == null) {
                count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            }
            Long previous = count.value();
            long current = previous == null ? 1 : previous + 1;
            count.update(current);
            out.collect(record.f0 + "," + record.f1 + "," + current);
        }
    }

    /** Spins rather than sleeps: a sleeping task counts as idle, and the point is to raise busy time. */
    static void busySpin(long micros) {
        if (micros <= 0) {
            return;
        }
        long until = System.nanoTime() + micros * 1_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
