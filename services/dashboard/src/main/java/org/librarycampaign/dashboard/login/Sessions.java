package org.librarycampaign.dashboard.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in viewers: a random session id (the cookie's value) per login, valid for a fixed time.
 * Kept in memory: a restart logs everyone out, which a dashboard can afford.
 */
public final class Sessions {

  private record Session(String user, Instant expiresAt, String csrfToken) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Sessions(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A new session for the user; its id. */
  public String open(String user) {
    Instant now = clock.instant();
    sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
    String id = randomToken();
    sessions.put(id, new Session(user, now.plus(lifetime), randomToken()));
    return id;
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The session's token against cross-site request forgery: a form that changes something carries
   * it, and {@link #csrfMatches} checks it. Another site can make a browser send the cookie (were
   * it not SameSite), but cannot read this token.
   */
  public Optional<String> csrfToken(String id) {
    return user(id).map(user -> sessions.get(id)).map(Session::csrfToken);
  }

  /** Whether {@code token} is the session's CSRF token (compared in constant time). */
  public boolean csrfMatches(String id, String token) {
    if (token == null) {
      return false;
    }
    return csrfToken(id)
        .map(
            expected ->
                MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8)))
        .orElse(false);
  }

  /** The user of a session that is still valid. */
  public Optional<String> user(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!session.expiresAt().isAfter(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session.user());
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }
}
