package org.librarycampaign.ingest.respond;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotifiedContact;

/**
 * The HTML pages of an acknowledge link: small, readable on a phone, plain semantic HTML (one
 * heading, a list of facts, the steps as an ordered list, one button), every text escaped. Times
 * are local, in the zone of the incident's branch (README.md, "Local time"; the service's {@link
 * ResponderSettings#zone()} when the branch names none).
 */
final class AckPage {

  private final Function<String, ZoneId> zones;

  /** Every time in one zone. */
  AckPage(ZoneId zone) {
    this(branchId -> zone);
  }

  /**
   * @param zones the zone of a branch's people
   */
  AckPage(Function<String, ZoneId> zones) {
    this.zones = zones;
  }

  /** GET on an open incident: what happened, what to do, who else knows, and the button. */
  String open(Notification alert, IncidentStatus status) {
    StringBuilder html = start("Acknowledge incident " + alert.getIncidentId());
    html.append("<h1>").append(e(heading(alert))).append("</h1>\n");
    facts(html, alert, status);
    steps(html, alert.getSteps());
    othersTold(html, alert.getRecipient().getResponderId(), status);
    html.append("<form method=\"post\">\n")
        .append("<p>Acknowledging tells everyone that you, ")
        .append(e(alert.getRecipient().getName()))
        .append(", are taking charge: the plan stops escalating.</p>\n")
        .append("<button type=\"submit\">Acknowledge as ")
        .append(e(alert.getRecipient().getName()))
        .append("</button>\n</form>\n");
    return end(html);
  }

  /** After a successful POST. */
  String acknowledged(Notification alert) {
    StringBuilder html = start("Acknowledged: " + alert.getIncidentId());
    html.append("<h1>Thank you, ")
        .append(e(alert.getRecipient().getName()))
        .append("</h1>\n<p role=\"status\">You acknowledged incident <strong>")
        .append(e(alert.getIncidentId()))
        .append("</strong> at branch ")
        .append(e(alert.getBranchId()))
        .append(". Escalation stops; everyone on the plan will see that you took charge.</p>\n");
    steps(html, alert.getSteps());
    return end(html);
  }

  /** The incident was acknowledged already (a second tap, or someone else was quicker). */
  String alreadyAcknowledged(Notification alert, IncidentStatus status) {
    StringBuilder html = start("Already acknowledged: " + alert.getIncidentId());
    html.append("<h1>Already acknowledged</h1>\n<p role=\"status\">Incident <strong>")
        .append(e(alert.getIncidentId()))
        .append("</strong> was acknowledged by <strong>")
        .append(e(status.getAcknowledgedBy()))
        .append("</strong>");
    if (status.getAcknowledgedAt() != null) {
      html.append(" on ").append(time(status.getAcknowledgedAt(), alert.getBranchId()));
    }
    if (status.getAcknowledgedVia() != null) {
      html.append(" (").append(e(via(status))).append(")");
    }
    html.append(". Nothing more to do here.</p>\n");
    steps(html, alert.getSteps());
    return end(html);
  }

  /** The incident is over. */
  String resolved(Notification alert, IncidentStatus status) {
    StringBuilder html = start("Resolved: " + alert.getIncidentId());
    html.append("<h1>Already resolved</h1>\n<p role=\"status\">Incident <strong>")
        .append(e(alert.getIncidentId()))
        .append("</strong> is resolved");
    if (status.getResolvedBy() != null) {
      html.append(" by <strong>").append(e(status.getResolvedBy())).append("</strong>");
    }
    if (status.getResolvedAt() != null) {
      html.append(" on ").append(time(status.getResolvedAt(), alert.getBranchId()));
    }
    html.append(". No action is needed.</p>\n");
    return end(html);
  }

  /** 403: a changed, damaged or withdrawn link. */
  static String invalid(String reason) {
    StringBuilder html = start("Link not valid");
    html.append("<h1>This link is not valid</h1>\n<p role=\"alert\">")
        .append(e(reason))
        .append(
            ". Use the link exactly as it came in the message, or acknowledge in the way your"
                + " response plan describes.</p>\n");
    return end(html);
  }

