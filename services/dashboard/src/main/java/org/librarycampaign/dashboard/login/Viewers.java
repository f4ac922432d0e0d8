package org.librarycampaign.dashboard.login;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who may see the dashboard: a viewers file, a properties file of {@code <user name>=<password
 * hash>}. A hash is {@code pbkdf2-sha256:<iterations>:<salt hex>:<hash hex>} (PBKDF2 with
 * HMAC-SHA256, a 32-byte key; make one with {@code openssl kdf}, see the dashboard README). A value
 * that is not a hash is the password itself, as in the development file {@code campaign up} makes;
 * it is salted and hashed when read. Passwords are compared in constant time, and an unknown user
 * costs as much as a wrong password, so neither can be timed out of the server.
 *
 * <p>A line {@code reviewer.<user>=*} or {@code reviewer.<user>=eastside,westside} makes a viewer a
 * reviewer of every branch or of those branches ({@link Reviewers}); {@code reviewer.} is therefore
 * not the start of a user name.
 */
public final class Viewers {

  public static final String HASH_PREFIX = "pbkdf2-sha256:";

  /** Plain passwords shorter than this are refused at start. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  static final int NEW_HASH_ITERATIONS = 210_000;
  private static final int MIN_ITERATIONS = 10_000;
  private static final int KEY_BITS = 256;
  private static final HexFormat HEX = HexFormat.of();

  private record Hash(int iterations, byte[] salt, byte[] key) {
    boolean matches(char[] password) {
      return MessageDigest.isEqual(key, pbkdf2(password, salt, iterations));
    }
  }

  private final Map<String, Hash> hashes;
  private final Reviewers reviewers;
  private final Hash decoy;

  private Viewers(Map<String, Hash> hashes, Reviewers reviewers, SecureRandom random) {
    this.hashes = Map.copyOf(hashes);
    this.reviewers = reviewers;
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    this.decoy = new Hash(NEW_HASH_ITERATIONS, salt, new byte[KEY_BITS / 8]);
  }

  /**
   * Reads a viewers file.
   *
   * @throws IllegalArgumentException naming the user (never the value) of a bad entry
   */
  public static Viewers read(Path file) {
    return parse(load(file), file.toString(), new SecureRandom());
  }

  static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard viewers file " + file, e);
    }
    return properties;
  }

  static Viewers parse(Properties properties, String source, SecureRandom random) {
    Map<String, Hash> hashes = new TreeMap<>();
    for (String user : properties.stringPropertyNames()) {
      if (user.startsWith(Reviewers.PREFIX)) {
        continue;
      }
      String where = source + " user " + user;
      if (user.isBlank() || user.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException(where + ": a user name is printable ASCII, no spaces");
      }
      hashes.put(user, hashOf(properties.getProperty(user).trim(), where, random));
    }
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException(source + ": no viewers; add a line user=hash");
    }
    return new Viewers(hashes, Reviewers.parse(properties, hashes.keySet(), source), random);
  }

  private static Hash hashOf(String value, String where, SecureRandom random) {
    if (!value.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
      if (value.length() < MIN_PASSWORD_LENGTH) {
        throw new IllegalArgumentException(
            where
                + ": a password must be at least "
                + MIN_PASSWORD_LENGTH
                + " characters, or a "
                + HASH_PREFIX
                + " hash");
      }
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      // only held in memory: the iteration count guards nothing here, so keep logins quick
      return new Hash(MIN_ITERATIONS, salt, pbkdf2(value.toCharArray(), salt, MIN_ITERATIONS));
    }
    String[] parts = value.substring(HASH_PREFIX.length()).split(":");
    try {
      int iterations = Integer.parseInt(parts[0]);
      byte[] salt = HEX.parseHex(parts[1].toLowerCase(Locale.ROOT));
      byte[] key = HEX.parseHex(parts[2].toLowerCase(Locale.ROOT));
      if (parts.length != 3
          || iterations < MIN_ITERATIONS
          || salt.length < 8
          || key.length != KEY_BITS / 8) {
        throw new IllegalArgumentException("bad hash");
      }
      return new Hash(iterations, salt, key);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          where
              + ": a hash is "
              + HASH_PREFIX
              + "<iterations, at least "
              + MIN_ITERATIONS
              + ">:<salt hex, 8 bytes or more>:<32-byte key hex>",
          e);
    }
  }

  /** The user, when the password is theirs. */
  public Optional<String> authenticate(String user, String password) {
    if (user == null || password == null) {
      return Optional.empty();
    }
    Hash hash = hashes.get(user);
    boolean matches = (hash == null ? decoy : hash).matches(password.toCharArray());
    return hash != null && matches ? Optional.of(user) : Optional.empty();
  }

  /** Who of the viewers may review which branches' posts ({@code reviewer.<user>} lines). */
  public Reviewers reviewers() {
    return reviewers;
  }

  /** The form to put in a viewers file instead of the password. */
  public static String hashed(String password, SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] key = pbkdf2(password.toCharArray(), salt, NEW_HASH_ITERATIONS);
    return HASH_PREFIX + NEW_HASH_ITERATIONS + ":" + HEX.formatHex(salt) + ":" + HEX.formatHex(key);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, KEY_BITS))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
    }
  }
}
