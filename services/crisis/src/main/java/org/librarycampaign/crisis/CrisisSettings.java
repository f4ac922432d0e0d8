package org.librarycampaign.crisis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.librarycampaign.crisis.response.FallbackContact;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.Retention;

/**
 * The crisis service's settings, read from {@link CampaignConfig} (README: configuration).
 *
 * @param escalationCheckInterval how often (wall clock) deadlines are checked
 * @param ackTimeoutUnit how long one unit of a tier's {@code ackTimeoutMinutes} lasts: one minute;
 *     shorter only for drills, demos and tests
 * @param publicUrl the base URL of the ingest API as recipients reach it, for acknowledge links
 * @param retention how long resolved incidents and sent ids are kept
 * @param fallbackContacts who is told of unrouted and exhausted incidents
 * @param ackLinks signs the one-tap acknowledge links ({@code campaign.ack.*})
 */
public record CrisisSettings(
    Duration escalationCheckInterval,
    Duration ackTimeoutUnit,
    String publicUrl,
    Retention retention,
    List<FallbackContact> fallbackContacts,
    AckLinks ackLinks) {

  public static final String ESCALATION_CHECK_INTERVAL =
      "campaign.crisis.escalation-check-interval";
  public static final String ACK_TIMEOUT_UNIT = "campaign.crisis.ack-timeout-unit";
  public static final String PUBLIC_URL = CampaignConfig.PUBLIC_URL;
  public static final String FALLBACK_CONTACTS = "campaign.crisis.fallback-contacts";

  public static final Duration DEFAULT_ESCALATION_CHECK_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_ACK_TIMEOUT_UNIT = Duration.ofMinutes(1);

  public CrisisSettings {
    requirePositive(ESCALATION_CHECK_INTERVAL, escalationCheckInterval);
    requirePositive(ACK_TIMEOUT_UNIT, ackTimeoutUnit);
    fallbackContacts = List.copyOf(fallbackContacts);
  }

  /** Settings with the default acknowledge links (the development key). */
  public CrisisSettings(
      Duration escalationCheckInterval,
      Duration ackTimeoutUnit,
      String publicUrl,
      Retention retention,
      List<FallbackContact> fallbackContacts) {
    this(
        escalationCheckInterval,
        ackTimeoutUnit,
        publicUrl,
        retention,
        fallbackContacts,
        AckLinks.from(CampaignConfig.of(Map.of())));
  }

  /** Settings without fallback contacts. */
  public CrisisSettings(
      Duration escalationCheckInterval,
      Duration ackTimeoutUnit,
      String publicUrl,
      Retention retention,
      AckLinks ackLinks) {
    this(escalationCheckInterval, ackTimeoutUnit, publicUrl, retention, List.of(), ackLinks);
  }

  /** Settings with the default retention and acknowledge links. */
  public CrisisSettings(
      Duration escalationCheckInterval, Duration ackTimeoutUnit, String publicUrl) {
    this(escalationCheckInterval, ackTimeoutUnit, publicUrl, Retention.DEFAULT);
  }

  /** Settings without fallback contacts, with the default acknowledge links. */
  public CrisisSettings(
      Duration escalationCheckInterval,
      Duration ackTimeoutUnit,
      String publicUrl,
      Retention retention) {
    this(escalationCheckInterval, ackTimeoutUnit, publicUrl, retention, List.of());
  }

  public static CrisisSettings from(CampaignConfig config) {
    return new CrisisSettings(
        config.duration(ESCALATION_CHECK_INTERVAL, DEFAULT_ESCALATION_CHECK_INTERVAL),
        config.duration(ACK_TIMEOUT_UNIT, DEFAULT_ACK_TIMEOUT_UNIT),
        config.publicUrl(),
        Retention.from(config),
        FallbackContact.parse(FALLBACK_CONTACTS, config.get(FALLBACK_CONTACTS, "")),
        AckLinks.from(config));
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
  }
}
