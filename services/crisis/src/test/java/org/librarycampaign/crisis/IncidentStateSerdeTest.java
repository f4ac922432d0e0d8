package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.IncidentResponse;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.Resolution;
import org.librarycampaign.crisis.response.Responder;
import org.librarycampaign.crisis.response.Tier;

class IncidentStateSerdeTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00.123Z");
  private final IncidentStateSerde serde = new IncidentStateSerde();
  private final IncidentResponse rules = new IncidentResponse(Duration.ofMinutes(1));

  @Test
  void anIncidentSurvivesTheStoreUnchangedAtEveryStage() {
    Plan plan =
        new Plan(
            "*",
            List.of("Hold all posts"),
            List.of(
                new Tier(
                    15,
                    List.of(
                        new Responder(
                            "manager",
                            "Dana Reyes",
                            "Branch manager",
                            Severity.LOW,
                            List.of(new Contact(ContactChannel.SMS, "+15550100"))))),
                new Tier(30, List.of())));
    IncidentReport report =
        new IncidentReport(
            "i1", "westside", Severity.HIGH, IncidentCategory.SAFETY, "Smoke", null, T0);
    Incident unrouted = rules.report(Optional.empty(), report, Optional.empty(), T0).incident();
    Incident open = rules.report(Optional.of(unrouted), report, Optional.of(plan), T0).incident();
    Incident escalated = rules.escalate(open, T0.plusSeconds(3600)).incident();
    Incident acknowledged = rules.acknowledge(escalated, "dana", T0.plusSeconds(3601)).incident();
    Incident resolved =
        rules
            .resolve(acknowledged, new Resolution("dana", T0, "Alarm test"), T0.plusSeconds(4000))
            .incident();

    for (Incident incident : List.of(unrouted, open, escalated, acknowledged, resolved)) {
      assertThat(roundTrip(incident)).isEqualTo(incident);
    }
  }

  @Test
  void fieldsALaterVersionAddsAreIgnored() {
    Incident open =
        rules
            .report(
                Optional.empty(),
                new IncidentReport(
                    "i1", "westside", Severity.LOW, IncidentCategory.OTHER, "x", "jlee", T0),
                Optional.empty(),
                T0)
            .incident();
    String json = new String(serde.serializer().serialize("t", open), StandardCharsets.UTF_8);
    String newer = json.substring(0, json.length() - 1) + ",\"addedLater\":{\"x\":1}}";

    assertThat(serde.deserializer().deserialize("t", newer.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(open);
  }

  private Incident roundTrip(Incident incident) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", incident));
  }
}
