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
 */
public record IngestSettings(
    Optional<Path> tokensFile,
    boolean developmentTokens,
    List<String> developmentBranches,
    int maxBodyBytes,
    Duration sendTimeout) {

  public static final String TOKENS_FILE = "campaign.ingest.tokens-file";
  public static final String DEV_TOKENS = "campaign.ingest.dev-tokens";
  public static final String DEV_BRANCHES = "campaign.ingest.dev-branches";
  public static final String MAX_BODY_BYTES = "campaign.ingest.max-body-bytes";
  public static final String SEND_TIMEOUT = "campaign.ingest.send-timeout";

  /** The file development tokens are kept in, under the data directory. */
  public static final String DEV_TOKENS_FILE_NAME = "ingest-tokens.properties";

  static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_MAX_BODY_BYTES = 64 * 1024 * 1024;
  static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

  public IngestSettings {
    developmentBranches = List.copyOf(developmentBranches);
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          MAX_BODY_BYTES + " must be from 1 to " + MAX_MAX_BODY_BYTES + " bytes");
    }
    if (sendTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException(SEND_TIMEOUT + " must be at least 1s");
    }
  }

  public static IngestSettings from(CampaignConfig config) {
    return new IngestSettings(
        config.get(TOKENS_FILE).map(Path::of),
        config.booleanValue(DEV_TOKENS, true),
        config.list(DEV_BRANCHES, List.of()),
        config.intValue(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
        config.duration(SEND_TIMEOUT, DEFAULT_SEND_TIMEOUT));
  }
}
