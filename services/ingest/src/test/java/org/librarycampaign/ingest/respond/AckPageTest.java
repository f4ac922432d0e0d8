package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.ingest.respond.Incidents.T0;
import static org.librarycampaign.ingest.respond.Incidents.alert;

import java.time.ZoneId;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponseChannel;
import org.junit.jupiter.api.Test;

class AckPageTest {

  private final AckPage pages = new AckPage(ZoneId.of("America/Chicago"));
  private final Notification toDana =
      alert("i1", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);
  private final Notification toJo =
      alert("i1", 1, "deputy", "Jo Park", ContactChannel.WEBHOOK, "https://hook", 15);

  @Test
  void theOpenPageShowsTheIncidentTheStepsWhoElseWasToldAndOneButton() {
    String page = pages.open(toDana, Incidents.status("i1", IncidentState.ESCALATED, toDana, toJo));

    assertThat(page)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("<title>Acknowledge incident i1</title>")
        .contains("<h1>HIGH incident at westside</h1>")
        .contains("<dt>What happened</dt><dd>Petition &lt;b&gt;to&lt;/b&gt; remove a picture book")
        .contains(
            "<dt>Reported</dt><dd><time datetime=\"2026-12-01T15:00:00Z\">Tue 1 Dec 2026, 09:00"
                + " CST</time></dd>")
        .contains("<ol>\n<li>Hold all campaign posts</li>\n<li>Call the branch manager</li>\n</ol>")
        .contains("<h2>Also told</h2>\n<ul>\n<li>Jo Park (tier 1)</li>\n</ul>")
        .contains("<form method=\"post\">")
        .contains("<button type=\"submit\">Acknowledge as Dana Reyes</button>");
    assertThat(page.split("<button", -1)).hasSize(2);
  }

  @Test
  void aSecondTapSaysWhoAcknowledgedAndWhen() {
    IncidentStatus acknowledged =
        IncidentStatus.newBuilder(Incidents.status("i1", IncidentState.ACKNOWLEDGED, toDana))
            .setAcknowledgedBy("Jo Park")
            .setAcknowledgedAt(T0.plusSeconds(300))
            .setAcknowledgedVia(ResponseChannel.SMS)
            .build();

    assertThat(pages.alreadyAcknowledged(toDana, acknowledged))
        .contains(
            "Incident <strong>i1</strong> was acknowledged by <strong>Jo Park</strong> on <time"
                + " datetime=\"2026-12-01T15:05:00Z\">Tue 1 Dec 2026, 09:05 CST</time> (by SMS"
                + " reply). Nothing more to do here.")
        .doesNotContain("<button");
  }

  @Test
  void refusalsSayWhyWithoutAButton() {
    assertThat(AckPage.invalid("the link's signature does not match: it was changed"))
        .contains("<h1>This link is not valid</h1>")
        .contains("the link&#39;s signature does not match: it was changed.")
        .doesNotContain("<button");
    assertThat(pages.expired("westside", "i1", T0))
        .contains("<h1>This link has expired</h1>")
        .contains("stopped working on <time datetime=\"2026-12-01T15:00:00Z\">");
  }
}
