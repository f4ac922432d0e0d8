package org.librarycampaign.crisis.response;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The words that the repeats and the fallback alerts add to {@link NoticeText} (README: what a
 * notification carries): why the message comes again, and why a fallback contact is told.
 */
final class FallbackText {

  private FallbackText() {}

  /** The line of a repeat that says why it comes again and what happens next. */
  static String repeatReason(Incident incident, int repeat) {
    int times = incident.plan().repeat().times();
    String next =
        repeat < times
            ? "It is repeated until someone acknowledges it."
            : "If nobody acknowledges it, the fallback contacts are told next.";
    return "Nobody has acknowledged it yet: this is repeat "
        + repeat
        + " of "
        + times
        + ". "
        + next;
  }

  /** A fallback alert: what happened, why nobody else is handling it, the steps, the link. */
  static String body(Incident incident, String acknowledgeUrl, ZoneId zone) {
    IncidentReport report = incident.report();
    List<String> lines = new ArrayList<>();
    lines.add(
        report.severity()
            + " incident at branch "
            + report.branchId()
            + ": "
            + NoticeText.category(report));
    lines.add("");
    lines.add(report.summary());
    lines.add("");
    lines.addAll(NoticeText.facts(incident, zone));
    lines.add("");
    lines.add("You are told as a fallback contact: " + why(incident));
    lines.add("Please take charge of it or find someone who will.");
    if (incident.plan() != null) {
      lines.add("");
      lines.addAll(NoticeText.steps(incident.plan()));
    }
    lines.add("");
    lines.add("Acknowledge (this tells the branch someone took charge): " + acknowledgeUrl);
    return String.join("\n", lines);
  }

  private static String why(Incident incident) {
    if (incident.plan() == null) {
      return "no response plan covers branch "
          + incident.branchId()
          + " (and there is no default plan), so nobody else was told.";
    }
    Duration waited =
        Duration.between(incident.schedule().dueTimes().get(0), incident.schedule().exhaustedAt());
    return "nobody on "
        + NoticeText.planName(incident.plan())
        + " acknowledged it within "
        + NoticeText.describe(waited)
        + ", through "
        + incident.plan().tiers().size()
        + (incident.plan().tiers().size() == 1 ? " tier" : " tiers")
        + " and "
        + incident.repeats()
        + (incident.repeats() == 1 ? " repeat." : " repeats.");
  }
}
