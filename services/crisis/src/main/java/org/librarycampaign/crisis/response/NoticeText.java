package org.librarycampaign.crisis.response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.librarycampaign.platform.ack.AckClaim;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * The words of a notification: a subject that says what and where at a glance, and a body with
 * everything the recipient needs to act (branch, severity, summary, the plan's steps, how to
 * acknowledge). Plain text, so that e-mail, SMS and chat webhooks can all carry it.
 */
public final class NoticeText {

  private static final int SUBJECT_SUMMARY_LENGTH = 60;

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final String publicUrl;
  private final AckLinks links;
  private final Function<String, ZoneId> zoneOfBranch;

  /**
   * @param publicUrl where the ingest API is reached from outside, e.g. {@code
   *     https://campaign.example.org}
   * @param links signs the one-tap acknowledge links
   * @param zoneOfBranch the zone of a branch's people (its settings, else those of {@code *}), UTC
   *     when none is set
   */
  public NoticeText(String publicUrl, AckLinks links, Function<String, ZoneId> zoneOfBranch) {
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.links = links;
    this.zoneOfBranch = zoneOfBranch;
  }

  /** Times in UTC. */
  public NoticeText(String publicUrl, AckLinks links) {
    this(publicUrl, links, branchId -> UTC);
  }

  /** With the default link settings (the development key unless configured otherwise). */
  public NoticeText(String publicUrl) {
    this(publicUrl, AckLinks.from(CampaignConfig.of(Map.of())));
  }

  /**
   * The one-tap acknowledge link of an alert: {@code <public url>/ack/<token>}, the token signed
   * over the incident, the tier, the recipient and an expiry one link validity after the alert was
   * written (the plan clock in {@code campaign plan}, so the same run gives the same link).
   */
  public String ackUrl(Incident incident, Notice notice) {
    AckClaim claim =
        links.claim(
            incident.branchId(),
            incident.incidentId(),
            notice.tier(),
            notice.recipient().responderId(),
            notice.createdAt());
    return publicUrl + "/ack/" + links.sign(claim);
  }

  /** The ingest API's acknowledge endpoint for the incident, the id encoded as one path segment. */
  public String acknowledgeUrl(String incidentId) {
    String segment = URLEncoder.encode(incidentId, StandardCharsets.UTF_8).replace("+", "%20");
    return publicUrl + "/v1/incidents/" + segment + "/ack";
  }

  public String subject(Incident incident, Notice notice) {
    IncidentReport report = incident.report();
    String what =
        report.branchId() + ": " + category(report) + " - " + abbreviate(report.summary());
    if (notice.kind() == NoticeKind.RESOLUTION) {
      return "[RESOLVED] " + what;
    }
    if (notice.kind() == NoticeKind.FALLBACK) {
      String why = incident.plan() == null ? "NO RESPONSE PLAN" : "NOBODY ANSWERED";
      return "[" + report.severity() + "] " + why + " - " + what;
    }
    if (notice.kind() == NoticeKind.REPEAT) {
      return "["
          + report.severity()
          + "] REPEAT "
          + notice.repeat()
          + " of "
          + incident.plan().repeat().times()
          + " - "
          + what;
    }
    String escalated = notice.tier() > 0 ? " ESCALATED to tier " + notice.tier() + " -" : "";
    return "[" + report.severity() + "]" + escalated + " " + what;
  }

  public String body(Incident incident, Notice notice) {
    return switch (notice.kind()) {
      case RESOLUTION -> resolutionBody(incident, notice);
      case FALLBACK ->
          FallbackText.body(incident, acknowledgeUrl(incident.incidentId()), zoneOf(incident));
      case ALERT, REPEAT -> alertBody(incident, notice);
    };
  }

  private String alertBody(Incident incident, Notice notice) {
    IncidentReport report = incident.report();
    List<String> lines = new ArrayList<>();
    lines.add(
        report.severity() + " incident at branch " + report.branchId() + ": " + category(report));
    lines.add("");
    lines.add(report.summary());
    lines.add("");
    lines.addAll(facts(incident, zoneOf(incident)));
    lines.add("");
    lines.add(
        notice.recipient().name()
            + ", you are alerted as "
            + notice.recipient().role()
            + " on tier "
            + notice.tier()
            + " of "
            + planName(incident.plan())
            + ".");
    if (notice.kind() == NoticeKind.REPEAT) {
      lines.add(FallbackText.repeatReason(incident, notice.repeat()));
    } else if (notice.tier() > 0) {
      lines.add(escalationReason(incident, notice));
    }
    lines.add("");
    lines.addAll(steps(incident.plan()));
    lines.add("");
    lines.add("Acknowledge in one tap (this stops the escalation): " + ackUrl(incident, notice));
    return String.join("\n", lines);
  }

