package org.librarycampaign.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The checks of a request body before it is read as JSON: its media type, its size and how long it
 * takes to arrive.
 */
final class RequestBodies {

  static final String JSON = "application/json";

  private static final int CHUNK_BYTES = 8192;

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
   * Reads at most {@code maxBytes}, as long as the body keeps arriving before the deadline.
   *
   * @param deadline {@link System#nanoTime()} by which the body must have arrived whole
   * @return the body, or null when it is longer than {@code maxBytes}
   * @throws BodyTooSlowException when the deadline passes first
   */
  static byte[] readAtMost(InputStream body, int maxBytes, long deadline, LongSupplier nanoTime)
      throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[CHUNK_BYTES];
    int n;
    while ((n = body.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - read.size()))) > 0) {
      read.write(buffer, 0, n);
      if (read.size() > maxBytes) {
        return null;
      }
      if (nanoTime.getAsLong() - deadline > 0) {
        throw new BodyTooSlowException();
      }
    }
    return read.toByteArray();
  }

  /** A body that did not arrive whole in time: a stalled or trickling client. */
  static final class BodyTooSlowException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooSlowException() {
      super("the body did not arrive in time");
    }
  }
}
