package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
  private final MockApi api = new MockApi();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theSameEventIsWrittenOnceAndARestartedOperatorCountsInsteadOfCopying() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    var note = new DecisionEvents.Note(DecisionEvents.NORMAL, "Scaling", "scaling TaskManagers to 5");
    EventRecorder first = new EventRecorder(api.client, clock, "a");
    first.record(fc, note);
    long writes = api.dispatcher.writes.get();
    first.record(fc, note);
    assertThat(api.dispatcher.writes.get()).isEqualTo(writes);

    new EventRecorder(api.client, clock, "b").record(fc, note);

    assertThat(api.client.v1().events().inNamespace("default").list().getItems()).singleElement()
        .satisfies(e -> {
          assertThat(e.getCount()).isEqualTo(2);
          assertThat(e.getInvolvedObject().getUid()).isEqualTo(fc.getMetadata().getUid());
          assertThat(e.getReason()).isEqualTo("Scaling");
        }).extracting(Event::getType).isEqualTo("Normal");
  }
}
