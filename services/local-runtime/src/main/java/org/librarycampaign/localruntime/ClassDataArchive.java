package org.librarycampaign.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data sharing archive (AppCDS) of the registry child's classes, kept beside its data: the
 * registry is a large Quarkus application, and loading and verifying its classes is most of its
 * start. The first child started with a given runner jar and JVM writes the archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}); every later child maps it ({@code -XX:SharedArchiveFile}).
 *
 * <p>The archive is written to {@code <name>.jsa.new} and becomes {@code <name>.jsa} only once the
 * child has stopped gracefully (its JVM writes the archive last, while exiting), so a child killed
 * while writing leaves nothing that a later start would use. The name is made from the jar's path,
 * size and modification time and the JVM's version: a rebuilt jar or another JVM gets an archive of
 * its own, and older archives are deleted. An archive the JVM cannot use (it checks the jar and its
 * own version again) is ignored by the JVM, which then loads the classes as it would without one.
 *
 * <p>Off unless {@code -Dcampaign.registry.class-data=true}, and always on JVMs other than HotSpot
 * (OpenJDK). It is not on by default because the child writes the archive as it exits, whatever
 * ends it: a child whose parent died (its watchdog stops it) then exits only once the archive is
 * written, which took most of a minute on a loaded machine (it frees its port and database first).
 */
final class ClassDataArchive {

  private static final Logger LOGGER = LoggerFactory.getLogger(ClassDataArchive.class);

  /** System property that turns the archive on when set to {@code true}. */
  static final String ENABLED_PROPERTY = "campaign.registry.class-data";

  static final String DIRECTORY = "class-data";
  private static final String SUFFIX = ".jsa";
  private static final String PENDING_SUFFIX = ".jsa.new";

  private final Path archive;
  private final Path pending;
  private final boolean enabled;
  private final boolean writing;

  private ClassDataArchive(Path archive, boolean enabled) {
    this.archive = archive;
    this.pending = archive.resolveSibling(archive.getFileName() + ".new");
    this.enabled = enabled;
    this.writing = enabled && !Files.isRegularFile(archive);
  }

  /**
   * The archive of {@code jar} run by this JVM, under {@code storageDir/class-data}; off unless the
   * system property {@value #ENABLED_PROPERTY} is {@code true}, and when this JVM is not HotSpot.
   */
  static ClassDataArchive forJar(Path storageDir, Path jar) {
    boolean enabled =
        "true".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "false"))
            && hotSpot(System.getProperty("java.vm.name", ""))
            && Runtime.version().feature() >= 13;
    return forJar(storageDir, jar, System.getProperty("java.vm.version", "?"), enabled);
  }

  static ClassDataArchive forJar(Path storageDir, Path jar, String jvmVersion, boolean enabled) {
    String key;
    try {
      key =
          jar.toAbsolutePath().normalize()
              + "|"
              + Files.size(jar)
              + "|"
              + Files.getLastModifiedTime(jar).toMillis()
              + "|"
              + jvmVersion;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + jar, e);
    }
    Path archive = storageDir.resolve(DIRECTORY).resolve("registry-" + hash(key) + SUFFIX);
    return new ClassDataArchive(archive, enabled);
  }

  /**
   * Whether a JVM of this name takes HotSpot's class-data options: OpenJDK's builds call theirs
   * "OpenJDK 64-Bit Server VM", Oracle's "Java HotSpot(TM) ..."; OpenJ9 has options of its own.
   */
  static boolean hotSpot(String vmName) {
    return vmName.contains("HotSpot") || vmName.contains("OpenJDK");
  }

  /** What this start does with the archive: {@code writing}, {@code mapped} or {@code off}. */
  String state() {
    return !enabled ? "off" : writing ? "writing" : "mapped";
  }

  /** The child's JVM options: map the archive, or write it at exit; none when off. */
  List<String> jvmOptions() {
    if (!enabled) {
      return List.of();
    }
    // The child runs the ParentWatchdog agent, which the JVM refuses while it archives unless
    // allowed: the agent transforms no class, so what is archived is what the child loads. The
    // JVM's notes about the classes it cannot archive would fill the registry's log.
    if (!writing) {
      return List.of(
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:+AllowArchivingWithJavaAgent",
          "-XX:SharedArchiveFile=" + archive,
          "-Xlog:cds=off");
    }
    try {
      Files.createDirectories(archive.getParent());
      Files.deleteIfExists(pending);
    } catch (IOException e) {
      LOGGER.atWarn().addKeyValue("archive", archive).setCause(e).log("No class-data archive");
      return List.of();
    }
    return List.of(
        "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+AllowArchivingWithJavaAgent",
        "-XX:ArchiveClassesAtExit=" + pending,
        "-Xlog:cds=off");
  }

  /** Whether this start writes the archive (there was none yet). */
  boolean writing() {
    return writing;
  }

  /** The archive a child maps once it has been written. */
  Path archive() {
    return archive;
  }

  /**
   * After the child has exited: keeps the archive it wrote if it stopped gracefully, else drops
   * what it may have half written.
   */
  void childExited(boolean graceful) {
    if (!writing) {
      return;
    }
    try {
      if (graceful && Files.isRegularFile(pending) && Files.size(pending) > 0) {
        Files.move(
            pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteOthers();
        LOGGER
            .atInfo()
            .addKeyValue("archive", archive)
            .addKeyValue("bytes", Files.size(archive))
            .log("Schema registry class-data archive written; later starts map it");
      } else {
        Files.deleteIfExists(pending);
      }
    } catch (IOException e) {
      LOGGER.atWarn().addKeyValue("archive", archive).setCause(e).log("Class-data archive dropped");
    }
  }

  private void deleteOthers() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!file.equals(archive) && (name.endsWith(SUFFIX) || name.endsWith(PENDING_SUFFIX))) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
