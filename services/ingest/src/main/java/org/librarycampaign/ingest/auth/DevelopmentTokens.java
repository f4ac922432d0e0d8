package org.librarycampaign.ingest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Tokens for a machine without configured ones ({@code campaign up}): an admin token and one per
 * named branch, made once and kept in a tokens file under the data directory, so they survive a
 * restart. A branch named later gets its token on the next start; tokens already there are kept.
 * The file holds the tokens themselves (a developer has to read them), readable by its owner only.
 */
public final class DevelopmentTokens {

  private static final int TOKEN_BYTES = 32;

  private DevelopmentTokens() {}

  /**
   * Reads the file, first adding what is missing (creating it when there is none).
   *
   * @param branches the branches that must have a token
   * @return the tokens of the file
   */
  public static TokenRegistry loadOrCreate(Path file, List<String> branches, SecureRandom random) {
    Properties existing = Files.exists(file) ? TokensFile.load(file) : new Properties();
    Map<String, String> entries = new TreeMap<>();
    existing.stringPropertyNames().forEach(k -> entries.put(k, existing.getProperty(k)));
    boolean changed = false;
    if (!entries.containsKey(TokensFile.ADMIN_KEY)) {
      entries.put(TokensFile.ADMIN_KEY, newToken(random));
      changed = true;
    }
    for (String branch : branches) {
      if (!TokensFile.isBranchId(branch)) {
        throw new IllegalArgumentException(
            "campaign.ingest.dev-branches: '"
                + branch
                + "' is not a branch id (1 to 128 characters without spaces, '/' or '*')");
      }
      if (!entries.containsKey(TokensFile.BRANCH_PREFIX + branch)) {
        entries.put(TokensFile.BRANCH_PREFIX + branch, newToken(random));
        changed = true;
      }
    }
    if (changed) {
      write(file, entries);
    }
    return TokensFile.read(file);
  }

  static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** As {@link Properties#load(java.io.Reader)} reads it back. */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == ':' || c == '=' || c == '#' || c == '!' || c == ' ') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static void write(Path file, Map<String, String> entries) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".ingest-tokens", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write("# Development tokens of the ingest API, made by campaign up.\n");
        writer.write(
            "# Send one as 'Authorization: Bearer <token>'. admin: every branch, channel\n");
        writer.write("# policies and response plans; branch.<id>: that branch only.\n");
        writer.write("# Add a branch with campaign.ingest.dev-branches and restart.\n");
        for (Map.Entry<String, String> entry : entries.entrySet()) {
          writer.write(escape(entry.getKey()) + "=" + escape(entry.getValue()) + "\n");
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the development tokens to " + file, e);
    }
  }
}
