package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;

/** README: rules, repeat until answered and never unheard. */
class RepeatAndFallbackTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  static final FallbackContact DUTY_DESK =
      new FallbackContact(
          "Duty desk",
          List.of(
              new Contact(ContactChannel.EMAIL, "duty@library.example"),
              new Contact(ContactChannel.SMS, "+15550123")));
  static final FallbackContact LEE =
      new FallbackContact(
          "Lee Chen", List.of(new Contact(ContactChannel.WEBHOOK, "https://chat.example/duty")));

  private final IncidentResponse rules =
      new IncidentResponse(Duration.ofMinutes(1), List.of(DUTY_DESK, LEE));

  /** Tiers at 15:00 (15 min), 15:15 (30 min) and 15:45 (60 min): the timeout ends at 16:45. */
  private static final Plan PLAN = Plans.DEFAULT;

  @Test
  void theLastTierIsRepeatedOnAFixedScheduleThenTheFallbackContactsAreTold() {
    Incident open = rules.report(Optional.empty(), report(Severity.LOW), plan(), T0).incident();
    Incident lastTier = rules.escalate(open, at("15:45")).incident();
    assertThat(lastTier.tier()).isEqualTo(2);
    assertThat(lastTier.nextDeadline()).contains(at("16:45"));
    assertThat(rules.escalate(lastTier, at("16:44")).changed()).isFalse();

    Outcome first = rules.escalate(lastTier, at("16:45"));
    assertThat(first.notices())
        .containsExactly(
            repeat("i1/2/manager/EMAIL/repeat-1", 0, 1, at("16:45")),
            repeat("i1/2/manager/SMS/repeat-1", 1, 1, at("16:45")));
    assertThat(first.incident().stage()).isEqualTo(IncidentStage.ESCALATED);
    assertThat(first.incident().repeats()).isEqualTo(1);
    assertThat(first.incident().nextDeadline()).contains(at("17:00"));

    Outcome second = rules.escalate(first.incident(), at("17:00"));
    assertThat(second.notices())
        .containsExactly(
            repeat("i1/2/manager/EMAIL/repeat-2", 0, 2, at("17:00")),
            repeat("i1/2/manager/SMS/repeat-2", 1, 2, at("17:00")));
    assertThat(second.incident().nextDeadline()).contains(at("17:15"));

    assertThat(rules.escalate(second.incident(), at("17:14")).changed()).isFalse();
    Outcome exhausted = rules.escalate(second.incident(), at("17:15"));
    assertThat(exhausted.notices())
        .containsExactly(
            fallback("i1/fallback/1/EMAIL", 1, DUTY_DESK, 0, at("17:15")),
            fallback("i1/fallback/1/SMS", 1, DUTY_DESK, 1, at("17:15")),
            fallback("i1/fallback/2/WEBHOOK", 2, LEE, 0, at("17:15")));
    assertThat(exhausted.incident().stage()).isEqualTo(IncidentStage.EXHAUSTED);
    assertThat(exhausted.incident().nextDeadline()).isEmpty();
    assertThat(rules.escalate(exhausted.incident(), at("23:00")).changed()).isFalse();
    assertThat(exhausted.incident().notified())
        .extracting(Notified::notificationId)
        .containsExactly(
            "i1/0/manager/EMAIL",
            "i1/0/manager/SMS",
            "i1/2/manager/EMAIL",
            "i1/2/manager/SMS",
            "i1/2/manager/EMAIL/repeat-1",
            "i1/2/manager/SMS/repeat-1",
            "i1/2/manager/EMAIL/repeat-2",
            "i1/2/manager/SMS/repeat-2",
            "i1/fallback/1/EMAIL",
            "i1/fallback/1/SMS",
            "i1/fallback/2/WEBHOOK");
  }

  @Test
  void aClockJumpPastEverythingSendsEachStepOnceInOrder() {
    Incident open = rules.report(Optional.empty(), report(Severity.LOW), plan(), T0).incident();

    Outcome late = rules.escalate(open, at("23:00"));

    assertThat(late.notices())
        .extracting(Notice::notificationId)
        .containsExactly(
            "i1/2/manager/EMAIL",
            "i1/2/manager/SMS",
            "i1/2/manager/EMAIL/repeat-1",
            "i1/2/manager/SMS/repeat-1",
            "i1/2/manager/EMAIL/repeat-2",
            "i1/2/manager/SMS/repeat-2",
            "i1/fallback/1/EMAIL",
            "i1/fallback/1/SMS",
            "i1/fallback/2/WEBHOOK");
    assertThat(late.incident().stage()).isEqualTo(IncidentStage.EXHAUSTED);
  }

  @Test
  void anAcknowledgementStopsTheRepeatsAtOnce() {
    Incident open = rules.report(Optional.empty(), report(Severity.LOW), plan(), T0).incident();
    Incident repeated = rules.escalate(open, at("16:45")).incident();
    Incident acknowledged = rules.acknowledge(repeated, "dana", at("16:50")).incident();

    assertThat(acknowledged.nextDeadline()).isEmpty();
    assertThat(rules.escalate(acknowledged, at("23:00")).changed()).isFalse();
  }

  @Test
  void anExhaustedIncidentCanStillBeAcknowledgedAndResolvedAndTheFallbackContactsHearOfIt() {
    Incident open = rules.report(Optional.empty(), report(Severity.LOW), plan(), T0).incident();
    Incident exhausted = rules.escalate(open, at("17:15")).incident();

    Incident acknowledged = rules.acknowledge(exhausted, "Duty desk", at("17:20")).incident();
    assertThat(acknowledged.stage()).isEqualTo(IncidentStage.ACKNOWLEDGED);

    Outcome resolved =
        rules.resolve(acknowledged, new Resolution("Duty desk", at("18:00"), null), at("18:00"));
    assertThat(resolved.notices())
        .extracting(Notice::notificationId)
        .as("one notice per person and channel alerted, repeats and fallback alerts included")
        .containsExactly(
            "i1/resolved/manager/EMAIL",
            "i1/resolved/manager/SMS",
            "i1/resolved/fallback-1/EMAIL",
            "i1/resolved/fallback-1/SMS",
            "i1/resolved/fallback-2/WEBHOOK");
    assertThat(resolved.notices().get(2).tier()).isEqualTo(-1);
  }

  @Test
  void anUnroutedIncidentGoesToTheFallbackContactsAtOnceAndOnlyOnce() {
    Outcome unrouted = rules.report(Optional.empty(), report(Severity.HIGH), Optional.empty(), T0);

    assertThat(unrouted.notices())
        .containsExactly(
            fallback("i1/fallback/1/EMAIL", 1, DUTY_DESK, 0, T0),
            fallback("i1/fallback/1/SMS", 1, DUTY_DESK, 1, T0),
            fallback("i1/fallback/2/WEBHOOK", 2, LEE, 0, T0));
    assertThat(unrouted.incident().stage()).isEqualTo(IncidentStage.UNROUTED);
    assertThat(unrouted.incident().nextDeadline()).isEmpty();
    assertThat(
            rules
                .report(
                    Optional.of(unrouted.incident()),
                    report(Severity.HIGH),
                    Optional.empty(),
                    at("15:05"))
                .changed())
        .isFalse();

    Outcome routedLater =
        rules.report(Optional.of(unrouted.incident()), report(Severity.HIGH), plan(), at("15:10"));
    assertThat(routedLater.incident().stage()).isEqualTo(IncidentStage.OPEN);
    assertThat(routedLater.incident().notified())
        .extracting(Notified::notificationId)
        .as("the fallback alerts stay on record, so the resolution reaches them too")
        .startsWith("i1/fallback/1/EMAIL", "i1/fallback/1/SMS", "i1/fallback/2/WEBHOOK");
  }

  @Test
  void withoutFallbackContactsAnExhaustedIncidentTellsNobodyMore() {
    IncidentResponse alone = new IncidentResponse(Duration.ofMinutes(1));
    Incident open = alone.report(Optional.empty(), report(Severity.LOW), plan(), T0).incident();

    Outcome exhausted = alone.escalate(open, at("17:15"));

    assertThat(exhausted.incident().stage()).isEqualTo(IncidentStage.EXHAUSTED);
    assertThat(exhausted.notices()).extracting(Notice::kind).doesNotContain(NoticeKind.FALLBACK);
  }

  @Test
  void noRepeatsMeansExhaustedWhenTheLastTimeoutPasses() {
    Plan once =
        new Plan("*", List.of(), List.of(new Tier(10, List.of(Plans.COMMS))), new Repeat(5, 0));
    Incident open =
        rules.report(Optional.empty(), report(Severity.HIGH), Optional.of(once), T0).incident();
    assertThat(open.nextDeadline()).contains(at("15:10"));

    Outcome exhausted = rules.escalate(open, at("15:10"));

    assertThat(exhausted.notices()).extracting(Notice::kind).containsOnly(NoticeKind.FALLBACK);
    assertThat(exhausted.incident().stage()).isEqualTo(IncidentStage.EXHAUSTED);
  }

  @Test
  void repeatsFollowThePlanAndTheTimeoutUnit() {
    IncidentResponse drill = new IncidentResponse(Duration.ofSeconds(1), List.of(LEE));
    Plan plan =
        new Plan("*", List.of(), List.of(new Tier(10, List.of(Plans.COMMS))), new Repeat(5, 3));
    Incident open =
        drill.report(Optional.empty(), report(Severity.HIGH), Optional.of(plan), T0).incident();

    assertThat(open.schedule().repeatTimes())
        .containsExactly(T0.plusSeconds(10), T0.plusSeconds(15), T0.plusSeconds(20));
    assertThat(open.schedule().exhaustedAt()).isEqualTo(T0.plusSeconds(25));
    Outcome all = drill.escalate(open, T0.plusSeconds(25));
    assertThat(all.notices())
        .extracting(Notice::notificationId)
        .containsExactly(
            "i1/0/comms/EMAIL/repeat-1",
            "i1/0/comms/EMAIL/repeat-2",
            "i1/0/comms/EMAIL/repeat-3",
            "i1/fallback/1/WEBHOOK");
    assertThat(all.incident().stage())
        .as("a single-tier plan stays OPEN while it repeats, then is exhausted")
        .isEqualTo(IncidentStage.EXHAUSTED);
  }

  private static Optional<Plan> plan() {
    return Optional.of(PLAN);
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-12-01T" + hhmm + ":00Z");
  }

  private static IncidentReport report(Severity severity) {
    return new IncidentReport(
        "i1",
        "westside",
        severity,
        IncidentCategory.BOOK_CHALLENGE,
        "Petition to remove a picture book",
        "jlee",
        T0.minusSeconds(30));
  }

  private static Notice repeat(String id, int contact, int n, Instant at) {
    return new Notice(
        id,
        NoticeKind.REPEAT,
        2,
        Recipient.of(Plans.MANAGER, Plans.MANAGER.contacts().get(contact)),
        at,
        n);
  }

  private static Notice fallback(
      String id, int n, FallbackContact person, int contact, Instant at) {
    return new Notice(
        id,
        NoticeKind.FALLBACK,
        -1,
        Recipient.fallback(n, person, person.contacts().get(contact)),
        at);
  }
}
