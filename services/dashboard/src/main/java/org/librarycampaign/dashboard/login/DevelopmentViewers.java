package org.librarycampaign.dashboard.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A viewer for a machine without a configured viewers file ({@code campaign up}): the user {@value
 * #USER} with a random password, made once and kept in a viewers file under the data directory
 * (readable by its owner only; it holds the password itself, which the developer has to read).
 */
public final class DevelopmentViewers {

  public static final String USER = "viewer";

  /**
   * The development reviewer: a second user, who may review every branch's posts ({@code
   * reviewer.director=*}); {@code campaign up --demo} approves a held post as this user.
   */
  public static final String REVIEWER = "director";

  private DevelopmentViewers() {}

  public static Viewers loadOrCreate(Path file, SecureRandom random) {
    if (!Files.exists(file)) {
      write(file, password(random), password(random));
    } else if (!Viewers.load(file).containsKey(REVIEWER)) {
      // a file made before there were reviewers: add the reviewer, keep the viewer's password
      String viewer = Viewers.load(file).getProperty(USER);
      if (viewer != null) {
        write(file, viewer.trim(), password(random));
      }
    }
    return Viewers.read(file);
  }

  private static String password(SecureRandom random) {
    byte[] password = new byte[18];
    random.nextBytes(password);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(password);
  }

  private static void write(Path file, String password, String reviewerPassword) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".dashboard-viewers", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write("# The development login of the dashboard, made by campaign up.\n");
        writer.write("# Log in at http://localhost:8080/login as the user below.\n");
        writer.write(USER + "=" + password + "\n");
        writer.write("# A reviewer: may approve and reject held posts of every branch.\n");
        writer.write(REVIEWER + "=" + reviewerPassword + "\n");
        writer.write(Reviewers.PREFIX + REVIEWER + "=" + Reviewers.ALL + "\n");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the development viewer to " + file, e);
    }
  }
}
