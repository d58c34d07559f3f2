package dev.flinkctl.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The Kafka mode's arguments and record handling; the end-to-end run against a real broker is in local/. */
class KafkaCountingJobTest {

    @Test
    void kafkaFlagsParseAndNeedTopicAndGroup() {
        assertThat(CountingJob.parse(new String[] {"--kafka-bootstrap", "h:1", "--topic", "t", "--group", "g",
            "--work-micros", "5", "--output", "/tmp/x"})).containsEntry("kafka-bootstrap", "h:1")
                .containsEntry("work-micros", "5");
        assertThatThrownBy(() -> CountingJob.main(new String[] {"--kafka-bootstrap", "h:1", "--topic", "t",
            "--output", "/tmp/x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--group");
    }

    @Test
    void flagsOfTheOtherModeAreRefused() {
        assertThatThrownBy(() -> CountingJob.main(new String[] {"--kafka-bootstrap", "h:1", "--topic", "t",
            "--group", "g", "--rate", "5", "--output", "/tmp/x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate does not apply");
        assertThatThrownBy(() -> CountingJob.main(new String[] {"--topic", "t", "--output", "/tmp/x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--topic does not apply in datagen mode");
    }

    @Test
    void recordsParseAtTheLastCommaAndMalformedOnesAreDropped() {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        Collector<Tuple2<String, Long>> collector = collector(out);
        KafkaCountingJob.ParseRecord parse = new KafkaCountingJob.ParseRecord();
        for (String record : List.of("3,17", "a,b,2", "no-comma", ",4", "5,x")) {
            parse.flatMap(record, collector);
        }
        assertThat(out).containsExactly(Tuple2.of("3", 17L), Tuple2.of("a,b", 2L));
    }

    @Test
    void busySpinTakesAtLeastTheRequestedTime() {
        long start = System.nanoTime();
        KafkaCountingJob.busySpin(2_000);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(2_000_000L);
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
