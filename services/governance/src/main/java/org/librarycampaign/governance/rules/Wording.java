package org.librarycampaign.governance.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import library.campaign.events.Severity;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * Phrases several rules' messages share, written for a comms officer. Days and times are written
 * the one way platform {@link LocalTimes} writes them (README.md, "Local time").
 */
final class Wording {

  private Wording() {}

  /** "Tue 1 Dec": a local day, already in the channel's zone. */
  static String day(LocalDate date) {
    return LocalTimes.day(date);
  }

  /** "Tue 1 Dec 2026": the local day of an instant that may lie in another year. */
  static String dayAndYear(Instant at, ZoneId zone) {
    return LocalTimes.dayAndYear(at.atZone(zone).toLocalDate());
  }

  /** "Sat 6 Mar, 10:30 CST": a time as the channel's people read it, in its zone. */
  static String time(Instant at, ZoneId zone) {
    return LocalTimes.dayAndTime(at, zone);
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
