package org.librarycampaign.ingest.respond;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} header of an SMS gateway's inbound request: the base64 HMAC-SHA1,
 * under the account's auth token, of the full URL the gateway called followed by every form
 * parameter's name and value, the names in sorted order (a name given twice: its values sorted).
 */
public final class TwilioSignature {

  public static final String HEADER = "X-Twilio-Signature";
  private static final String ALGORITHM = "HmacSHA1";

  private TwilioSignature() {}

  /** The signature of a request to {@code url} with these form parameters. */
  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params)
        .forEach(
            (name, values) -> {
              List<String> sorted = new ArrayList<>(values);
              sorted.sort(null);
              sorted.forEach(value -> data.append(name).append(value));
            });
    return Base64.getEncoder().encodeToString(hmac(authToken, data.toString()));
  }

  /** Whether {@code header} is the signature of the request, compared in constant time. */
  public static boolean verify(
      String authToken, String url, Map<String, List<String>> params, String header) {
    if (header == null || header.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(authToken, url, params).getBytes(StandardCharsets.US_ASCII),
        header.strip().getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }
}
