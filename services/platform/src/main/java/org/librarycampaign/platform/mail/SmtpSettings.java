package org.librarycampaign.platform.mail;

import java.util.Locale;
import java.util.Optional;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.config.Secret;

/**
 * An SMTP server to send through. {@code security}: STARTTLS (upgrade on the submission port 587,
 * and refuse to go on without it), TLS (implicit TLS, port 465) or NONE (a local relay, port 25).
 * {@code trustedHosts}: hosts whose certificate is trusted without checking (a relay with a
 * self-signed certificate); empty means the JVM's trust store and a host-name check.
 *
 * <p>Read from a service's keys under a prefix ({@code campaign.dispatcher.smtp.host}, ...; see
 * {@link #from}).
 */
public record SmtpSettings(
    String host,
    int port,
    Security security,
    Optional<String> username,
    Optional<Secret> password,
    String from,
    String messageIdDomain,
    Optional<String> trustedHosts) {

  /** How the connection is protected. */
  public enum Security {
    NONE(25),
    STARTTLS(587),
    TLS(465);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public static Security parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "SMTP security must be none, starttls or tls, got " + text, e);
      }
    }
  }

  public SmtpSettings {
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("SMTP username and password go together");
    }
  }

  /** The From address when none is configured. */
  public static final String DEFAULT_FROM = "Library campaign <campaign@localhost>";

  /**
   * The server under {@code prefix} ({@code <prefix>smtp.host}, {@code .port}, {@code .security},
   * {@code .username}, {@code .password}, {@code .from}, {@code .message-id-domain}, {@code
   * .trust}); empty when {@code <prefix>smtp.host} is not set.
   */
  public static Optional<SmtpSettings> from(CampaignConfig config, String prefix) {
    String keys = prefix + "smtp.";
    return config
        .get(keys + "host")
        .map(
            host -> {
              Security security = Security.parse(config.get(keys + "security", "starttls"));
              String from = config.get(keys + "from", DEFAULT_FROM);
              return new SmtpSettings(
                  host,
                  config.intValue(keys + "port", security.defaultPort()),
                  security,
                  config.get(keys + "username"),
                  config.get(keys + "password").map(Secret::new),
                  from,
                  config.get(keys + "message-id-domain").orElseGet(() -> domainOf(from)),
                  config.get(keys + "trust"));
            });
  }

  /** The domain of an address such as {@code Name <user@example.org>}; localhost if none. */
  public static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "localhost";
    }
    String domain = address.substring(at + 1).replace(">", "").trim();
    return domain.isEmpty() ? "localhost" : domain;
  }
}
