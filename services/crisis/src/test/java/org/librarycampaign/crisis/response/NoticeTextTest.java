package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.ack.AckClaim;
import org.librarycampaign.platform.ack.AckLinks;

class NoticeTextTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  private final IncidentResponse rules = new IncidentResponse(Duration.ofMinutes(1));
  private static final Duration WEEK = Duration.ofDays(7);
  private static final AckLinks LINKS = new AckLinks(Map.of("k1", "test-secret-0123456789"), WEEK);

  private final NoticeText text = new NoticeText("https://campaign.example.org/", LINKS);

  @Test
  void aTierZeroAlertSaysWhatHappenedWhereWhatToDoAndHowToAcknowledge() {
    Outcome reported = report();
    Notice toManager = reported.notices().get(0);

    assertThat(text.subject(reported.incident(), toManager))
        .isEqualTo("[HIGH] westside: Book challenge - Petition to remove a picture book");
    assertThat(text.body(reported.incident(), toManager))
        .isEqualTo(
            """
            HIGH incident at branch westside: Book challenge

            Petition to remove a picture book

            Incident:     i1
            Branch:       westside
            Severity:     HIGH
            Category:     Book challenge
            Reported:     2026-12-01T14:59:30Z by jlee

            Dana Reyes, you are alerted as Branch manager on tier 0 of the default response plan.

            Steps:
            1. Hold all campaign posts
            2. Call the branch manager

            Acknowledge in one tap (this stops the escalation): \
            https://campaign.example.org/ack/"""
                + LINKS.sign(
                    new AckClaim(
                        "westside", "i1", 0, toManager.recipient().responderId(), T0.plus(WEEK))));
    assertThat(LINKS.verify(text.ackUrl(reported.incident(), toManager).split("/ack/")[1], T0))
        .isEqualTo(
            new AckLinks.Verification.Valid(
                new AckClaim("westside", "i1", 0, "manager", T0.plus(WEEK))));
  }

  @Test
  void anAlertEscalatedOnRequestSaysSoInsteadOfATimeout() {
    Outcome escalated = rules.escalateNow(report().incident(), T0.plusSeconds(120));

    Notice toDeputy = escalated.notices().get(0);
    assertThat(toDeputy.tier()).isEqualTo(1);
    assertThat(text.body(escalated.incident(), toDeputy))
        .contains(
            "Jo Park, you are alerted as Deputy director on tier 1 of the default response plan.\n"
                + "A responder asked for it to be escalated now, before the plan's deadline.\n")
        .doesNotContain("Nobody acknowledged");
  }

  @Test
  void anEscalatedAlertSaysHowLongNobodyAcknowledged() {
    Outcome escalated = rules.escalate(report().incident(), Instant.parse("2026-12-01T15:50:00Z"));

    Notice toDeputy = escalated.notices().get(0);
    Notice toManagerAgain = escalated.notices().get(1);

    assertThat(text.subject(escalated.incident(), toDeputy))
        .isEqualTo(
            "[HIGH] ESCALATED to tier 1 - westside: Book challenge - Petition to remove a picture"
                + " book");
    assertThat(text.body(escalated.incident(), toDeputy))
        .contains(
            """
            Jo Park, you are alerted as Deputy director on tier 1 of the default response plan.
            Nobody acknowledged it within 15 minutes of the first alert, so it is escalated to you.
            """);
    assertThat(text.body(escalated.incident(), toManagerAgain))
        .contains("Nobody acknowledged it within 45 minutes of the first alert");
  }

  @Test
  void aResolutionNoticeSaysWhoEndedItAndHow() {
    Incident acknowledged =
        rules.acknowledge(report().incident(), "jo", T0.plusSeconds(60)).incident();
    Outcome resolved =
        rules.resolve(
            acknowledged,
            new Resolution("alex", Instant.parse("2026-12-01T16:29:55Z"), "The book stays"),
            Instant.parse("2026-12-01T16:30:00Z"));
    Notice toManager = resolved.notices().get(0);

    assertThat(text.subject(resolved.incident(), toManager))
        .isEqualTo("[RESOLVED] westside: Book challenge - Petition to remove a picture book");
    assertThat(text.body(resolved.incident(), toManager))
        .isEqualTo(
            """
            RESOLVED: HIGH incident at branch westside: Book challenge

            Petition to remove a picture book

            Incident:     i1
            Branch:       westside
            Severity:     HIGH
            Category:     Book challenge
            Reported:     2026-12-01T14:59:30Z by jlee
            Acknowledged: by jo
            Resolved:     2026-12-01T16:29:55Z by alex
            Resolution:   The book stays

            Dana Reyes, you were alerted as Branch manager on tier 0. No further action is needed.""");
  }

  @Test
  void aBranchPlanIsNamedAndAPlanWithoutStepsSaysSo() {
    Plan eastside =
        new Plan(
            "eastside",
            List.of(),
            List.of(new Tier(0, List.of(Plans.MANAGER)), new Tier(5, List.of(Plans.DEPUTY))));
    Outcome reported =
        rules.report(
            Optional.empty(),
            new IncidentReport(
                "i2", "eastside", Severity.MEDIUM, IncidentCategory.SAFETY, "Smoke", null, T0),
            Optional.of(eastside),
            T0);
    Notice deputy = rules.escalate(reported.incident(), T0).notices().get(0);

    String body = text.body(reported.incident(), reported.notices().get(0));
    assertThat(body)
        .contains("Reported:     2026-12-01T15:00:00Z\n")
        .contains("on tier 0 of the eastside response plan.")
        .contains("\nThe response plan lists no steps.\n");
    assertThat(text.body(reported.incident(), deputy))
        .contains("The plan escalates it to tier 1 at once.");
  }

  @Test
  void theAcknowledgeUrlEncodesTheIdAsOnePathSegment() {
    assertThat(text.acknowledgeUrl("2026/book challenge#1"))
        .isEqualTo("https://campaign.example.org/v1/incidents/2026%2Fbook%20challenge%231/ack");
    assertThat(new NoticeText("http://localhost:8080").acknowledgeUrl("café"))
        .isEqualTo("http://localhost:8080/v1/incidents/caf%C3%A9/ack");
  }

  @Test
  void aLongSummaryIsShortenedInTheSubjectOnly() {
    String summary = "A ".repeat(50) + "long summary";

    assertThat(NoticeText.abbreviate(summary)).hasSize(60).endsWith("A\u2026");
    assertThat(NoticeText.abbreviate("  two\n lines ")).isEqualTo("two lines");
  }

  @Test
  void durationsReadAsWords() {
    assertThat(NoticeText.describe(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
    assertThat(NoticeText.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(NoticeText.describe(Duration.ofSeconds(10))).isEqualTo("10 seconds");
    assertThat(NoticeText.describe(Duration.ofDays(2))).isEqualTo("2 days");
    assertThat(NoticeText.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
  }

  private Outcome report() {
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
        Optional.of(Plans.DEFAULT),
        T0);
  }
}
