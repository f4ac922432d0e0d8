package org.librarycampaign.publisher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import library.campaign.events.PublisherKind;
import org.librarycampaign.platform.accounts.ChannelAccount;
import org.librarycampaign.platform.accounts.ChannelAccounts;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.retry.RetryPolicy;
import org.librarycampaign.publisher.channel.BlueskyPublisher;
import org.librarycampaign.publisher.channel.MastodonPublisher;
import org.librarycampaign.publisher.channel.OutboxPublisher;
import org.librarycampaign.publisher.channel.Publisher;
import org.librarycampaign.publisher.channel.Publishers;
import org.librarycampaign.publisher.channel.Secret;
import org.librarycampaign.publisher.channel.WebhookPublisher;

/**
 * The publisher's {@code campaign.publisher.*} settings, read once from the config; the README
 * lists them. Channels are configured per channel id with keys {@code
 * campaign.publisher.channel.<branchId>.<PLATFORM>.<field>}; a channel without them publishes to
 * the local outbox. A setting that cannot work (an unknown kind or field, a missing URL or
 * credential) stops the start with a message naming the key.
 */
public record PublisherSettings(
    RetryPolicy retry,
    int threadsPerPartition,
    Duration pollInterval,
    Duration timeout,
    Duration maxLateness,
    Map<String, ChannelSettings> channels,
    Path outboxDirectory) {

  static final String PREFIX = "campaign.publisher.";
  public static final String MAX_ATTEMPTS = PREFIX + "retry.max-attempts";
  public static final String INITIAL_BACKOFF = PREFIX + "retry.initial-backoff";
  public static final String MULTIPLIER = PREFIX + "retry.multiplier";
  public static final String MAX_BACKOFF = PREFIX + "retry.max-backoff";
  public static final String JITTER = PREFIX + "retry.jitter";
  public static final String THREADS = PREFIX + "threads";
  public static final String POLL_INTERVAL = PREFIX + "poll-interval";
  public static final String TIMEOUT = PREFIX + "timeout";
  public static final String MAX_LATENESS = PREFIX + "max-lateness";
  public static final String CHANNEL = PREFIX + "channel.";

  /**
   * One channel's publisher.
   *
   * @param channelId {@code branchId/PLATFORM}
   * @param credential the Mastodon token, the Bluesky app password or the webhook secret
   * @param handle the Bluesky handle (or DID) to sign in as
   */
  public record ChannelSettings(
      String channelId, PublisherKind kind, URI url, Secret credential, String handle) {}

  public PublisherSettings {
    if (threadsPerPartition < 1) {
      throw new IllegalArgumentException(THREADS + " must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(POLL_INTERVAL + " must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(TIMEOUT + " must be positive");
    }
    if (maxLateness.isNegative()) {
      throw new IllegalArgumentException(MAX_LATENESS + " must not be negative");
    }
    channels = Map.copyOf(channels);
  }

  public static PublisherSettings from(CampaignConfig config) {
    RetryPolicy retry =
        new RetryPolicy(
            config.intValue(MAX_ATTEMPTS, 6),
            config.duration(INITIAL_BACKOFF, Duration.ofSeconds(5)),
            config.doubleValue(MULTIPLIER, 2.0),
            config.duration(MAX_BACKOFF, Duration.ofMinutes(10)),
            config.doubleValue(JITTER, 0.25));
    return new PublisherSettings(
        retry,
        config.intValue(THREADS, 2),
        config.duration(POLL_INTERVAL, Duration.ofMillis(200)),
        config.duration(TIMEOUT, Duration.ofSeconds(10)),
        config.duration(MAX_LATENESS, Duration.ofHours(1)),
        channels(config),
        config.dataDir().resolve("outbox-posts"));
  }

  /** The publishers these settings describe; unconfigured channels write to the outbox. */
  public Publishers publishers() {
    Map<String, Publisher> byChannel = new TreeMap<>();
    channels.forEach((id, channel) -> byChannel.put(id, publisher(channel)));
    return new Publishers(byChannel, new OutboxPublisher(outboxDirectory));
  }

  private Publisher publisher(ChannelSettings channel) {
    return switch (channel.kind()) {
      case MASTODON -> new MastodonPublisher(channel.url(), channel.credential(), timeout);
      case BLUESKY ->
          new BlueskyPublisher(channel.url(), channel.handle(), channel.credential(), timeout);
      case WEBHOOK -> new WebhookPublisher(channel.url(), channel.credential(), timeout);
      case OUTBOX, UNKNOWN -> new OutboxPublisher(outboxDirectory);
    };
  }

  /**
   * Reads every {@code campaign.publisher.channel.<branchId>.<PLATFORM>.<field>} key, through the
   * platform's {@link ChannelAccounts} (governance reads the same accounts for its hashtag
   * look-up).
   */
  static Map<String, ChannelSettings> channels(CampaignConfig config) {
    Map<String, ChannelAccount> accounts;
    try {
      accounts =
          new ChannelAccounts(
                  CHANNEL, EnumSet.complementOf(EnumSet.of(PublisherKind.UNKNOWN)), Set.of())
              .read(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("publisher channel settings: " + e.getMessage(), e);
    }
    Map<String, ChannelSettings> channels = new TreeMap<>();
    accounts.forEach(
        (channelId, account) ->
            channels.put(
                channelId,
                new ChannelSettings(
                    channelId,
                    account.kind(),
                    account.url(),
                    account.credential() == null ? null : new Secret(account.credential().reveal()),
                    account.handle())));
    return channels;
  }
}
