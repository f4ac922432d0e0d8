package org.librarycampaign.localruntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry child of {@code campaign up}, kept running: when the child dies, it is
 * started again on the same port and storage directory (so schema ids and the URL the services hold
 * stay valid), after a pause that doubles with every child that dies soon after its start. {@link
 * #status()} says whether a child is there to answer.
 */
public final class SupervisedRegistry implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(SupervisedRegistry.class);

  /** Where the registry is. */
  public enum Status {
    /** A child answers. */
    RUNNING,
    /** The child died; another is being started. */
    RESTARTING,
    /** {@link #close()} was called. */
    STOPPED
  }

  private final Path runnerJar;
  private final Path storageDir;
  private final int port;
  private final RestartBackoff backoff;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread supervisor;
  private RegistryProcess current;
  private Status status = Status.RUNNING;
  private int restarts;

  private SupervisedRegistry(RegistryProcess first, Path runnerJar, RestartBackoff backoff) {
    this.runnerJar = runnerJar;
    this.storageDir = first.storageDir();
    this.port = first.port();
    this.backoff = backoff;
    this.current = first;
    this.supervisor = new Thread(this::supervise, "registry-supervisor");
    this.supervisor.setDaemon(true);
  }

  /**
   * Starts the registry as {@link RegistryProcess#start} does (port 0: a free port, kept for every
   * later start) and supervises it, restarting with {@link RestartBackoff#DEFAULT}.
   */
  public static SupervisedRegistry start(Path runnerJar, int port, Path storageDir) {
    return start(runnerJar, port, storageDir, RestartBackoff.DEFAULT);
  }

  static SupervisedRegistry start(
      Path runnerJar, int port, Path storageDir, RestartBackoff backoff) {
    SupervisedRegistry registry =
        new SupervisedRegistry(
            RegistryProcess.start(runnerJar, port, storageDir), runnerJar, backoff);
    registry.supervisor.start();
    return registry;
  }

  /** The port, the same for every child. */
  public int port() {
    return port;
  }

  /** The Confluent API URL, the same for every child. */
  public String confluentApiUrl() {
    return "http://localhost:" + port + "/apis/ccompat/v7";
  }

  /**
   * {@link Status#RUNNING} only while a child is alive and was ready; a child that has just died
   * counts as {@link Status#RESTARTING} even before the supervisor has noticed.
   */
  public synchronized Status status() {
    if (status == Status.RUNNING && !current.isAlive()) {
      return Status.RESTARTING;
    }
    return status;
  }

  /** How many times a dead child has been replaced. */
  public synchronized int restarts() {
    return restarts;
  }

  /** The process id of the current child. */
  public synchronized long pid() {
    return current.pid();
  }

  /** Stops supervising and stops the child. Idempotent. */
  @Override
  public void close() {
    RegistryProcess child;
    synchronized (this) {
      if (status == Status.STOPPED) {
        return;
      }
      status = Status.STOPPED;
      child = current;
    }
    closing.countDown();
    child.close();
    try {
      supervisor.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SupervisedRegistry[url=" + confluentApiUrl() + ", status=" + status() + "]";
  }

  private void supervise() {
    int quickDeaths = 0;
    while (true) {
      RegistryProcess child;
      synchronized (this) {
        child = current;
      }
      long startedNanos = System.nanoTime();
      int exitCode;
      try {
        exitCode = child.awaitExit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (this) {
        if (status == Status.STOPPED) {
          return;
        }
        status = Status.RESTARTING;
      }
      Duration lived = Duration.ofNanos(System.nanoTime() - startedNanos);
      quickDeaths = backoff.diedQuickly(lived) ? quickDeaths + 1 : 0;
      LOGGER
          .atWarn()
          .addKeyValue("pid", child.pid())
          .addKeyValue("exitCode", exitCode)
          .addKeyValue("port", port)
          .addKeyValue("log", child.logFile())
          .log("Schema registry died; starting it again");
      RegistryProcess replacement = startAgain(quickDeaths);
      if (replacement == null) {
        return;
      }
      synchronized (this) {
        if (status == Status.STOPPED) {
          replacement.close();
          return;
        }
        current = replacement;
        status = Status.RUNNING;
        restarts++;
      }
      LOGGER
          .atInfo()
          .addKeyValue("pid", replacement.pid())
          .addKeyValue("port", port)
          .addKeyValue("restarts", restarts())
          .log("Schema registry running again");
    }
  }

  /**
   * Starts a child, pausing before each attempt; null once {@link #close()} was called or the JVM
   * is shutting down (Ctrl-C reaches the child too, and the stack closes the supervisor only after
   * its services).
   */
  private RegistryProcess startAgain(int quickDeaths) {
    for (int attempt = quickDeaths; ; attempt++) {
      Duration pause = backoff.pauseBefore(attempt);
      try {
        if (closing.await(pause.toMillis(), TimeUnit.MILLISECONDS) || jvmShuttingDown()) {
          return null;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      try {
        return RegistryProcess.start(runnerJar, port, storageDir);
      } catch (RuntimeException e) {
        LOGGER
            .atWarn()
            .addKeyValue("port", port)
            .addKeyValue("attempt", attempt + 1)
            .addKeyValue("problem", e.getMessage())
            .log("Schema registry did not start again; retrying");
      }
    }
  }

  /**
   * Pauses before starting a dead registry again: {@code initial} after a child that lived at least
   * {@code stableAfter}, doubled for every further start that ends sooner, at most {@code max}.
   */
  record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

    static final RestartBackoff DEFAULT =
        new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    boolean diedQuickly(Duration lived) {
      return lived.compareTo(stableAfter) < 0;
    }

    /**
     * The pause before start attempt {@code attempt}: 0 after a stable child died, one more for
     * each child since then that died quickly and for each start that failed.
     */
    Duration pauseBefore(int attempt) {
      Duration pause = initial.multipliedBy(1L << Math.min(attempt, 20));
      return pause.compareTo(max) > 0 ? max : pause;
    }
  }

  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {}, "shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
  }
}
