package org.librarycampaign.ingest.respond;

import java.time.ZoneId;
import java.util.Optional;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * What the acknowledge pages, the SMS replies and the timeline need, read once at start.
 *
 * @param publicUrl {@code campaign.public.url}: the base URL recipients reach the API at; the SMS
 *     gateway's signature covers the URL it called, which is this base and the path
 * @param links {@code campaign.ack.keys} and {@code campaign.ack.link-validity}: checks the links
 * @param zone {@code campaign.ingest.zone}: the zone of the times people read (pages, SMS answers,
 *     timeline); this machine's zone by default
 * @param smsAuthToken {@code campaign.ingest.sms.auth-token}: the SMS gateway's auth token, which
 *     signs its inbound requests; without it the SMS endpoint refuses every request
 */
public record ResponderSettings(
    String publicUrl, AckLinks links, ZoneId zone, Optional<String> smsAuthToken) {

  public static final String PUBLIC_URL = CampaignConfig.PUBLIC_URL;
  public static final String ZONE = "campaign.ingest.zone";
  public static final String SMS_AUTH_TOKEN = "campaign.ingest.sms.auth-token";

  public ResponderSettings {
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public static ResponderSettings from(CampaignConfig config) {
    return new ResponderSettings(
        config.publicUrl(),
        AckLinks.from(config),
        config.zone(ZONE, ZoneId.systemDefault()),
        config.get(SMS_AUTH_TOKEN).filter(token -> !token.isBlank()));
  }

  /** Never the auth token. */
  @Override
  public String toString() {
    return "ResponderSettings[publicUrl="
        + publicUrl
        + ", links="
        + links
        + ", zone="
        + zone
        + ", smsAuthToken="
        + (smsAuthToken.isPresent() ? "(set)" : "(none)")
        + "]";
  }
}
