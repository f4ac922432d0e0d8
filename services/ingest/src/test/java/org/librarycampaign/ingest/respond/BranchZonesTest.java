package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.ingest.respond.Incidents.T0;
import static org.librarycampaign.ingest.respond.Incidents.alert;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import library.campaign.events.BranchSettings;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponseChannel;
import org.junit.jupiter.api.Test;
import org.librarycampaign.ingest.decisions.ViewUnavailableException;
import org.librarycampaign.ingest.incidents.IncidentLookup;
import org.librarycampaign.platform.ack.ReplyCodes;

/**
 * The times of ingest's pages, SMS answers and timeline read in the zone of the incident's branch
 * (README.md, "Local time"): its own settings, else those of {@code *}, else {@code
 * campaign.ingest.zone}.
 */
class BranchZonesTest {

  private static final ZoneId SERVICE = ZoneId.of("America/Chicago");

  private final Map<String, BranchSettings> settings = new HashMap<>();
  private boolean unavailable;
  private final Function<String, ZoneId> zones =
      ResponderRoutes.branchZones(new Settings(), SERVICE);

  private final Notification toDana =
      alert("i1", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);

  private void zone(String branchId, String zone) {
    settings.put(branchId, BranchSettings.newBuilder().setBranchId(branchId).setZone(zone).build());
  }

  @Test
  void theBranchsOwnZoneComesFirstThenThatOfEveryBranchThenTheServices() {
    zone("westside", "Europe/Berlin");
    zone("*", "Pacific/Kiritimati");
    zone("northgate", null);

    assertThat(zones.apply("westside")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(zones.apply("northgate")).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
    assertThat(zones.apply("eastside")).isEqualTo(ZoneId.of("Pacific/Kiritimati"));

    settings.remove("*");
    assertThat(zones.apply("eastside")).isEqualTo(SERVICE);
  }

  @Test
  void aViewThatCannotBeReadGivesTheServicesZone() {
    zone("westside", "Europe/Berlin");
    unavailable = true;

    assertThat(zones.apply("westside")).isEqualTo(SERVICE);
  }

  @Test
  void theAcknowledgePageReadsInTheBranchsZone() {
    zone("westside", "Europe/Berlin");
    AckPage pages = new AckPage(zones);

    // 15:00 UTC: 16:00 in Berlin (CET), where the service's zone would say 09:00 CST
    assertThat(pages.open(toDana, Incidents.status("i1", IncidentState.OPEN, toDana)))
        .contains(
            "<dt>Reported</dt><dd><time datetime=\"2026-12-01T15:00:00Z\">Tue 1 Dec 2026, 16:00"
                + " CET</time></dd>");
    assertThat(pages.expired("westside", "i1", T0.plusSeconds(3600)))
        .contains("<time datetime=\"2026-12-01T16:00:00Z\">Tue 1 Dec 2026, 17:00 CET</time>");
    assertThat(pages.expired("eastside", "i2", T0.plusSeconds(3600)))
        .contains("<time datetime=\"2026-12-01T16:00:00Z\">Tue 1 Dec 2026, 10:00 CST</time>");
  }

  @Test
  void farFromUtcTheDayChangesToo() {
    zone("*", "Pacific/Kiritimati");
    AckPage pages = new AckPage(zones);

    // 15:00 UTC on Tuesday is 05:00 on Wednesday on Kiritimati (UTC+14)
    assertThat(pages.open(toDana, Incidents.status("i1", IncidentState.OPEN, toDana)))
        .contains("Wed 2 Dec 2026, 05:00 LINT");
  }

  @Test
  void anSmsAnswerReadsInTheBranchsZone() {
    zone("westside", "Europe/Berlin");
    IncidentStatus acknowledged =
        IncidentStatus.newBuilder(Incidents.status("i1", IncidentState.ACKNOWLEDGED, toDana))
            .setAcknowledgedBy("Jo Park")
            .setAcknowledgedAt(T0.plusSeconds(300))
            .setAcknowledgedVia(ResponseChannel.LINK)
            .build();

    SmsReplies.Reply reply =
        new SmsReplies(zones)
            .reply(ReplyCodes.number("i1") + "A", List.of(toDana), Map.of("i1", acknowledged));

    assertThat(reply.answer())
        .isEqualTo("Incident i1 was already acknowledged by Jo Park at Tue 1 Dec, 16:05 CET.");
  }

  @Test
  void theTimelineNamesTheBranchsZoneAndGivesItsOffsets() {
    zone("westside", "Europe/Berlin");

    Map<String, Object> body =
        new Timeline(zones)
            .of(
                Incidents.status("i1", IncidentState.OPEN, toDana),
                List.of(),
                id -> Optional.empty());

    assertThat(body).containsEntry("zone", "Europe/Berlin");
    assertThat(body).containsEntry("reportedAt", "2026-12-01T16:00:00+01:00");
  }

  /** The branch settings a test gives; every other view is empty. */
  private final class Settings implements IncidentLookup {

    @Override
    public Optional<BranchSettings> branchSettings(String branchId)
        throws ViewUnavailableException {
      if (unavailable) {
        throw new ViewUnavailableException("the incident view is rebalancing", null);
      }
      return Optional.ofNullable(settings.get(branchId));
    }

    @Override
    public Optional<IncidentStatus> status(String incidentId) {
      return Optional.empty();
    }

    @Override
    public List<Notification> notifications(String incidentId) {
      return List.of();
    }

    @Override
    public Optional<DeliveryReceipt> receipt(String notificationId) {
      return Optional.empty();
    }

    @Override
    public List<Notification> smsAlertsTo(String phoneNumber) {
      return List.of();
    }
  }
}
