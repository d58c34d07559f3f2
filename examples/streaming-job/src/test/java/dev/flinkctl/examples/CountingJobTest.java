package dev.flinkctl.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.flinkctl.examples.VerifyOutput.Report;

class CountingJobTest {

    /** Runs the real job on a local MiniCluster: bounded input must still end with every file committed. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void boundedRunCommitsEveryRecordExactlyOnce(@TempDir Path dir) throws Exception {
        CountingJob.main(new String[] {
            "--output", dir.toUri().toString(), "--count", "2000", "--rate", "2000",
            // Shorter than the default so the run spans several checkpoints and therefore several part files.
            "--checkpoint-interval", "300"});

        Report report = VerifyOutput.verify(dir, 8);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(2000);
        assertThat(report.maxSeq()).isEqualTo(1999);
        assertThat(VerifyOutput.committedPartFiles(dir)).hasSizeGreaterThan(1);
    }

    @Test
    void parsesFlagValuePairsAndRejectsTheRest() {
        assertThat(CountingJob.parse(new String[] {"--output", "/tmp/x", "--keys", "4"}))
                .isEqualTo(Map.of("output", "/tmp/x", "keys", "4"));
        assertThatThrownBy(() -> CountingJob.parse(new String[] {"--output"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountingJob.parse(new String[] {"--outptu", "/tmp/x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clusterCheckpointIntervalWinsOverTheDefaultButNotOverTheFlag() {
        Configuration cluster = new Configuration();
        cluster.setString("execution.checkpointing.interval", "7 s");

        StreamExecutionEnvironment configured = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        CountingJob.configureCheckpointing(configured, false, 2000);
        assertThat(configured.getCheckpointInterval()).isEqualTo(7000);

        StreamExecutionEnvironment flagged = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
        CountingJob.configureCheckpointing(flagged, true, 500);
        assertThat(flagged.getCheckpointInterval()).isEqualTo(500);

        StreamExecutionEnvironment bare = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        CountingJob.configureCheckpointing(bare, false, 2000);
        assertThat(bare.getCheckpointInterval()).isEqualTo(2000);
        assertThat(bare.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    }

    @Test
    void outputIsRequired() {
        assertThatThrownBy(() -> CountingJob.main(new String[] {"--rate", "5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--output");
    }
}
