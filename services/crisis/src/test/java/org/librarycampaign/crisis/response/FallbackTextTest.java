package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;

/** The words of repeats and fallback alerts (README: what a notification carries). */
class FallbackTextTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  private final IncidentResponse rules =
      new IncidentResponse(
          Duration.ofMinutes(1),
          List.of(RepeatAndFallbackTest.DUTY_DESK, RepeatAndFallbackTest.LEE));
  private final NoticeText text = new NoticeText("https://campaign.example.org/");

  @Test
  void aRepeatSaysWhichRepeatItIsAndWhatComesNext() {
    Incident open = report(Optional.of(Plans.DEFAULT)).incident();
    Outcome first = rules.escalate(open, Instant.parse("2026-12-01T16:45:00Z"));
    Notice repeat1 = first.notices().get(first.notices().size() - 2);
    Outcome second = rules.escalate(first.incident(), Instant.parse("2026-12-01T17:00:00Z"));
    Notice repeat2 = second.notices().get(0);

    assertThat(repeat1.notificationId()).isEqualTo("i1/2/manager/EMAIL/repeat-1");
    assertThat(text.subject(first.incident(), repeat1))
        .isEqualTo(
            "[HIGH] REPEAT 1 of 2 - westside: Book challenge - Petition to remove a picture book");
    assertThat(text.body(first.incident(), repeat1))
        .contains(
            """
            Dana Reyes, you are alerted as Branch manager on tier 2 of the default response plan.
            Nobody has acknowledged it yet: this is repeat 1 of 2. It is repeated until someone \
            acknowledges it.
            """);
    assertThat(text.body(second.incident(), repeat2))
        .contains(
            "this is repeat 2 of 2. If nobody acknowledges it, the fallback contacts are told"
                + " next.");
  }

  @Test
  void anExhaustedIncidentsFallbackAlertSaysNobodyAnsweredAndCarriesTheSteps() {
    Incident open = report(Optional.of(Plans.DEFAULT)).incident();
    Outcome exhausted = rules.escalate(open, Instant.parse("2026-12-01T17:15:00Z"));
    Notice toDesk = exhausted.notices().get(exhausted.notices().size() - 3);

    assertThat(toDesk.notificationId()).isEqualTo("i1/fallback/1/EMAIL");
    assertThat(text.subject(exhausted.incident(), toDesk))
        .isEqualTo(
            "[HIGH] NOBODY ANSWERED - westside: Book challenge - Petition to remove a picture"
                + " book");
    assertThat(text.body(exhausted.incident(), toDesk))
        .isEqualTo(
            """
            HIGH incident at branch westside: Book challenge

            Petition to remove a picture book

            Incident:     i1
            Branch:       westside
            Severity:     HIGH
            Category:     Book challenge
            Reported:     2026-12-01T14:59:30Z by jlee

            You are told as a fallback contact: nobody on the default response plan acknowledged \
            it within 2 hours 15 minutes, through 3 tiers and 2 repeats.
            Please take charge of it or find someone who will.

            Steps:
            1. Hold all campaign posts
            2. Call the branch manager

            Acknowledge (this tells the branch someone took charge): \
            https://campaign.example.org/v1/incidents/i1/ack""");
  }

  @Test
  void anUnroutedIncidentsFallbackAlertSaysNoPlanCoversTheBranch() {
    Outcome unrouted = report(Optional.empty());
    Notice toLee = unrouted.notices().get(2);

    assertThat(text.subject(unrouted.incident(), toLee))
        .isEqualTo(
            "[HIGH] NO RESPONSE PLAN - westside: Book challenge - Petition to remove a picture"
                + " book");
    assertThat(text.body(unrouted.incident(), toLee))
        .contains(
            """
            You are told as a fallback contact: no response plan covers branch westside (and \
            there is no default plan), so nobody else was told.
            Please take charge of it or find someone who will.

            Acknowledge""")
        .doesNotContain("Steps");
  }

  @Test
  void aFallbackContactsResolutionNoticeNamesNoTier() {
    Outcome unrouted = report(Optional.empty());
    Outcome resolved =
        rules.resolve(
            unrouted.incident(),
            new Resolution("lee", Instant.parse("2026-12-01T16:00:00Z"), null),
            Instant.parse("2026-12-01T16:00:00Z"));

    assertThat(text.body(resolved.incident(), resolved.notices().get(0)))
        .endsWith("Duty desk, you were alerted as Fallback contact. No further action is needed.");
  }

  private Outcome report(Optional<Plan> plan) {
    return rules.report(
        Optional.empty(),
        new IncidentReport(
            "i1",
            "westside",
            Severity.HIGH,
            IncidentCategory.BOOK_CHALLENGE,
            "Petition to remove a picture book",
            "jlee",
            T0.minusSeconds(30)),
        plan,
        T0);
  }
}
