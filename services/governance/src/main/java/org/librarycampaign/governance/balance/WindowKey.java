package org.librarycampaign.governance.balance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import library.campaign.events.Platform;

/**
 * One balance window: a channel's ISO week, Monday 00:00 to the next Monday 00:00 in the channel's
 * zone, named by the local date of its Monday.
 */
public record WindowKey(String branchId, Platform platform, LocalDate monday)
    implements Comparable<WindowKey> {

  private static final char SEPARATOR = '|';

  public WindowKey {
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(platform, "platform");
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(monday + " is not a Monday");
    }
  }

  /** The window of a local day. */
  public static WindowKey of(String branchId, Platform platform, LocalDate day) {
    return new WindowKey(
        branchId, platform, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /**
   * The local date of an instant in a zone: the "day" of services/governance/README.md#the-rules.
   */
  public static LocalDate dayOf(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }

  public String channelId() {
    return branchId + "/" + platform.name();
  }

  public Instant start(ZoneId zone) {
    return monday.atStartOfDay(zone).toInstant();
  }

  public Instant end(ZoneId zone) {
    return monday.plusWeeks(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1));
  }

  /** {@code eastside/FACEBOOK|2026-11-30}: a store key whose prefix is the branch. */
  public String asString() {
    return channelId() + SEPARATOR + monday;
  }

  /** The store key prefix of every window of a branch. */
  public static String branchPrefix(String branchId) {
    return branchId + "/";
  }

  public static WindowKey parse(String text) {
    int bar = text.lastIndexOf(SEPARATOR);
    int slash = text.lastIndexOf('/', bar);
    if (bar < 0 || slash < 0) {
      throw new IllegalArgumentException("not a window key: " + text);
    }
    return new WindowKey(
        text.substring(0, slash),
        Platform.valueOf(text.substring(slash + 1, bar)),
        LocalDate.parse(text.substring(bar + 1)));
  }

  @Override
  public int compareTo(WindowKey other) {
    int byMonday = monday.compareTo(other.monday);
    return byMonday != 0 ? byMonday : asString().compareTo(other.asString());
  }

  @Override
  public String toString() {
    return asString();
  }
}
