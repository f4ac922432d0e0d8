package org.librarycampaign.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokens the API accepts, kept only as SHA-256 hashes. A presented token is hashed and compared
 * with every known hash in constant time, so neither a token nor the position of a match can be
 * timed out of the server.
 */
public final class TokenRegistry {

  /** A configured value in this form is a hash, not the token itself. */
  public static final String HASH_PREFIX = "sha256:";

  /** Tokens shorter than this are refused at start: a guessable token is no protection. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private static final HexFormat HEX = HexFormat.of();

  private record Entry(byte[] hash, Caller caller) {}

  private final List<Entry> entries;

  private TokenRegistry(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The caller a token stands for; empty for an unknown token. */
  public Optional<Caller> authenticate(String token) {
    if (token == null) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    Caller found = null;
    for (Entry entry : entries) {
      // no early exit: the time taken does not depend on which entry matches
      if (MessageDigest.isEqual(entry.hash(), presented)) {
        found = entry.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many tokens are known. */
  public int size() {
    return entries.size();
  }

  /** The branches that have at least one token, in the order they were added. */
  public List<String> branches() {
    return entries.stream()
        .map(Entry::caller)
        .filter(Caller.Branch.class::isInstance)
        .map(c -> ((Caller.Branch) c).branchId())
        .distinct()
        .toList();
  }

  /** The form to put in a tokens file instead of the token: {@code sha256:<hex>}. */
  public static String hashed(String token) {
    return HASH_PREFIX + HEX.formatHex(sha256(token));
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Collects tokens; a token given twice, for two callers, is refused. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a token, or the hash of one ({@code sha256:<64 hex digits>}).
     *
     * @param where names the setting in error messages (never the value)
     * @throws IllegalArgumentException when the value is neither a long enough token nor a hash, or
     *     when the same token is already known
     */
    public Builder add(Caller caller, String tokenOrHash, String where) {
      String value = tokenOrHash == null ? "" : tokenOrHash.trim();
      byte[] hash;
      if (value.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
        String hex = value.substring(HASH_PREFIX.length());
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          throw new IllegalArgumentException(
              where + ": a hashed token is sha256: followed by 64 hex digits");
        }
        hash = HEX.parseHex(hex.toLowerCase(Locale.ROOT));
      } else {
        if (value.length() < MIN_TOKEN_LENGTH
            || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x21 || c > 0x7e)) {
          throw new IllegalArgumentException(
              where
                  + ": a token must be at least "
                  + MIN_TOKEN_LENGTH
                  + " printable ASCII characters without spaces");
        }
        hash = sha256(value);
      }
      for (Entry entry : entries) {
        if (MessageDigest.isEqual(entry.hash(), hash)) {
          throw new IllegalArgumentException(
              where + ": the same token is also given for " + entry.caller().describe());
        }
      }
      entries.add(new Entry(hash, caller));
      return this;
    }

    public TokenRegistry build() {
      return new TokenRegistry(entries);
    }
  }
}
