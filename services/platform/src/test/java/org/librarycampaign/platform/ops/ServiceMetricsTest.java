package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ServiceMetrics metrics = new ServiceMetrics(registry, "crisis");

  @Test
  void namesAreTheServiceUnderCampaign() {
    assertThat(ServiceMetrics.name("governance", "decisions"))
        .isEqualTo("campaign.governance.decisions");
    assertThat(metrics.name("escalations")).isEqualTo("campaign.crisis.escalations");
  }

  @Test
  void countersAreRegisteredOnceWithTheirTags() {
    metrics.counter("campaign.crisis.notifications", "kind", "alert").increment();
    metrics.counter("campaign.crisis.notifications", "kind", "alert").increment(2);
    metrics.counter("campaign.crisis.notifications", "kind", "resolution").increment();

    assertThat(registry.get("campaign.crisis.notifications").tag("kind", "alert").counter().count())
        .isEqualTo(3.0);
    assertThat(
            registry
                .get("campaign.crisis.notifications")
                .tag("kind", "resolution")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aCounterCanCarryItsHelpText() {
    metrics
        .counter("campaign.crisis.incidents", Tags.of("outcome", "routed"), "Incidents reported")
        .increment();

    assertThat(registry.get("campaign.crisis.incidents").counter().getId().getDescription())
        .isEqualTo("Incidents reported");
  }

  @Test
  void timersAreNamedTheSameWay() {
    metrics
        .timer("campaign.crisis.attempt.duration", "channel", "email")
        .record(Duration.ofMillis(5));

    assertThat(
            registry
                .get("campaign.crisis.attempt.duration")
                .tag("channel", "email")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void anotherServicesNameIsRefused() {
    assertThatThrownBy(() -> metrics.counter("campaign.governance.decisions"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("campaign.crisis.");
  }
}
