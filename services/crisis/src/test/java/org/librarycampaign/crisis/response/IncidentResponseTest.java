package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;

class IncidentResponseTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  private final IncidentResponse rules = new IncidentResponse(Duration.ofMinutes(1));

  @Test
  void aReportAlertsEveryContactOfTheTierZeroRespondersWhoHandleItsSeverity() {
    Outcome outcome = rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0);

    assertThat(outcome.changed()).isTrue();
    assertThat(outcome.notices())
        .containsExactly(
            alert("i1/0/manager/EMAIL", 0, Plans.MANAGER, 0, T0),
            alert("i1/0/manager/SMS", 0, Plans.MANAGER, 1, T0),
            alert("i1/0/comms/EMAIL", 0, Plans.COMMS, 0, T0));
    Incident incident = outcome.incident();
    assertThat(incident.stage()).isEqualTo(IncidentStage.OPEN);
    assertThat(incident.tier()).isZero();
    assertThat(incident.plan()).isEqualTo(Plans.DEFAULT);
    assertThat(incident.notified())
        .extracting(Notified::notificationId)
        .containsExactly("i1/0/manager/EMAIL", "i1/0/manager/SMS", "i1/0/comms/EMAIL");
    assertThat(incident.nextDeadline()).contains(Instant.parse("2026-12-01T15:15:00Z"));
    assertThat(incident.updatedAt()).isEqualTo(T0);
  }

  @Test
  void aReportWithoutAPlanIsUnrouted() {
    Outcome outcome =
        rules.report(Optional.empty(), report("i1", Severity.CRITICAL), Optional.empty(), T0);

    assertThat(outcome.changed()).isTrue();
    assertThat(outcome.notices()).isEmpty();
    assertThat(outcome.incident().stage()).isEqualTo(IncidentStage.UNROUTED);
    assertThat(outcome.incident().tier()).isEqualTo(-1);
    assertThat(outcome.incident().nextDeadline()).isEmpty();
  }

  @Test
  void aRepeatedReportChangesNothing() {
    Incident open =
        rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0).incident();

    Outcome again =
        rules.report(
            Optional.of(open), report("i1", Severity.CRITICAL), plan(), T0.plusSeconds(60));

    assertThat(again).isEqualTo(new Outcome(open, List.of(), false));
  }

  @Test
  void anUnroutedIncidentIsRoutedWhenReportedAgainOnceThereIsAPlan() {
    Incident unrouted =
        rules.report(Optional.empty(), report("i1", Severity.LOW), Optional.empty(), T0).incident();
    assertThat(
            rules.report(
                Optional.of(unrouted),
                report("i1", Severity.LOW),
                Optional.empty(),
                T0.plusSeconds(1)))
        .isEqualTo(new Outcome(unrouted, List.of(), false));

    Instant later = T0.plusSeconds(600);
    Outcome routed = rules.report(Optional.of(unrouted), report("i1", Severity.LOW), plan(), later);

    assertThat(routed.notices())
        .containsExactly(
            alert("i1/0/manager/EMAIL", 0, Plans.MANAGER, 0, later),
            alert("i1/0/manager/SMS", 0, Plans.MANAGER, 1, later));
    assertThat(routed.incident().nextDeadline()).contains(later.plusSeconds(15 * 60));
  }

  @Test
  void escalationWaitsForTheDeadlineThenAlertsTheNextTier() {
    Incident open =
        rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0).incident();
    Instant deadline = Instant.parse("2026-12-01T15:15:00Z");

    assertThat(rules.escalate(open, deadline.minusMillis(1)).changed()).isFalse();
    Outcome escalated = rules.escalate(open, deadline);

    assertThat(escalated.notices())
        .containsExactly(alert("i1/1/deputy/WEBHOOK", 1, Plans.DEPUTY, 0, deadline));
    assertThat(escalated.incident().stage()).isEqualTo(IncidentStage.ESCALATED);
    assertThat(escalated.incident().tier()).isEqualTo(1);
    assertThat(escalated.incident().nextDeadline()).contains(Instant.parse("2026-12-01T15:45:00Z"));
  }

  @Test
  void everyTierDueIsAlertedInOrderWhenSeveralDeadlinesPassedAtOnce() {
    Incident open =
        rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0).incident();
    Instant late = Instant.parse("2026-12-01T16:00:00Z");

    Outcome escalated = rules.escalate(open, late);

    assertThat(escalated.notices())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", 1, Plans.DEPUTY, 0, late),
            alert("i1/2/manager/EMAIL", 2, Plans.MANAGER, 0, late),
            alert("i1/2/manager/SMS", 2, Plans.MANAGER, 1, late));
    assertThat(escalated.incident().tier()).isEqualTo(2);
    assertThat(escalated.incident().nextDeadline())
        .as("no tier left: the last tier's first repeat when its 60 minutes have passed")
        .contains(Instant.parse("2026-12-01T16:45:00Z"));
    assertThat(rules.escalate(escalated.incident(), late.plusSeconds(2_699)).changed()).isFalse();
  }

  @Test
  void anAcknowledgementStopsEscalationAndOnlyTheFirstCounts() {
    Incident open =
        rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0).incident();

    Outcome acknowledged = rules.acknowledge(open, "dana", T0.plusSeconds(60));

    Incident incident = acknowledged.incident();
    assertThat(acknowledged.changed()).isTrue();
    assertThat(acknowledged.notices()).isEmpty();
    assertThat(incident.stage()).isEqualTo(IncidentStage.ACKNOWLEDGED);
    assertThat(incident.acknowledgedBy()).isEqualTo("dana");
    assertThat(incident.nextDeadline()).isEmpty();
    assertThat(rules.escalate(incident, T0.plusSeconds(86_400)).changed()).isFalse();
    assertThat(rules.acknowledge(incident, "sam", T0.plusSeconds(120)))
        .isEqualTo(new Outcome(incident, List.of(), false));
  }

  @Test
  void aResolutionNoticeGoesOncePerResponderAndChannelAlerted() {
    Incident open =
        rules.report(Optional.empty(), report("i1", Severity.HIGH), plan(), T0).incident();
    Incident escalated = rules.escalate(open, Instant.parse("2026-12-01T16:00:00Z")).incident();
    Instant end = Instant.parse("2026-12-01T16:30:00Z");
    Resolution resolution = new Resolution("alex", end.minusSeconds(5), "Book stays");

    Outcome resolved = rules.resolve(escalated, resolution, end);

    assertThat(resolved.notices())
        .as("the manager was alerted on tiers 0 and 2: one notice per channel, tier 0")
        .containsExactly(
            resolutionNotice("i1/resolved/manager/EMAIL", 0, Plans.MANAGER, 0, end),
            resolutionNotice("i1/resolved/manager/SMS", 0, Plans.MANAGER, 1, end),
            resolutionNotice("i1/resolved/comms/EMAIL", 0, Plans.COMMS, 0, end),
            resolutionNotice("i1/resolved/deputy/WEBHOOK", 1, Plans.DEPUTY, 0, end));
    assertThat(resolved.incident().stage()).isEqualTo(IncidentStage.RESOLVED);
    assertThat(resolved.incident().resolution()).isEqualTo(resolution);
    assertThat(resolved.incident().nextDeadline()).isEmpty();
    assertThat(rules.resolve(resolved.incident(), resolution, end.plusSeconds(1)).changed())
        .isFalse();
    assertThat(rules.acknowledge(resolved.incident(), "dana", end.plusSeconds(1)).changed())
        .isFalse();
  }

  @Test
  void resolvingAnUnroutedIncidentTellsNobody() {
    Incident unrouted =
        rules
            .report(Optional.empty(), report("i1", Severity.HIGH), Optional.empty(), T0)
            .incident();

    Outcome resolved = rules.resolve(unrouted, new Resolution("dana", T0, null), T0.plusSeconds(1));

    assertThat(resolved.changed()).isTrue();
    assertThat(resolved.notices()).isEmpty();
    assertThat(resolved.incident().stage()).isEqualTo(IncidentStage.RESOLVED);
  }

  @Test
  void aSecondContactOnTheSameChannelWouldRepeatAnIdSoOnlyTheFirstIsUsed() {
    Responder twoEmails =
        new Responder(
            "manager",
            "Dana Reyes",
            "Branch manager",
            Severity.LOW,
            List.of(
                new Contact(ContactChannel.EMAIL, "dana@library.example"),
                new Contact(ContactChannel.EMAIL, "dana.reyes@home.example")));
    Plan plan = new Plan("*", List.of(), List.of(new Tier(15, List.of(twoEmails, twoEmails))));

    Outcome outcome =
        rules.report(Optional.empty(), report("i1", Severity.LOW), Optional.of(plan), T0);

    assertThat(outcome.notices()).containsExactly(alert("i1/0/manager/EMAIL", 0, twoEmails, 0, T0));
  }

  @Test
  void theTimeoutUnitMustBePositive() {
    assertThatThrownBy(() -> new IncidentResponse(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Optional<Plan> plan() {
    return Optional.of(Plans.DEFAULT);
  }

  private static IncidentReport report(String incidentId, Severity severity) {
    return new IncidentReport(
        incidentId,
        "westside",
        severity,
        IncidentCategory.BOOK_CHALLENGE,
        "Petition to remove a picture book",
        "jlee",
        T0.minusSeconds(30));
  }

  private static Notice alert(String id, int tier, Responder responder, int contact, Instant at) {
    return new Notice(
        id, NoticeKind.ALERT, tier, Recipient.of(responder, responder.contacts().get(contact)), at);
  }

  private static Notice resolutionNotice(
      String id, int tier, Responder responder, int contact, Instant at) {
    return new Notice(
        id,
        NoticeKind.RESOLUTION,
        tier,
        Recipient.of(responder, responder.contacts().get(contact)),
        at);
  }
}
