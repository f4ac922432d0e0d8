package org.librarycampaign.calendars;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import library.campaign.events.Stance;
import org.librarycampaign.calendars.imports.FeedSource;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The {@code campaign.calendar-feeds.*} keys: how often the feeds are read, how far ahead their
 * recurring events are expanded, and the feeds themselves, one group of keys per feed name:
 *
 * <pre>
 * campaign.calendar-feeds.interval=15m
 * campaign.calendar-feeds.horizon=P90D
 * campaign.calendar-feeds.city.url=https://city.example/events.ics
 * campaign.calendar-feeds.city.branch=riverside      (or * for every branch)
 * campaign.calendar-feeds.city.stance=AVOID          (AVOID by default, or AMPLIFY)
 * campaign.calendar-feeds.city.zone=America/Chicago  (all-day and floating times; UTC by default)
 * </pre>
 */
public record CalendarFeedsSettings(Duration interval, Duration horizon, List<Feed> feeds) {

  public static final String PREFIX = "campaign.calendar-feeds.";
  public static final String INTERVAL = PREFIX + "interval";
  public static final String HORIZON = PREFIX + "horizon";
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(90);

  /** One configured feed. The URL may hold a secret: it is never logged. */
  public record Feed(FeedSource source, String url, ZoneId zone) {
    @Override
    public String toString() {
      return "Feed[" + source + ", zone=" + zone + "]";
    }
  }

  public CalendarFeedsSettings {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(INTERVAL + " must be positive, got " + interval);
    }
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException(HORIZON + " must be positive, got " + horizon);
    }
    feeds = List.copyOf(feeds);
  }

  public static CalendarFeedsSettings from(CampaignConfig config) {
    TreeSet<String> names = new TreeSet<>();
    for (String key : config.describe().keySet()) {
      if (key.startsWith(PREFIX) && key.endsWith(".url")) {
        names.add(key.substring(PREFIX.length(), key.length() - ".url".length()));
      }
    }
    List<Feed> feeds = new ArrayList<>();
    for (String name : names) {
      String at = PREFIX + name + ".";
      String url = config.get(at + "url").orElseThrow().strip();
      String branch =
          config
              .get(at + "branch")
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          at + "branch is missing: the branch id, or * for every branch"));
      Stance stance;
      String stanceText = config.get(at + "stance", "AVOID").strip().toUpperCase(Locale.ROOT);
      try {
        stance = Stance.valueOf(stanceText);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            at + "stance must be AVOID or AMPLIFY, got '" + stanceText + "'");
      }
      FeedSource source;
      try {
        source = new FeedSource(name, branch.strip(), stance);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "*: " + e.getMessage(), e);
      }
      feeds.add(new Feed(source, url, config.zone(at + "zone", ZoneOffset.UTC)));
    }
    return new CalendarFeedsSettings(
        config.duration(INTERVAL, DEFAULT_INTERVAL),
        config.duration(HORIZON, DEFAULT_HORIZON),
        feeds);
  }
}
