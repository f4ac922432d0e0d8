package org.librarycampaign.dispatcher.channel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.librarycampaign.platform.config.Secret;

/**
 * The {@code X-Campaign-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of
 * the exact body bytes under the shared secret. A receiver recomputes it over the raw body it got
 * and compares in constant time.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Campaign-Signature";
  public static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  public static String sign(Secret secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret.bytes(), body));
  }

  /** Whether the header value is the signature of the body under the secret. */
  public static boolean verify(Secret secret, byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return java.security.MessageDigest.isEqual(hmac(secret.bytes(), body), given);
  }

  private static byte[] hmac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
