package org.librarycampaign.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.links.SigningKeys;

/**
 * Signs and checks the secret links of branch calendar feeds ({@code <public url>/calendar/<token>
 * .ics}). Calendar apps cannot send a bearer token, so the link is the credential: whoever has it
 * can read that branch's calendar, and nothing else.
 *
 * <p>A token is three dot-separated parts: key id, branch id (base64url, no padding), and the
 * base64url HMAC-SHA256 of the first two under that key. It does not expire (a subscription lives
 * for years); it is signed with the first key of {@code campaign.calendar.keys} and checked with
 * whichever listed key its id names. To rotate, list a new key first and keep the old one until
 * subscribers have the new link; removing a key revokes every link it signed. The keys are the
 * platform's {@link SigningKeys}, as for the acknowledge links ({@code AckLinks}).
 */
public final class CalendarLinks {

  /** {@code <id>:<secret>,...}: the newest first. */
  public static final String KEYS = "campaign.calendar.keys";

  /** Where the dashboard is reached from outside; shared with the acknowledge links. */
  public static final String PUBLIC_URL = CampaignConfig.PUBLIC_URL;

  /** The path of a feed: {@code /calendar/<token>.ics}. */
  public static final String PATH = "/calendar/";

  public static final String SUFFIX = ".ics";

  /** Used when {@link #KEYS} is not set: known to anyone who reads this code. */
  public static final String DEVELOPMENT_KEY_ID = SigningKeys.DEVELOPMENT_KEY_ID;

  private static final String DEVELOPMENT_SECRET = "campaign-development-calendar-key-not-secret";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SigningKeys keys;
  private final String publicUrl;

  /**
   * @param keys key id to secret, the signing key first
   * @param publicUrl the address the links start with
   */
  public CalendarLinks(Map<String, String> keys, String publicUrl) {
    this(new SigningKeys(KEYS, keys, DEVELOPMENT_SECRET), publicUrl);
  }

  private CalendarLinks(SigningKeys keys, String publicUrl) {
    this.keys = keys;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** From {@link #KEYS} and {@link #PUBLIC_URL}; the development key when no key is configured. */
  public static CalendarLinks from(CampaignConfig config) {
    return new CalendarLinks(
        SigningKeys.from(config, KEYS, DEVELOPMENT_SECRET), config.publicUrl());
  }

  /** Whether links are signed with the well-known development key. */
  public boolean usesDevelopmentKey() {
    return keys.usesDevelopmentKey();
  }

  /** The token of a branch's feed, signed with the newest key. Same branch, same token. */
  public String token(String branchId) {
    if (branchId == null || branchId.isBlank()) {
      throw new IllegalArgumentException("a calendar link needs a branch id");
    }
    String payload =
        keys.signingKeyId()
            + "."
            + ENCODER.encodeToString(branchId.getBytes(StandardCharsets.UTF_8));
    return payload + "." + keys.sign(payload);
  }

  /** The whole link of a branch's feed. */
  public String link(String branchId) {
    return publicUrl + PATH + token(branchId) + SUFFIX;
  }

  /** The branch a token is for, when a listed key signed it; empty for anything else. */
  public Optional<String> branchOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    if (token.endsWith(SUFFIX)) {
      token = token.substring(0, token.length() - SUFFIX.length());
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    if (keys.check(parts[0], parts[0] + "." + parts[1], parts[2]) != SigningKeys.Check.VALID) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The key ids, newest first (never the secrets). */
  public List<String> keyIds() {
    return keys.keyIds();
  }

  /** The key ids and public URL, never a secret. */
  @Override
  public String toString() {
    return "CalendarLinks[keys=" + keyIds() + ", publicUrl=" + publicUrl + "]";
  }
}
