package org.librarycampaign.localruntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.librarycampaign.localruntime.agent.ParentWatchdog;

/**
 * The agent jar of {@link ParentWatchdog}, written next to a child's data so that the child can be
 * started with {@code -javaagent:<jar>=<this pid>} and stops when this JVM is gone, kill -9
 * included. It holds that one class and a manifest; it is written again on every start, so it
 * always matches the running code.
 */
final class ParentWatchdogJar {

  static final String FILE_NAME = "campaign-parent-watchdog.jar";

  private ParentWatchdogJar() {}

  /** Writes the agent jar into {@code dir} and returns the JVM option that loads it. */
  static String agentOption(Path dir) {
    return "-javaagent:" + write(dir) + "=" + ProcessHandle.current().pid();
  }

  static Path write(Path dir) {
    String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
    Path jar = dir.resolve(FILE_NAME);
    try (InputStream classFile = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
      if (classFile == null) {
        throw new IllegalStateException("class file " + entry + " not found on the class path");
      }
      byte[] bytes = classFile.readAllBytes();
      Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp);
          JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
        jarOut.putNextEntry(new JarEntry(entry));
        jarOut.write(bytes);
        jarOut.closeEntry();
      }
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the watchdog agent " + jar, e);
    }
    return jar;
  }
}
