package org.librarycampaign.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.librarycampaign.dashboard.board.Board;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The {@code campaign.dashboard.*} settings, read once at start; the README lists them.
 *
 * @param zone {@code campaign.dashboard.zone}: the zone of the calendar's days and times (default:
 *     this machine's zone); each channel's balance keeps its own policy's zone
 * @param refreshInterval {@code campaign.dashboard.refresh-interval}: how often the live stream
 *     looks for changes to push (default 500ms)
 * @param heartbeatInterval {@code campaign.dashboard.heartbeat-interval}: how often an idle live
 *     stream sends a comment, so that proxies keep it open and closed pages are noticed (default
 *     15s)
 * @param outboxDirectory where the dispatcher writes the local outbox: {@code <data dir>/outbox}
 * @param viewersFile {@code campaign.dashboard.viewers-file}: who may log in (see {@link
 *     org.librarycampaign.dashboard.login.Viewers}); without it, a development viewer kept in
 *     {@code <data dir>/dashboard-viewers.properties}
 * @param sessionLifetime {@code campaign.dashboard.session-lifetime}: how long a login lasts
 *     (default 12h)
 */
public record DashboardSettings(
    ZoneId zone,
    Duration refreshInterval,
    Duration heartbeatInterval,
    Path outboxDirectory,
    Path viewersFile,
    boolean developmentViewers,
    Duration sessionLifetime) {

  public static final String ZONE = "campaign.dashboard.zone";
  public static final String REFRESH_INTERVAL = "campaign.dashboard.refresh-interval";
  public static final String HEARTBEAT_INTERVAL = "campaign.dashboard.heartbeat-interval";
  public static final String VIEWERS_FILE = "campaign.dashboard.viewers-file";
  public static final String SESSION_LIFETIME = "campaign.dashboard.session-lifetime";

  /** The development viewer's file, under the data directory. */
  public static final String DEV_VIEWERS_FILE_NAME = "dashboard-viewers.properties";

  static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(500);
  static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
  static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(12);

  public DashboardSettings {
    if (refreshInterval.toMillis() < 50) {
      throw new IllegalArgumentException(REFRESH_INTERVAL + " must be at least 50ms");
    }
    if (heartbeatInterval.toMillis() < 1000) {
      throw new IllegalArgumentException(HEARTBEAT_INTERVAL + " must be at least 1s");
    }
    if (sessionLifetime.toSeconds() < 60) {
      throw new IllegalArgumentException(SESSION_LIFETIME + " must be at least 1m");
    }
  }

  /**
   * Where the publisher writes the posts of channels without a publisher: {@code <data
   * dir>/outbox-posts}, beside the dispatcher's outbox.
   */
  public Path postOutboxDirectory() {
    return outboxDirectory.resolveSibling(Board.POST_OUTBOX);
  }

  public static DashboardSettings from(CampaignConfig config) {
    return new DashboardSettings(
        config.zone(ZONE, ZoneId.systemDefault()),
        config.duration(REFRESH_INTERVAL, DEFAULT_REFRESH_INTERVAL),
        config.duration(HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_INTERVAL),
        config.dataDir().toAbsolutePath().resolve("outbox"),
        config
            .get(VIEWERS_FILE)
            .map(Path::of)
            .orElse(config.dataDir().toAbsolutePath().resolve(DEV_VIEWERS_FILE_NAME)),
        config.get(VIEWERS_FILE).isEmpty(),
        config.duration(SESSION_LIFETIME, DEFAULT_SESSION_LIFETIME));
  }
}
