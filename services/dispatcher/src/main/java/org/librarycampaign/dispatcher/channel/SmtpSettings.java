package org.librarycampaign.dispatcher.channel;

import java.util.Locale;
import java.util.Optional;

/**
 * An SMTP server to send through. {@code security}: STARTTLS (upgrade on the submission port 587,
 * and refuse to go on without it), TLS (implicit TLS, port 465) or NONE (a local relay, port 25).
 * {@code trustedHosts}: hosts whose certificate is trusted without checking (a relay with a
 * self-signed certificate); empty means the JVM's trust store and a host-name check.
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
}
