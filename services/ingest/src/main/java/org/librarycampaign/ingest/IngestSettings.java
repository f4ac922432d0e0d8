package org.librarycampaign.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The {@code campaign.ingest.*} settings, read once at start.
 *
 * @param tokensFile {@code campaign.ingest.tokens-file}: the tokens to accept (see {@link
 *     org.librarycampaign.ingest.auth.TokensFile}); when empty, development tokens are used
 * @param developmentTokens {@code campaign.ingest.dev-tokens}: whether, without a tokens file,
 *     development tokens are made (and kept) in {@code <data dir>/ingest-tokens.properties}
 * @param developmentBranches {@code campaign.ingest.dev-branches}: the branches that get a
 *     development token besides the admin one
 * @param maxBodyBytes {@code campaign.ingest.max-body-bytes}: larger request bodies get 413
 * @param sendTimeout {@code campaign.ingest.send-timeout}: how long a request waits for the broker
 *     to acknowledge its records before it answers 503
 * @param ratePerSecond {@code campaign.ingest.rate-limit.per-second}: requests a second each token
 *     may send on average (and each client address with a missing or unknown token); more get 429
 * @param rateBurst {@code campaign.ingest.rate-limit.burst}: requests a token may send at once
 *     after a quiet spell
 * @param maxEventsPerRequest {@code campaign.ingest.max-events-per-request}: a request with more
 *     events gets 413
 */
public record IngestSettings(
    Optional<Path> tokensFile,
    boolean developmentTokens,
    List<String> developmentBranches,
    int maxBodyBytes,
    Duration sendTimeout,
    double ratePerSecond,
    int rateBurst,
    int maxEventsPerRequest) {

  public static final String TOKENS_FILE = "campaign.ingest.tokens-file";
  public static final String DEV_TOKENS = "campaign.ingest.dev-tokens";
  public static final String DEV_BRANCHES = "campaign.ingest.dev-branches";
  public static final String MAX_BODY_BYTES = "campaign.ingest.max-body-bytes";
  public static final String SEND_TIMEOUT = "campaign.ingest.send-timeout";
  public static final String RATE_PER_SECOND = "campaign.ingest.rate-limit.per-second";
  public static final String RATE_BURST = "campaign.ingest.rate-limit.burst";
  public static final String MAX_EVENTS_PER_REQUEST = "campaign.ingest.max-events-per-request";

  /** The file development tokens are kept in, under the data directory. */
  public static final String DEV_TOKENS_FILE_NAME = "ingest-tokens.properties";

  static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_MAX_BODY_BYTES = 64 * 1024 * 1024;
  static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
  static final double DEFAULT_RATE_PER_SECOND = 20;
  static final int DEFAULT_RATE_BURST = 40;
  static final int DEFAULT_MAX_EVENTS_PER_REQUEST = 500;

  public IngestSettings {
    developmentBranches = List.copyOf(developmentBranches);
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          MAX_BODY_BYTES + " must be from 1 to " + MAX_MAX_BODY_BYTES + " bytes");
    }
    if (sendTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException(SEND_TIMEOUT + " must be at least 1s");
    }
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(RATE_PER_SECOND + " must be a number above 0");
    }
    if (rateBurst < 1) {
      throw new IllegalArgumentException(RATE_BURST + " must be at least 1");
    }
    if (maxEventsPerRequest < 1) {
      throw new IllegalArgumentException(MAX_EVENTS_PER_REQUEST + " must be at least 1");
    }
  }

  public static IngestSettings from(CampaignConfig config) {
    return new IngestSettings(
        config.get(TOKENS_FILE).map(Path::of),
        config.booleanValue(DEV_TOKENS, true),
        config.list(DEV_BRANCHES, List.of()),
        config.intValue(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
        config.duration(SEND_TIMEOUT, DEFAULT_SEND_TIMEOUT),
        config.doubleValue(RATE_PER_SECOND, DEFAULT_RATE_PER_SECOND),
        config.intValue(RATE_BURST, DEFAULT_RATE_BURST),
        config.intValue(MAX_EVENTS_PER_REQUEST, DEFAULT_MAX_EVENTS_PER_REQUEST));
  }
}
