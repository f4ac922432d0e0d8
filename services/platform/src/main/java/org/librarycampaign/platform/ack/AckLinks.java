package org.librarycampaign.platform.ack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.links.SigningKeys;

/**
 * Signs and checks the tokens of acknowledge links ({@code <public url>/ack/<token>}): the link is
 * the credential, for one incident only, until it expires.
 *
 * <p>A token is seven dot-separated parts: key id, expiry (epoch seconds), tier, then branch,
 * incident and responder ids (base64url, no padding), then the base64url HMAC-SHA256 of the first
 * six parts as written under that key. It is signed with the first key of {@code campaign.ack.keys}
 * and checked with whichever listed key its id names, so a new key goes first and the old one stays
 * listed until the links it signed have expired: keys rotate without breaking links in flight.
 */
public final class AckLinks {

  /** {@code <id>:<secret>,...}: the newest first. */
  public static final String KEYS = "campaign.ack.keys";

  /** How long a link stays valid after the notification that carries it was written. */
  public static final String VALIDITY = "campaign.ack.link-validity";

  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

  /**
   * The key used when {@link #KEYS} is not set: known to anyone who reads this code, so only for a
   * machine of one's own (services log a warning when they use it).
   */
  public static final String DEVELOPMENT_KEY_ID = SigningKeys.DEVELOPMENT_KEY_ID;

  private static final String DEVELOPMENT_SECRET = "campaign-development-ack-key-not-secret";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SigningKeys keys;
  private final Duration validity;

  /**
   * @param keys key id to secret, the signing key first
   */
  public AckLinks(Map<String, String> keys, Duration validity) {
    this(new SigningKeys(KEYS, keys, DEVELOPMENT_SECRET), validity);
  }

  private AckLinks(SigningKeys keys, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException(VALIDITY + " must be positive, got " + validity);
    }
    this.keys = keys;
    this.validity = validity;
  }

  /** From {@link #KEYS} and {@link #VALIDITY}; the development key when no key is configured. */
  public static AckLinks from(CampaignConfig config) {
    Duration validity = config.duration(VALIDITY, DEFAULT_VALIDITY);
    return new AckLinks(SigningKeys.from(config, KEYS, DEVELOPMENT_SECRET), validity);
  }

  /** Whether links are signed with the well-known development key. */
  public boolean usesDevelopmentKey() {
    return keys.usesDevelopmentKey();
  }

  public Duration validity() {
    return validity;
  }

  /** The claim of a link written at {@code issuedAt}: it expires one validity later. */
  public AckClaim claim(
      String branchId, String incidentId, int tier, String responderId, Instant issuedAt) {
    return new AckClaim(branchId, incidentId, tier, responderId, issuedAt.plus(validity));
  }

  /** The token of a claim, signed with the newest key. Same claim, same token. */
  public String sign(AckClaim claim) {
    String payload =
        String.join(
            ".",
            keys.signingKeyId(),
            Long.toString(claim.expiresAt().getEpochSecond()),
            Integer.toString(claim.tier()),
            encode(claim.branchId()),
            encode(claim.incidentId()),
            encode(claim.responderId()));
    return payload + "." + keys.sign(payload);
  }

  /** What a token is worth at {@code now}. */
  public Verification verify(String token, Instant now) {
    Objects.requireNonNull(token, "token");
    String[] parts = token.split("\\.", -1);
    if (parts.length != 7) {
      return new Verification.Invalid("the link is not complete");
    }
    int lastDot = token.lastIndexOf('.');
    String problem =
        switch (keys.check(parts[0], token.substring(0, lastDot), parts[6])) {
          case VALID -> null;
          case UNKNOWN_KEY -> "the link was signed with a key that is no longer used";
          case DAMAGED -> "the link's signature is damaged";
          case CHANGED -> "the link's signature does not match: it was changed";
        };
    if (problem != null) {
      return new Verification.Invalid(problem);
    }
    AckClaim claim;
    try {
      claim =
          new AckClaim(
              decode(parts[3]),
              decode(parts[4]),
              Integer.parseInt(parts[2]),
              decode(parts[5]),
              Instant.ofEpochSecond(Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      // signed by us, so only a key leak or a bug gets here
      return new Verification.Invalid("the link is not readable");
    }
    if (!now.isBefore(claim.expiresAt())) {
      return new Verification.Expired(claim);
    }
    return new Verification.Valid(claim);
  }

  /** The outcome of {@link #verify}. */
  public sealed interface Verification {
    /** Signed by a listed key and not expired. */
    record Valid(AckClaim claim) implements Verification {}

    /** Signed by a listed key, but past its expiry. */
    record Expired(AckClaim claim) implements Verification {}

    /** Not a link this system signed (changed, damaged, or its key was withdrawn). */
    record Invalid(String reason) implements Verification {}
  }

  /** The key ids, newest first (never the secrets). */
  public List<String> keyIds() {
    return keys.keyIds();
  }

  /** Same keys (ids, order and secrets) and validity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AckLinks that
        && validity.equals(that.validity)
        && keys.equals(that.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyIds(), validity);
  }

  /** The key ids and validity, never a secret. */
  @Override
  public String toString() {
    return "AckLinks[keys=" + keyIds() + ", validity=" + validity + "]";
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }
}