  /** 403: a genuine link past its expiry. */
  String expired(String branchId, String incidentId, Instant expiredAt) {
    StringBuilder html = start("Link expired");
    html.append("<h1>This link has expired</h1>\n<p role=\"alert\">The acknowledge link for")
        .append(" incident <strong>")
        .append(e(incidentId))
        .append("</strong> stopped working on ")
        .append(time(expiredAt, branchId))
        .append(". Use the link of a newer message, or acknowledge in the way your response plan")
        .append(" describes.</p>\n");
    return end(html);
  }

  /** 503: the view cannot answer now, or the incident is not in it yet. */
  static String tryAgain(String why) {
    StringBuilder html = start("Try again");
    html.append("<h1>Please try again in a moment</h1>\n<p role=\"alert\">")
        .append(e(why))
        .append(". Nothing was recorded.</p>\n");
    return end(html);
  }

  private void facts(StringBuilder html, Notification alert, IncidentStatus status) {
    html.append("<dl>\n");
    fact(html, "Incident", alert.getIncidentId());
    fact(html, "Branch", alert.getBranchId());
    fact(html, "Severity", alert.getSeverity().name());
    fact(html, "What happened", alert.getSummary());
    html.append("<dt>Reported</dt><dd>")
        .append(time(status.getReportedAt(), alert.getBranchId()))
        .append("</dd>\n");
    fact(html, "Status", status.getState().name());
    fact(
        html,
        "You",
        alert.getRecipient().getName()
            + ", "
            + alert.getRecipient().getRole()
            + ", alerted on tier "
            + alert.getTier());
    html.append("</dl>\n");
  }

  private static void steps(StringBuilder html, List<String> steps) {
    if (steps.isEmpty()) {
      return;
    }
    html.append("<h2>Steps</h2>\n<ol>\n");
    steps.forEach(step -> html.append("<li>").append(e(step)).append("</li>\n"));
    html.append("</ol>\n");
  }

  private static void othersTold(StringBuilder html, String self, IncidentStatus status) {
    Set<String> others = new LinkedHashSet<>();
    for (NotifiedContact contact : status.getNotified()) {
      if (!contact.getResponderId().equals(self)) {
        others.add(contact.getName() + " (tier " + contact.getTier() + ")");
      }
    }
    html.append("<h2>Also told</h2>\n");
    if (others.isEmpty()) {
      html.append("<p>Nobody else so far.</p>\n");
      return;
    }
    html.append("<ul>\n");
    others.forEach(other -> html.append("<li>").append(e(other)).append("</li>\n"));
    html.append("</ul>\n");
  }

  private static String heading(Notification alert) {
    return alert.getSeverity() + " incident at " + alert.getBranchId();
  }

  private static String via(IncidentStatus status) {
    return switch (status.getAcknowledgedVia()) {
      case LINK -> "with the link of a notification";
      case SMS -> "by SMS reply";
      case API -> "through the API";
      case UNKNOWN -> "in another way";
    };
  }

  private String time(Instant at, String branchId) {
    return "<time datetime=\""
        + at
        + "\">"
        + e(LocalTimes.full(at, zones.apply(branchId)))
        + "</time>";
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<dt>").append(e(name)).append("</dt><dd>").append(e(value)).append("</dd>\n");
  }

  private static StringBuilder start(String title) {
    return new StringBuilder()
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"robots\" content=\"noindex\">\n<title>")
        .append(e(title))
        .append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;")
        .append("padding:0 1rem;line-height:1.5;color:#111}dt{font-weight:bold}")
        .append("dd{margin:0 0 .5rem}button{font-size:1.25rem;padding:.75rem 1.5rem;")
        .append("border-radius:.5rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff}")
        .append("button:focus{outline:3px solid #f59e0b;outline-offset:2px}")
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  private static String end(StringBuilder html) {
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  /** HTML-escaped text. */
  static String e(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static boolean isAcknowledged(IncidentStatus status) {
    return status.getState() == IncidentState.ACKNOWLEDGED;
  }

  static boolean isResolved(IncidentStatus status) {
    return status.getState() == IncidentState.RESOLVED;
  }
}
