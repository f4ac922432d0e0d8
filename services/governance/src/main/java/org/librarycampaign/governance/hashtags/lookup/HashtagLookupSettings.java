package org.librarycampaign.governance.hashtags.lookup;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import library.campaign.events.Platform;
import library.campaign.events.PublisherKind;
import org.librarycampaign.platform.accounts.ChannelAccount;
import org.librarycampaign.platform.accounts.ChannelAccounts;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The network look-up of new hashtags ({@code campaign.governance.lookup.*}; governance README,
 * "Hashtags on the network"). Accounts come from {@code
 * campaign.governance.lookup.account.<branchId>.<PLATFORM>.<field>} (read-only; a Mastodon token
 * may be left out where the server's tag timelines are public), else from the publisher's channel
 * account ({@code campaign.publisher.channel.<branchId>.<PLATFORM>.<field>}) when it is Mastodon or
 * Bluesky. No account, no look-up.
 *
 * @param accounts by channel id: the account each channel looks tags up with
 */
public record HashtagLookupSettings(
    Duration timeout,
    int days,
    int cacheSize,
    Duration cacheTtl,
    Duration failureTtl,
    int threads,
    int queue,
    Map<String, ChannelAccount> accounts) {

  static final String PREFIX = "campaign.governance.lookup.";
  public static final String TIMEOUT = PREFIX + "timeout";
  public static final String DAYS = PREFIX + "days";
  public static final String CACHE_SIZE = PREFIX + "cache-size";
  public static final String CACHE_TTL = PREFIX + "cache-ttl";
  public static final String FAILURE_TTL = PREFIX + "failure-ttl";
  public static final String THREADS = PREFIX + "threads";
  public static final String ACCOUNT = PREFIX + "account.";
  static final String PUBLISHER_CHANNEL = "campaign.publisher.channel.";

  private static final Set<PublisherKind> SEARCHABLE =
      EnumSet.of(PublisherKind.MASTODON, PublisherKind.BLUESKY);

  public HashtagLookupSettings {
    positive(timeout, TIMEOUT);
    positive(cacheTtl, CACHE_TTL);
    positive(failureTtl, FAILURE_TTL);
    if (days < 1) {
      throw new IllegalArgumentException(DAYS + " must be at least 1");
    }
    if (cacheSize < 1) {
      throw new IllegalArgumentException(CACHE_SIZE + " must be at least 1");
    }
    if (threads < 1 || queue < 1) {
      throw new IllegalArgumentException(THREADS + " must be at least 1");
    }
    accounts = Map.copyOf(accounts);
  }

  public static HashtagLookupSettings from(CampaignConfig config) {
    Map<String, ChannelAccount> accounts = new TreeMap<>();
    Map<String, ChannelAccount> published;
    try {
      published =
          new ChannelAccounts(
                  PUBLISHER_CHANNEL,
                  EnumSet.complementOf(EnumSet.of(PublisherKind.UNKNOWN)),
                  Set.of())
              .read(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("publisher channel settings: " + e.getMessage(), e);
    }
    published.values().stream()
        .filter(account -> SEARCHABLE.contains(account.kind()))
        .forEach(account -> accounts.put(account.channelId(), account));
    try {
      accounts.putAll(
          new ChannelAccounts(ACCOUNT, SEARCHABLE, EnumSet.of(PublisherKind.MASTODON))
              .read(config));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hashtag look-up accounts: " + e.getMessage(), e);
    }
    return new HashtagLookupSettings(
        config.duration(TIMEOUT, Duration.ofSeconds(2)),
        config.intValue(DAYS, 7),
        config.intValue(CACHE_SIZE, 10_000),
        config.duration(CACHE_TTL, Duration.ofHours(1)),
        config.duration(FAILURE_TTL, Duration.ofMinutes(1)),
        config.intValue(THREADS, 4),
        1000,
        accounts);
  }

  /** The look-up these settings describe: {@link HashtagLookup#NONE} without accounts. */
  public HashtagLookup lookup() {
    if (accounts.isEmpty()) {
      return HashtagLookup.NONE;
    }
    Map<Platform, Set<String>> ownHandles = new TreeMap<>();
    accounts.values().stream()
        .filter(account -> account.handle() != null)
        .forEach(
            account ->
                ownHandles
                    .computeIfAbsent(account.platform(), p -> new HashSet<>())
                    .add(account.handle()));
    Map<String, TagSearch> searches = new TreeMap<>();
    accounts.forEach(
        (channelId, account) -> {
          Set<String> own = ownHandles.getOrDefault(account.platform(), Set.of());
          searches.put(
              channelId,
              switch (account.kind()) {
                case MASTODON ->
                    new MastodonTagSearch(account.url(), account.credential(), own, timeout);
                case BLUESKY ->
                    new BlueskyTagSearch(
                        account.url(), account.handle(), account.credential(), own, timeout);
                default -> throw new IllegalStateException("not searchable: " + account.kind());
              });
        });
    return new NetworkHashtagLookup(searches, this);
  }

  private static void positive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive");
    }
  }
}
