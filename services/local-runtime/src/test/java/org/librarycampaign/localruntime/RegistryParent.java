package org.librarycampaign.localruntime;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for {@code campaign up} in {@link RegistryChildWatchdogIT}: a JVM that starts the
 * registry child, prints {@code registry-child <pid> <port>} and runs until it is killed.
 *
 * <p>Arguments: the registry runner jar, the registry's storage directory.
 */
public final class RegistryParent {

  static final String LINE_PREFIX = "registry-child ";

  private RegistryParent() {}

  public static void main(String[] args) throws InterruptedException {
    RegistryProcess registry = RegistryProcess.start(Path.of(args[0]), 0, Path.of(args[1]));
    System.out.println(LINE_PREFIX + registry.pid() + " " + registry.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
