package org.librarycampaign.platform.ops;

import java.time.Duration;
import java.util.OptionalInt;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Where and how the process's HTTP server listens.
 *
 * @param bindAddress {@code campaign.http.bind-address}: the address both listeners bind (default
 *     {@code 0.0.0.0}, every interface; {@code campaign up} binds {@code 127.0.0.1})
 * @param port {@code campaign.http.port}: the main listener (0: any free port)
 * @param opsPort {@code campaign.http.ops-port}: a second listener with threads of its own that
 *     serves only {@code /live}, {@code /ready} and {@code /metrics}, so that they answer whatever
 *     the load on the main one (default: the main port + 10; 0: any free port; {@code none}: no
 *     second listener)
 * @param readTimeout {@code campaign.http.read-timeout}: how long a connection may send nothing
 *     before it is closed (default 10s); a request body must also arrive at {@link
 *     #MIN_UPLOAD_BYTES_PER_SECOND} or faster, so that a trickled upload cannot hold a thread
 */
public record HttpOptions(String bindAddress, int port, OptionalInt opsPort, Duration readTimeout) {

  /** The ops listener's port is the main one plus this, unless configured. */
  public static final int OPS_PORT_OFFSET = 10;

  /** Slower request bodies are cut off: a legitimate client uploads far faster. */
  public static final long MIN_UPLOAD_BYTES_PER_SECOND = 1024;

  static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  public HttpOptions {
    if (readTimeout.toMillis() < 100) {
      throw new IllegalArgumentException(
          CampaignConfig.HTTP_READ_TIMEOUT + " must be at least 100ms");
    }
  }

  /** Every interface, no ops listener, the default read timeout: for tests and embedding. */
  public static HttpOptions onPort(int port) {
    return new HttpOptions(DEFAULT_BIND_ADDRESS, port, OptionalInt.empty(), DEFAULT_READ_TIMEOUT);
  }

  public static HttpOptions from(CampaignConfig config) {
    int port = config.httpPort();
    OptionalInt opsPort;
    String configured = config.get(CampaignConfig.HTTP_OPS_PORT, "default").trim();
    if (configured.equalsIgnoreCase("none")) {
      opsPort = OptionalInt.empty();
    } else if (configured.equals("default")) {
      opsPort = OptionalInt.of(port == 0 ? 0 : port + OPS_PORT_OFFSET);
    } else {
      opsPort = OptionalInt.of(config.intValue(CampaignConfig.HTTP_OPS_PORT));
    }
    return new HttpOptions(
        config.get(CampaignConfig.HTTP_BIND_ADDRESS, DEFAULT_BIND_ADDRESS).trim(),
        port,
        opsPort,
        config.duration(CampaignConfig.HTTP_READ_TIMEOUT, DEFAULT_READ_TIMEOUT));
  }
}
