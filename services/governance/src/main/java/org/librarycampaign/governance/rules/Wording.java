package org.librarycampaign.governance.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import library.campaign.events.Severity;
import org.librarycampaign.governance.crisis.BranchCrises;

/** Phrases several rules' messages share, written for a comms officer. */
final class Wording {

  static final DateTimeFormatter DAY_AND_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

  private Wording() {}

  /** "Tue 1 Dec". */
  static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "Sat 6 Mar 10:30 CST": a time as the channel's people read it, in its zone. */
  static String time(Instant at, ZoneId zone) {
    return LOCAL_TIME.format(at.atZone(zone));
  }

  /** "1 post", "3 posts". */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** "incident i1, HIGH" or "incidents i1, HIGH and i2, CRITICAL". */
  static String incidents(BranchCrises crises) {
    Map<String, Severity> active = crises.active();
    List<String> each = new ArrayList<>();
    active.forEach((id, severity) -> each.add(id + ", " + severity));
    String joined =
        each.size() <= 1
            ? String.join("", each)
            : String.join("; ", each.subList(0, each.size() - 1))
                + " and "
                + each.get(each.size() - 1);
    return (active.size() == 1 ? "incident " : "incidents ") + joined;
  }
}
