package org.librarycampaign.publisher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import library.campaign.events.Platform;
import library.campaign.events.PublisherKind;
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

  static final Set<String> FIELDS =
      Set.of("kind", "url", "token", "handle", "app-password", "secret");

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

  /** Reads every {@code campaign.publisher.channel.<branchId>.<PLATFORM>.<field>} key. */
  static Map<String, ChannelSettings> channels(CampaignConfig config) {
    Map<String, Map<String, String>> fields = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String key : config.describe().keySet()) {
      if (!key.startsWith(CHANNEL)) {
        continue;
      }
      String rest = key.substring(CHANNEL.length());
      int fieldDot = rest.lastIndexOf('.');
      int platformDot = fieldDot < 0 ? -1 : rest.lastIndexOf('.', fieldDot - 1);
      if (platformDot <= 0) {
        problems.add(key + ": expected " + CHANNEL + "<branchId>.<PLATFORM>.<field>");
        continue;
      }
      String branch = rest.substring(0, platformDot);
      String platformName = rest.substring(platformDot + 1, fieldDot).toUpperCase(Locale.ROOT);
      String field = rest.substring(fieldDot + 1).toLowerCase(Locale.ROOT);
      Platform platform;
      try {
        platform = Platform.valueOf(platformName);
      } catch (IllegalArgumentException e) {
        problems.add(key + ": unknown platform " + platformName);
        continue;
      }
      if (!FIELDS.contains(field)) {
        problems.add(
            key + ": unknown field " + field + " (one of " + new java.util.TreeSet<>(FIELDS) + ")");
        continue;
      }
      fields
          .computeIfAbsent(branch + "/" + platform.name(), id -> new TreeMap<>())
          .put(field, config.get(key).orElse(""));
    }
    Map<String, ChannelSettings> channels = new TreeMap<>();
    fields.forEach(
        (channelId, values) -> {
          String keyPrefix = CHANNEL + channelId.replace('/', '.') + ".";
          String kindName = values.getOrDefault("kind", "").trim().toUpperCase(Locale.ROOT);
          PublisherKind kind;
          try {
            kind = PublisherKind.valueOf(kindName);
          } catch (IllegalArgumentException e) {
            kind = PublisherKind.UNKNOWN;
          }
          if (kind == PublisherKind.UNKNOWN) {
            problems.add(
                keyPrefix
                    + "kind: one of mastodon, bluesky, webhook, outbox (got '"
                    + kindName.toLowerCase(Locale.ROOT)
                    + "')");
            return;
          }
          if (kind == PublisherKind.OUTBOX) {
            channels.put(channelId, new ChannelSettings(channelId, kind, null, null, null));
            return;
          }
          URI url = null;
          String urlText = values.get("url");
          if (urlText == null || urlText.isBlank()) {
            problems.add(keyPrefix + "url is required for " + kind.name().toLowerCase(Locale.ROOT));
          } else {
            try {
              url = URI.create(urlText.trim());
              String scheme = url.getScheme() == null ? "" : url.getScheme();
              if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                problems.add(keyPrefix + "url: not an http(s) URL: " + urlText);
              }
            } catch (IllegalArgumentException e) {
              problems.add(keyPrefix + "url: not a URL: " + urlText);
            }
          }
          String credentialField =
              switch (kind) {
                case MASTODON -> "token";
                case BLUESKY -> "app-password";
                default -> "secret";
              };
          String credential = values.get(credentialField);
          if (credential == null || credential.isBlank()) {
            problems.add(
                keyPrefix
                    + credentialField
                    + " is required for "
                    + kind.name().toLowerCase(Locale.ROOT));
          }
          String handle = values.get("handle");
          if (kind == PublisherKind.BLUESKY && (handle == null || handle.isBlank())) {
            problems.add(keyPrefix + "handle is required for bluesky");
          }
          if (credential != null && !credential.isBlank()) {
            channels.put(
                channelId,
                new ChannelSettings(channelId, kind, url, new Secret(credential), handle));
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "publisher channel settings: " + String.join("; ", problems));
    }
    return channels;
  }
}
