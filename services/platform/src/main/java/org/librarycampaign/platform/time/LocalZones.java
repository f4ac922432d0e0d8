package org.librarycampaign.platform.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.PostingWindow;

/**
 * Whose zone and posting window a message about a channel or a branch uses (README: local time):
 * the channel's policy, else the branch's settings, else the settings of every branch ({@code *}),
 * else the service's own default. Each field falls back on its own: a branch that names report
 * contacts but no zone reads in the zone of {@code *}.
 *
 * <p>The lookups are the readers' global stores (channel policies by {@code branchId/platform},
 * branch settings by {@code branchId}); a zone or window that does not parse is passed over, so a
 * record written straight to Kafka with a typo falls back instead of failing a message.
 */
public final class LocalZones {

  /** The key of the settings of every branch without its own. */
  public static final String EVERY_BRANCH = "*";

  private final Function<String, ChannelPolicy> policies;
  private final Function<String, BranchSettings> branches;
  private final ZoneId fallback;

  /**
   * @param policies the channel policy of a channel id ({@code branchId/platform}), or null
   * @param branches the branch settings of a key (branch id or {@code *}), or null
   * @param fallback the service's own zone, used when neither names one
   */
  public LocalZones(
      Function<String, ChannelPolicy> policies,
      Function<String, BranchSettings> branches,
      ZoneId fallback) {
    this.policies = policies;
    this.branches = branches;
    this.fallback = fallback;
  }

  /** Only the service's zone: no channel policies or branch settings are known. */
  public static LocalZones fixed(ZoneId zone) {
    return new LocalZones(key -> null, key -> null, zone);
  }

  /** The zone of what people of the channel read ({@code platform} null: the branch's). */
  public ZoneId zone(String branchId, String platform) {
    ChannelPolicy policy = policy(branchId, platform);
    ZoneId zone = policy == null ? null : parse(policy.getZone());
    if (zone != null) {
      return zone;
    }
    for (BranchSettings settings : settings(branchId)) {
      zone = parse(settings.getZone());
      if (zone != null) {
        return zone;
      }
    }
    return fallback;
  }

  /** The zone of what people of the branch read. */
  public ZoneId zone(String branchId) {
    return zone(branchId, null);
  }

  /** The posting window of the channel: its policy's, else the branch's, else 08:00 to 21:00. */
  public PostingHours postingHours(String branchId, String platform) {
    ChannelPolicy policy = policy(branchId, platform);
    PostingHours hours = policy == null ? null : hours(policy.getPostingWindow());
    if (hours != null) {
      return hours;
    }
    for (BranchSettings settings : settings(branchId)) {
      hours = hours(settings.getPostingWindow());
      if (hours != null) {
        return hours;
      }
    }
    return PostingHours.DEFAULT;
  }

  private ChannelPolicy policy(String branchId, String platform) {
    return platform == null || branchId == null ? null : policies.apply(branchId + "/" + platform);
  }

  /**
   * The branch's own settings, then those of every branch: a field the branch leaves out is taken
   * from {@code *}.
   */
  private List<BranchSettings> settings(String branchId) {
    List<BranchSettings> found = new ArrayList<>(2);
    BranchSettings own = branchId == null ? null : branches.apply(branchId);
    if (own != null) {
      found.add(own);
    }
    BranchSettings every = branches.apply(EVERY_BRANCH);
    if (every != null && !EVERY_BRANCH.equals(branchId)) {
      found.add(every);
    }
    return found;
  }

  private static PostingHours hours(PostingWindow window) {
    return window == null ? null : PostingHours.parse(window.getFrom(), window.getTo());
  }

  private static ZoneId parse(String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
