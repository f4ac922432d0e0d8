package org.librarycampaign.report.week;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.librarycampaign.platform.time.LocalTimes;
import org.librarycampaign.report.week.ReportLines.GapLine;
import org.librarycampaign.report.week.WeeklyReport.ChannelWeek;
import org.librarycampaign.report.week.WeeklyReport.IncidentRow;

/**
 * A weekly report as a person reads it: Markdown ({@code campaign report}), plain text (the
 * e-mail's text part) and HTML with a bar chart of each channel's balance (the e-mail's HTML part,
 * inline styles only, as mail clients want). Every time is in the report's zone, with weekday, date
 * and the zone's abbreviation.
 */
public final class ReportText {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.ENGLISH);

  private ReportText() {}

  /** The subject line of the e-mail. */
  public static String subject(WeeklyReport r) {
    return "Weekly campaign report for "
        + r.branchId()
        + ", "
        + r.week()
        + " ("
        + DAY.format(r.week().monday())
        + " to "
        + DAY.format(r.week().sunday())
        + ")";
  }

  public static String markdown(WeeklyReport r) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(subject(r)).append("\n\n");
    out.append("Times in ").append(zoneName(r.zone())).append(".\n\n");
    out.append("## Balance per channel\n\n");
    if (r.channels().isEmpty()) {
      out.append("No approved posts were scheduled this week.\n\n");
    } else {
      out.append("| channel | content | campaign | campaign allowed | balance |\n");
      out.append("|---|---:|---:|---:|---|\n");
      for (ChannelWeek c : r.channels()) {
        out.append("| ")
            .append(c.channelId())
            .append(" | ")
            .append(c.content())
            .append(" | ")
            .append(c.campaign())
            .append(" | ")
            .append(c.allowedCampaign())
            .append(" | ")
            .append(c.kept() ? "kept" : "NOT kept")
            .append(" |\n");
      }
      out.append('\n');
    }
    out.append("## Posts\n\n");
    for (String line : postLines(r)) {
      out.append("- ").append(line).append('\n');
    }
    out.append("\n## Calendar\n\n");
    for (String line : calendarLines(r)) {
      out.append("- ").append(line).append('\n');
    }
    out.append("\n## Incidents\n\n");
    for (String line : incidentLines(r)) {
      out.append("- ").append(line).append('\n');
    }
    return out.toString();
  }

  public static String text(WeeklyReport r) {
    StringBuilder out = new StringBuilder();
    out.append(subject(r))
        .append("\n")
        .append("Times in ")
        .append(zoneName(r.zone()))
        .append(".\n\n");
    out.append("BALANCE PER CHANNEL\n");
    if (r.channels().isEmpty()) {
      out.append("  No approved posts were scheduled this week.\n");
    }
    for (ChannelWeek c : r.channels()) {
      out.append("  ").append(channelSentence(c)).append('\n');
    }
    out.append("\nPOSTS\n");
    postLines(r).forEach(line -> out.append("  ").append(line).append('\n'));
    out.append("\nCALENDAR\n");
    calendarLines(r).forEach(line -> out.append("  ").append(line).append('\n'));
    out.append("\nINCIDENTS\n");
    incidentLines(r).forEach(line -> out.append("  ").append(line).append('\n'));
    return out.toString();
  }

  public static String html(WeeklyReport r) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(subject(r)))
        .append("</title></head><body style=\"font-family:Arial,sans-serif;color:#222\">");
    out.append("<h1 style=\"font-size:20px\">").append(escape(subject(r))).append("</h1>");
    out.append("<p>Times in ").append(escape(zoneName(r.zone()))).append(".</p>");
    out.append("<h2 style=\"font-size:16px\">Balance per channel</h2>");
    if (r.channels().isEmpty()) {
      out.append("<p>No approved posts were scheduled this week.</p>");
    } else {
      int most = r.channels().stream().mapToInt(c -> c.content() + c.campaign()).max().orElse(1);
      out.append("<table role=\"presentation\" style=\"border-collapse:collapse\">");
      for (ChannelWeek c : r.channels()) {
        out.append("<tr><td style=\"padding:4px 8px 4px 0\">")
            .append(escape(c.channelId()))
            .append(
                "</td><td style=\"padding:4px 0\"><table role=\"presentation\""
                    + " style=\"border-collapse:collapse\"><tr>")
            .append(bar(c.content(), most, "#2b6cb0", c.content() + " content"))
            .append(
                bar(
                    c.campaign(),
                    most,
                    c.kept() ? "#dd6b20" : "#c53030",
                    c.campaign() + " campaign"))
            .append("</tr></table></td><td style=\"padding:4px 8px\">")
            .append(escape(channelSentence(c)))
            .append("</td></tr>");
      }
      out.append("</table>");
      out.append(
          "<p style=\"font-size:12px;color:#555\">Blue: content posts; orange: campaign"
              + " posts (red when the balance was not kept).</p>");
    }
    section(out, "Posts", postLines(r));
    section(out, "Calendar", calendarLines(r));
    section(out, "Incidents", incidentLines(r));
    out.append("</body></html>");
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    out.append("<h2 style=\"font-size:16px\">").append(title).append("</h2><ul>");
    lines.forEach(line -> out.append("<li>").append(escape(line)).append("</li>"));
    out.append("</ul>");
  }

  private static String bar(int count, int most, String colour, String label) {
    if (count == 0) {
      return "";
    }
    int width = Math.max(4, (int) Math.round(240.0 * count / Math.max(1, most)));
    return "<td title=\""
        + escape(label)
        + "\" style=\"background:"
        + colour
        + ";width:"
        + width
        + "px;height:14px;font-size:1px\">&nbsp;</td>";
  }

  private static String channelSentence(ChannelWeek c) {
    return c.channelId()
        + ": "
        + c.content()
        + " content, "
        + c.campaign()
        + " campaign (room for "
        + c.allowedCampaign()
        + "): balance "
        + (c.kept() ? "kept" : "NOT kept");
  }

  private static List<String> postLines(WeeklyReport r) {
    List<String> lines = new ArrayList<>();
    if (r.posts().isEmpty()) {
      lines.add("No posts were scheduled this week.");
      return lines;
    }
    for (Map.Entry<String, Integer> e : r.posts().entrySet()) {
      String line = e.getValue() + " " + e.getKey().toLowerCase(Locale.ROOT);
      if ("APPROVED".equals(e.getKey()) && r.released() > 0) {
        line += " (" + r.released() + " of them released after a hold)";
      }
      lines.add(line);
    }
    if (!r.reasons().isEmpty()) {
      StringBuilder why = new StringBuilder("Why not approved: ");
      r.reasons().forEach((code, n) -> why.append(code).append(" ×").append(n).append(", "));
      lines.add(why.substring(0, why.length() - 2));
    }
    return lines;
  }

  private static List<String> calendarLines(WeeklyReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Conflicts with community events: "
            + r.conflictsFound()
            + " found, "
            + r.conflictsCleared()
            + " cleared, "
            + r.conflictsOpen()
            + " still open at the end of the week");
    if (r.amplifyMilestones().isEmpty()) {
      lines.add("No campaign milestone to amplify this week.");
    }
    for (GapLine g : r.amplifyMilestones()) {
      lines.add(
          g.milestoneTitle()
              + " ("
              + moment(g.startsAt(), r.zone())
              + "): "
              + (g.open()
                  ? "no campaign post in the 72 hours before it (amplify gap)"
                  : "amplified by a campaign post"));
    }
    return lines;
  }

  private static List<String> incidentLines(WeeklyReport r) {
    List<String> lines = new ArrayList<>();
    if (r.incidents().isEmpty()) {
      lines.add("No incidents this week.");
    }
    for (IncidentRow row : r.incidents()) {
      var i = row.incident();
      lines.add(
          i.incidentId()
              + " ("
              + i.severity()
              + "): "
              + i.summary()
              + " Reported "
              + moment(i.reportedAt(), r.zone())
              + "; acknowledged "
              + (row.toAcknowledge() == null
                  ? "by nobody"
                  : "after "
                      + LocalTimes.duration(row.toAcknowledge())
                      + (i.acknowledgedBy() == null ? "" : " by " + i.acknowledgedBy()))
              + "; "
              + (row.toResolve() == null
                  ? "not resolved."
                  : "resolved after " + LocalTimes.duration(row.toResolve()) + "."));
    }
    return lines;
  }

  /** {@code Tue 1 Dec, 14:05 CST}. */
  public static String moment(Instant at, ZoneId zone) {
    return MOMENT.format(at.atZone(zone));
  }

  /** {@code 45 min}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
  private static String zoneName(ZoneId zone) {
    return zone.getId() + " (" + zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
