package org.librarycampaign.ingest.respond;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them: local, with the zone's short name ({@code Tue 1 Dec, 09:05 CST}). */
final class LocalTimes {

  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.ENGLISH);

  private LocalTimes() {}

  static String full(Instant at, ZoneId zone) {
    return LONG.format(at.atZone(zone));
  }

  static String brief(Instant at, ZoneId zone) {
    return SHORT.format(at.atZone(zone));
  }
}
