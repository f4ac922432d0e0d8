package org.librarycampaign.ingest.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A tokens file: a properties file with the key {@code admin} for the admin token, {@code
 * branch.<branchId>} for a branch's token and {@code reviewer.<branchId>} for the token of a
 * branch's reviewer (the branch's rights, and reviews of its posts). A value is the token itself or
 * its hash ({@code sha256:<hex>}, see {@link TokenRegistry#hashed}); several values separated by
 * commas let a token be replaced without a gap. Any other key is an error (a typo must not leave a
 * branch locked out).
 *
 * <pre>
 * admin=sha256:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
 * branch.eastside=Xv3...token...
 * branch.westside=sha256:...,sha256:...
 * </pre>
 */
public final class TokensFile {

  public static final String ADMIN_KEY = "admin";
  public static final String BRANCH_PREFIX = "branch.";
  public static final String REVIEWER_PREFIX = "reviewer.";

  private TokensFile() {}

  /**
   * Reads the file into a registry.
   *
   * @throws IllegalArgumentException naming the key (never the value) of a bad entry
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TokenRegistry read(Path file) {
    return parse(load(file), file.toString());
  }

  static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ingest tokens file " + file, e);
    }
    return properties;
  }

  static TokenRegistry parse(Properties properties, String source) {
    TokenRegistry.Builder builder = TokenRegistry.builder();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String where = source + " key " + key;
      Caller caller = callerOf(key, where);
      for (String value : properties.getProperty(key).split(",")) {
        builder.add(caller, value, where);
      }
    }
    return builder.build();
  }

  private static Caller callerOf(String key, String where) {
    if (key.equals(ADMIN_KEY)) {
      return Caller.ADMIN;
    }
    if (key.startsWith(BRANCH_PREFIX)) {
      String branch = key.substring(BRANCH_PREFIX.length());
      if (!isBranchId(branch)) {
        throw new IllegalArgumentException(
            where + ": a branch id must be 1 to 128 characters without spaces, '/' or '*'");
      }
      return Caller.branch(branch);
    }
    if (key.startsWith(REVIEWER_PREFIX)) {
      String branch = key.substring(REVIEWER_PREFIX.length());
      if (!isBranchId(branch)) {
        throw new IllegalArgumentException(
            where + ": a branch id must be 1 to 128 characters without spaces, '/' or '*'");
      }
      return Caller.reviewer(branch);
    }
    throw new IllegalArgumentException(
        where + ": expected 'admin', 'branch.<branchId>' or 'reviewer.<branchId>' as the key");
  }

  static boolean isBranchId(String id) {
    return !id.isEmpty()
        && id.codePointCount(0, id.length()) <= 128
        && id.codePoints()
            .noneMatch(
                c ->
                    c == '/'
                        || c == '*'
                        || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.isISOControl(c));
  }
}
