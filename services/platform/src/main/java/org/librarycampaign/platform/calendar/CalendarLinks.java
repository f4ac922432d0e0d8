package org.librarycampaign.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Signs and checks the secret links of branch calendar feeds ({@code <public url>/calendar/<token>
 * .ics}). Calendar apps cannot send a bearer token, so the link is the credential: whoever has it
 * can read that branch's calendar, and nothing else.
 *
 * <p>A token is three dot-separated parts: key id, branch id (base64url, no padding), and the
 * base64url HMAC-SHA256 of the first two under that key. It does not expire (a subscription lives
 * for years); it is signed with the first key of {@code campaign.calendar.keys} and checked with
 * whichever listed key its id names. To rotate, list a new key first and keep the old one until
 * subscribers have the new link; removing a key revokes every link it signed. The same approach as
 * the acknowledge links ({@code AckLinks}).
 */
public final class CalendarLinks {

  /** {@code <id>:<secret>,...}: the newest first. */
  public static final String KEYS = "campaign.calendar.keys";

  /** Where the dashboard is reached from outside; shared with the acknowledge links. */
  public static final String PUBLIC_URL = "campaign.public.url";

  public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

  /** The path of a feed: {@code /calendar/<token>.ics}. */
  public static final String PATH = "/calendar/";

  public static final String SUFFIX = ".ics";

  /** Used when {@link #KEYS} is not set: known to anyone who reads this code. */
  public static final String DEVELOPMENT_KEY_ID = "dev";

  private static final String DEVELOPMENT_SECRET = "campaign-development-calendar-key-not-secret";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final int MIN_SECRET_LENGTH = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Map<String, byte[]> keys;
  private final String signingKeyId;
  private final String publicUrl;

  /**
   * @param keys key id to secret, the signing key first
   * @param publicUrl the address the links start with
   */
  public CalendarLinks(Map<String, String> keys, String publicUrl) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(KEYS + " lists no key");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, secret) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                KEYS + ": key id '" + id + "' must be 1 to 16 of A-Z a-z 0-9 _ -");
          }
          if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                KEYS + ": the secret of key '" + id + "' must be at least 16 characters");
          }
          copy.put(id, secret.getBytes(StandardCharsets.UTF_8));
        });
    this.keys = copy;
    this.signingKeyId = keys.keySet().iterator().next();
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** From {@link #KEYS} and {@link #PUBLIC_URL}; the development key when no key is configured. */
  public static CalendarLinks from(CampaignConfig config) {
    String publicUrl = config.get(PUBLIC_URL, DEFAULT_PUBLIC_URL);
    List<String> entries = config.list(KEYS, List.of());
    if (entries.isEmpty()) {
      return new CalendarLinks(Map.of(DEVELOPMENT_KEY_ID, DEVELOPMENT_SECRET), publicUrl);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        // never echo the entry: it holds a secret
        throw new IllegalArgumentException(
            KEYS + ": each entry must be <id>:<secret>; entry " + (keys.size() + 1) + " is not");
      }
      String id = entry.substring(0, colon).strip();
      if (keys.put(id, entry.substring(colon + 1).strip()) != null) {
        throw new IllegalArgumentException(KEYS + ": key id '" + id + "' is listed twice");
      }
    }
    return new CalendarLinks(keys, publicUrl);
  }

  /** Whether links are signed with the well-known development key. */
  public boolean usesDevelopmentKey() {
    return DEVELOPMENT_KEY_ID.equals(signingKeyId)
        && MessageDigest.isEqual(
            keys.get(signingKeyId), DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8));
  }

  /** The token of a branch's feed, signed with the newest key. Same branch, same token. */
  public String token(String branchId) {
    if (branchId == null || branchId.isBlank()) {
      throw new IllegalArgumentException("a calendar link needs a branch id");
    }
    String payload =
        signingKeyId + "." + ENCODER.encodeToString(branchId.getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(hmac(keys.get(signingKeyId), payload));
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
    byte[] key = keys.get(parts[0]);
    if (key == null) {
      return Optional.empty();
    }
    try {
      byte[] given = DECODER.decode(parts[2]);
      if (!MessageDigest.isEqual(hmac(key, parts[0] + "." + parts[1]), given)) {
        return Optional.empty();
      }
      return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The key ids, newest first (never the secrets). */
  public List<String> keyIds() {
    return new ArrayList<>(keys.keySet());
  }

  /** The key ids and public URL, never a secret. */
  @Override
  public String toString() {
    return "CalendarLinks[keys=" + keyIds() + ", publicUrl=" + publicUrl + "]";
  }

  private static byte[] hmac(byte[] key, String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
