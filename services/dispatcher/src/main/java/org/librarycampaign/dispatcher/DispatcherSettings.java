package org.librarycampaign.dispatcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.librarycampaign.dispatcher.channel.Channels;
import org.librarycampaign.dispatcher.channel.Outbox;
import org.librarycampaign.dispatcher.channel.SmsSettings;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.config.Secret;
import org.librarycampaign.platform.mail.SmtpSettings;
import org.librarycampaign.platform.retry.RetryPolicy;
import org.librarycampaign.platform.state.Retention;

/**
 * The dispatcher's {@code campaign.dispatcher.*} settings, read once from the config; the README
 * lists them. A channel whose key setting is absent is not configured, and its messages go to the
 * outbox under the data directory.
 */
public record DispatcherSettings(
    RetryPolicy retry,
    int threadsPerPartition,
    Duration pollInterval,
    Duration timeout,
    Optional<SmtpSettings> smtp,
    Optional<Secret> webhookSecret,
    Optional<SmsSettings> sms,
    Path outboxDirectory,
    Retention retention) {

  static final String PREFIX = "campaign.dispatcher.";
  public static final String MAX_ATTEMPTS = PREFIX + "retry.max-attempts";
  public static final String INITIAL_BACKOFF = PREFIX + "retry.initial-backoff";
  public static final String MULTIPLIER = PREFIX + "retry.multiplier";
  public static final String MAX_BACKOFF = PREFIX + "retry.max-backoff";
  public static final String JITTER = PREFIX + "retry.jitter";
  public static final String THREADS = PREFIX + "threads";
  public static final String POLL_INTERVAL = PREFIX + "poll-interval";
  public static final String TIMEOUT = PREFIX + "timeout";
  public static final String SMTP_HOST = PREFIX + "smtp.host";
  public static final String SMTP_PORT = PREFIX + "smtp.port";
  public static final String SMTP_SECURITY = PREFIX + "smtp.security";
  public static final String SMTP_USERNAME = PREFIX + "smtp.username";
  public static final String SMTP_PASSWORD = PREFIX + "smtp.password";
  public static final String SMTP_FROM = PREFIX + "smtp.from";
  public static final String SMTP_MESSAGE_ID_DOMAIN = PREFIX + "smtp.message-id-domain";
  public static final String SMTP_TRUST = PREFIX + "smtp.trust";
  public static final String WEBHOOK_SECRET = PREFIX + "webhook.secret";
  public static final String SMS_URL = PREFIX + "sms.url";
  public static final String SMS_AUTH_HEADER = PREFIX + "sms.auth-header";
  public static final String SMS_AUTH_TOKEN = PREFIX + "sms.auth-token";
  public static final String SMS_FORMAT = PREFIX + "sms.format";
  public static final String SMS_TEMPLATE = PREFIX + "sms.template";

  static final int DEFAULT_MAX_ATTEMPTS = 6;
  static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(5);
  static final double DEFAULT_MULTIPLIER = 2.0;
  static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(10);
  static final double DEFAULT_JITTER = 0.25;
  static final int DEFAULT_THREADS = 2;
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final String DEFAULT_FROM = SmtpSettings.DEFAULT_FROM;

  public DispatcherSettings {
    if (threadsPerPartition < 1) {
      throw new IllegalArgumentException(THREADS + " must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(POLL_INTERVAL + " must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(TIMEOUT + " must be positive");
    }
  }

  /** Settings with the default retention of finished receipts. */
  public DispatcherSettings(
      RetryPolicy retry,
      int threadsPerPartition,
      Duration pollInterval,
      Duration timeout,
      Optional<SmtpSettings> smtp,
      Optional<Secret> webhookSecret,
      Optional<SmsSettings> sms,
      Path outboxDirectory) {
    this(
        retry,
        threadsPerPartition,
        pollInterval,
        timeout,
        smtp,
        webhookSecret,
        sms,
        outboxDirectory,
        Retention.DEFAULT);
  }

  public static DispatcherSettings from(CampaignConfig config) {
    RetryPolicy retry =
        new RetryPolicy(
            config.intValue(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS),
            config.duration(INITIAL_BACKOFF, DEFAULT_INITIAL_BACKOFF),
            config.doubleValue(MULTIPLIER, DEFAULT_MULTIPLIER),
            config.duration(MAX_BACKOFF, DEFAULT_MAX_BACKOFF),
            config.doubleValue(JITTER, DEFAULT_JITTER));
    return new DispatcherSettings(
        retry,
        config.intValue(THREADS, DEFAULT_THREADS),
        config.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
        config.duration(TIMEOUT, DEFAULT_TIMEOUT),
        smtp(config),
        config.get(WEBHOOK_SECRET).map(Secret::new),
        sms(config),
        config.dataDir().resolve("outbox"),
        Retention.from(config));
  }

  /** The channels these settings describe; unconfigured ones write to the outbox. */
  public Channels channels() {
    return Channels.configured(smtp, webhookSecret, sms, timeout, new Outbox(outboxDirectory));
  }

  private static Optional<SmtpSettings> smtp(CampaignConfig config) {
    return SmtpSettings.from(config, PREFIX);
  }

  private static Optional<SmsSettings> sms(CampaignConfig config) {
    return config
        .get(SMS_URL)
        .map(
            url -> {
              SmsSettings.Format format = SmsSettings.Format.parse(config.get(SMS_FORMAT, "form"));
              return new SmsSettings(
                  URI.create(url),
                  config.get(SMS_AUTH_HEADER, "Authorization"),
                  config.get(SMS_AUTH_TOKEN).map(Secret::new),
                  format,
                  config.get(SMS_TEMPLATE, format.defaultTemplate()));
            });
  }
}
