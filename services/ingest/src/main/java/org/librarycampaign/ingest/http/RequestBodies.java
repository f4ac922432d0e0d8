package org.librarycampaign.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The checks of a request body before it is read as JSON: its media type and its size. */
final class RequestBodies {

  static final String JSON = "application/json";

  private RequestBodies() {}

  /**
   * Whether a {@code Content-Type} is JSON: {@code application/json}, in any case, with no charset
   * or UTF-8.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].trim().equalsIgnoreCase("charset")) {
        String charset =
            parameter.length < 2
                ? ""
                : parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Reads at most {@code maxBytes}.
   *
   * @return the body, or null when it is longer than {@code maxBytes}
   */
  static byte[] readAtMost(InputStream body, int maxBytes) throws IOException {
    byte[] read = body.readNBytes(maxBytes + 1);
    return read.length > maxBytes ? null : read;
  }
}