  private String resolutionBody(Incident incident, Notice notice) {
    IncidentReport report = incident.report();
    Resolution resolution = incident.resolution();
    List<String> lines = new ArrayList<>();
    lines.add(
        "RESOLVED: "
            + report.severity()
            + " incident at branch "
            + report.branchId()
            + ": "
            + category(report));
    lines.add("");
    lines.add(report.summary());
    lines.add("");
    ZoneId zone = zoneOf(incident);
    lines.addAll(facts(incident, zone));
    lines.add("Resolved:     " + when(resolution.at(), zone) + " by " + resolution.by());
    if (resolution.note() != null) {
      lines.add("Resolution:   " + resolution.note());
    }
    lines.add("");
    lines.add(
        notice.recipient().name()
            + ", you were alerted as "
            + notice.recipient().role()
            + (notice.tier() >= 0 ? " on tier " + notice.tier() : "")
            + ". No further action is needed.");
    return String.join("\n", lines);
  }

  private ZoneId zoneOf(Incident incident) {
    ZoneId zone = zoneOfBranch.apply(incident.branchId());
    return zone == null ? UTC : zone;
  }

  /**
   * A time as the branch's people read it, {@code Fri 27 Nov, 06:00 CST}; in UTC (no zone set for
   * the branch or every branch) the ISO instant as before, {@code 2026-11-27T12:00:00Z}.
   */
  static String when(Instant at, ZoneId zone) {
    return LocalTimes.readable(zone).equals(UTC) ? at.toString() : LocalTimes.dayAndTime(at, zone);
  }

  static List<String> facts(Incident incident, ZoneId zone) {
    IncidentReport report = incident.report();
    List<String> lines = new ArrayList<>();
    lines.add("Incident:     " + report.incidentId());
    lines.add("Branch:       " + report.branchId());
    lines.add("Severity:     " + report.severity());
    lines.add("Category:     " + category(report));
    lines.add(
        "Reported:     "
            + when(report.reportedAt(), zone)
            + (report.reportedBy() == null ? "" : " by " + report.reportedBy()));
    if (incident.acknowledgedBy() != null) {
      lines.add("Acknowledged: by " + incident.acknowledgedBy());
    }
    return lines;
  }

  private static String escalationReason(Incident incident, Notice notice) {
    int tier = notice.tier();
    Instant first = incident.schedule().dueTimes().get(0);
    Instant due = incident.schedule().dueTimes().get(tier);
    if (notice.createdAt().isBefore(due)) {
      // told before its deadline: only an escalation request does that
      // (IncidentResponse.escalateNow)
      return "A responder asked for it to be escalated now, before the plan's deadline.";
    }
    Duration waited = Duration.between(first, due);
    if (waited.isZero()) {
      return "The plan escalates it to tier " + tier + " at once.";
    }
    return "Nobody acknowledged it within "
        + describe(waited)
        + " of the first alert, so it is escalated to you.";
  }

  static List<String> steps(Plan plan) {
    if (plan.steps().isEmpty()) {
      return List.of("The response plan lists no steps.");
    }
    List<String> lines = new ArrayList<>();
    lines.add("Steps:");
    for (int i = 0; i < plan.steps().size(); i++) {
      lines.add((i + 1) + ". " + plan.steps().get(i));
    }
    return lines;
  }

  static String planName(Plan plan) {
    return plan.isDefault() ? "the default response plan" : "the " + plan.key() + " response plan";
  }

  /** {@code BOOK_CHALLENGE} reads as {@code Book challenge}. */
  static String category(IncidentReport report) {
    String words = report.category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.codePointCount(0, oneLine.length()) <= SUBJECT_SUMMARY_LENGTH) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, SUBJECT_SUMMARY_LENGTH - 1);
    return oneLine.substring(0, end).stripTrailing() + "\u2026";
  }

  /** {@code 1 hour 30 minutes}, {@code 15 minutes}, {@code 10 seconds}. */
  static String describe(Duration duration) {
    List<String> parts = new ArrayList<>();
    addPart(parts, duration.toDays(), "day");
    addPart(parts, duration.toHoursPart(), "hour");
    addPart(parts, duration.toMinutesPart(), "minute");
    addPart(parts, duration.toSecondsPart(), "second");
    if (parts.isEmpty()) {
      return duration.toMillis() + " ms";
    }
    return String.join(" ", parts);
  }

  private static void addPart(List<String> parts, long amount, String unit) {
    if (amount > 0) {
      parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
    }
  }
}
