package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.ingest.respond.Incidents.T0;
import static org.librarycampaign.ingest.respond.Incidents.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.ResponseChannel;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private final Timeline timeline = new Timeline(ZoneId.of("America/Chicago"));

  @Test
  void everyStepInTimeOrderWithReceiptsAndTheTimesToAcknowledgeAndResolve() throws Exception {
    Notification email = alert("i1", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);
    Notification sms = alert("i1", 0, "manager", "Dana Reyes", ContactChannel.SMS, "+1555", 0);
    Notification deputy =
        alert("i1", 1, "deputy", "Jo Park", ContactChannel.WEBHOOK, "https://hook", 15);
    Notification notice =
        Notification.newBuilder(email)
            .setNotificationId("i1/resolved/manager/EMAIL")
            .setKind(NotificationKind.RESOLUTION)
            .setCreatedAt(T0.plusSeconds(3600))
            .build();
    IncidentStatus status =
        IncidentStatus.newBuilder(
                Incidents.status("i1", IncidentState.RESOLVED, email, sms, deputy))
            .setTier(1)
            .setAcknowledgedBy("Jo Park")
            .setAcknowledgedAt(T0.plusSeconds(20 * 60))
            .setAcknowledgedVia(ResponseChannel.LINK)
            .setResolvedBy("Alex Kim")
            .setResolvedAt(T0.plusSeconds(3600))
            .build();
    Map<String, DeliveryReceipt> receipts =
        Map.of(
            email.getNotificationId(),
            new DeliveryReceipt(
                email.getNotificationId(),
                DeliveryStatus.DELIVERED,
                ContactChannel.EMAIL,
                1,
                null,
                null,
                false,
                T0.plusSeconds(2)),
            sms.getNotificationId(),
            new DeliveryReceipt(
                sms.getNotificationId(),
                DeliveryStatus.RETRYING,
                ContactChannel.SMS,
                1,
                T0.plusSeconds(62),
                "HTTP 503",
                false,
                T0.plusSeconds(2)));

    Map<String, Object> body =
        timeline.of(
            status,
            List.of(email, sms, deputy, notice),
            id -> Optional.ofNullable(receipts.get(id)));

    assertThat(new ObjectMapper().writeValueAsString(body))
        .isEqualTo(
            """
            {"incidentId":"i1","branchId":"westside","state":"RESOLVED","severity":"HIGH",\
            "summary":"Petition to remove a picture book","tier":1,"zone":"America/Chicago",\
            "reportedAt":"2026-12-01T09:00:00-06:00",\
            "acknowledgedAt":"2026-12-01T09:20:00-06:00",\
            "resolvedAt":"2026-12-01T10:00:00-06:00",\
            "timeToAcknowledge":"PT20M","timeToResolve":"PT1H","timeline":[\
            {"at":"2026-12-01T09:00:00-06:00","what":"reported"},\
            {"at":"2026-12-01T09:00:00-06:00","what":"notified","notificationId":"i1/0/manager/EMAIL",\
            "tier":0,"to":"Dana Reyes","role":"Branch manager","channel":"EMAIL",\
            "receipt":{"status":"DELIVERED","at":"2026-12-01T09:00:02-06:00","attempt":1}},\
            {"at":"2026-12-01T09:00:00-06:00","what":"notified","notificationId":"i1/0/manager/SMS",\
            "tier":0,"to":"Dana Reyes","role":"Branch manager","channel":"SMS",\
            "receipt":{"status":"RETRYING","at":"2026-12-01T09:00:02-06:00","attempt":1,\
            "reason":"HTTP 503","nextAttemptAt":"2026-12-01T09:01:02-06:00"}},\
            {"at":"2026-12-01T09:15:00-06:00","what":"escalated","tier":1},\
            {"at":"2026-12-01T09:15:00-06:00","what":"notified","notificationId":"i1/1/deputy/WEBHOOK",\
            "tier":1,"to":"Jo Park","role":"Deputy","channel":"WEBHOOK","receipt":null},\
            {"at":"2026-12-01T09:20:00-06:00","what":"acknowledged","by":"Jo Park","via":"LINK"},\
            {"at":"2026-12-01T10:00:00-06:00","what":"resolved","by":"Alex Kim"},\
            {"at":"2026-12-01T10:00:00-06:00","what":"resolution-notice",\
            "notificationId":"i1/resolved/manager/EMAIL","tier":0,"to":"Dana Reyes",\
            "role":"Branch manager","channel":"EMAIL","receipt":null}]}""");
  }

  @Test
  void anOpenIncidentHasNoTimesToAcknowledgeOrResolveYet() {
    Notification email = alert("i2", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);
    Map<String, Object> body =
        timeline.of(
            Incidents.status("i2", IncidentState.OPEN, email),
            List.of(email),
            id -> Optional.empty());

    assertThat(body)
        .containsEntry("state", "OPEN")
        .containsEntry("acknowledgedAt", null)
        .containsEntry("timeToAcknowledge", null)
        .containsEntry("timeToResolve", null);
    assertThat((List<?>) body.get("timeline")).hasSize(2);
  }

  @Test
  void repeatsAndFallbacksAreNamedByTheirIds() {
    Notification repeat =
        Notification.newBuilder(alert("i3", 1, "deputy", "Jo Park", ContactChannel.SMS, "+1", 0))
            .setNotificationId("i3/1/deputy/SMS/repeat-1")
            .build();
    Notification fallback =
        Notification.newBuilder(repeat).setNotificationId("i3/fallback/0/EMAIL").build();

    assertThat(Timeline.kind(repeat)).isEqualTo("repeated");
    assertThat(Timeline.kind(fallback)).isEqualTo("fallback");
  }
}
