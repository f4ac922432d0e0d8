package org.librarycampaign.platform.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The keys of a kind of signed link (acknowledge links, calendar feeds): a list of {@code
 * <id>:<secret>} from one setting, the newest first. A link is signed with the first key and
 * carries that key's id; it is checked with whichever listed key its id names, so a new key goes
 * first and the old one stays listed until its links are no longer used: keys rotate without
 * breaking links in flight, and removing a key revokes every link it signed.
 *
 * <p>A signature is the base64url (no padding) HMAC-SHA256 of the link's payload as written
 * (ASCII). When the setting lists no key, a development key whose secret is in the code is used;
 * services warn about it ({@link #usesDevelopmentKey()}).
 */
public final class SigningKeys {

  /** The id of the development key. */
  public static final String DEVELOPMENT_KEY_ID = "dev";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final int MIN_SECRET_LENGTH = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Map<String, byte[]> keys;
  private final String signingKeyId;
  private final byte[] developmentSecret;

  /**
   * @param setting the setting the keys come from, named in every error
   * @param keys key id to secret, the signing key first
   * @param developmentSecret the secret of the development key of this kind of link
   */
  public SigningKeys(String setting, Map<String, String> keys, String developmentSecret) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(setting + " lists no key");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, secret) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                setting + ": key id '" + id + "' must be 1 to 16 of A-Z a-z 0-9 _ -");
          }
          if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                setting + ": the secret of key '" + id + "' must be at least 16 characters");
          }
          copy.put(id, secret.getBytes(StandardCharsets.UTF_8));
        });
    this.keys = copy;
    this.signingKeyId = keys.keySet().iterator().next();
    this.developmentSecret = developmentSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** From {@code setting} ({@code <id>:<secret>,...}); the development key when it is not set. */
  public static SigningKeys from(CampaignConfig config, String setting, String developmentSecret) {
    List<String> entries = config.list(setting, List.of());
    if (entries.isEmpty()) {
      return new SigningKeys(
          setting, Map.of(DEVELOPMENT_KEY_ID, developmentSecret), developmentSecret);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        // never echo the entry: it holds a secret
        throw new IllegalArgumentException(
            setting + ": each entry must be <id>:<secret>; entry " + (keys.size() + 1) + " is not");
      }
      String id = entry.substring(0, colon).strip();
      if (keys.put(id, entry.substring(colon + 1).strip()) != null) {
        throw new IllegalArgumentException(setting + ": key id '" + id + "' is listed twice");
      }
    }
    return new SigningKeys(setting, keys, developmentSecret);
  }

  /** Whether links are signed with the well-known development key. */
  public boolean usesDevelopmentKey() {
    return DEVELOPMENT_KEY_ID.equals(signingKeyId)
        && MessageDigest.isEqual(keys.get(signingKeyId), developmentSecret);
  }

  /** The id of the key new links are signed with: the first listed. */
  public String signingKeyId() {
    return signingKeyId;
  }

  /** The signature of {@code payload} under the signing key. Same payload, same signature. */
  public String sign(String payload) {
    return ENCODER.encodeToString(hmac(keys.get(signingKeyId), payload));
  }

  /** What {@link #check} found. */
  public enum Check {
    /** Signed by the listed key the link names. */
    VALID,
    /** The key the link names is not listed (any more). */
    UNKNOWN_KEY,
    /** The signature is not base64url. */
    DAMAGED,
    /** The signature does not match the payload: the link was changed. */
    CHANGED
  }

  /**
   * Checks a link's signature, in constant time for a listed key.
   *
   * @param keyId the key id the link names
   * @param payload the signed part of the link, as written
   * @param signature the link's signature part
   */
  public Check check(String keyId, String payload, String signature) {
    byte[] key = keys.get(keyId);
    if (key == null) {
      return Check.UNKNOWN_KEY;
    }
    byte[] given;
    try {
      given = DECODER.decode(signature);
    } catch (IllegalArgumentException e) {
      return Check.DAMAGED;
    }
    return MessageDigest.isEqual(hmac(key, payload), given) ? Check.VALID : Check.CHANGED;
  }

  /** The key ids, newest first (never the secrets). */
  public List<String> keyIds() {
    return new ArrayList<>(keys.keySet());
  }

  /** Same key ids, order and secrets. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SigningKeys that) || !keyIds().equals(that.keyIds())) {
      return false;
    }
    return keys.keySet().stream()
        .allMatch(id -> MessageDigest.isEqual(keys.get(id), that.keys.get(id)));
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyIds());
  }

  /** The key ids, never a secret. */
  @Override
  public String toString() {
    return "SigningKeys" + keyIds();
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
