package org.librarycampaign.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry on this machine: Apicurio Registry, built by the {@code ops/registry}
 * module into one runnable jar, started as a child JVM. It serves the Confluent Schema Registry
 * REST API at {@link #confluentApiUrl()} and keeps its subjects, schemas and ids in an H2 database
 * under the storage directory, so a registry started again on the same directory hands out the same
 * ids.
 *
 * <p>Layout under the storage directory:
 *
 * <pre>
 *   registry.mv.db   the H2 database (subjects, versions, schema ids, compatibility settings)
 *   registry.log     stdout and stderr of the registry JVM, appended on every start
 * </pre>
 *
 * <p>The registry is ready when the child started here answers, not whatever listens on its port:
 * the port must be free before the start, and every answer of the child carries a header with a
 * token made for this start ({@value #INSTANCE_HEADER}), which readiness requires.
 *
 * <p>The child listens on the loopback interface only, runs with a clean environment (so that a
 * {@code KAFKA_BOOTSTRAP_SERVERS} or {@code REGISTRY_*} variable of the caller cannot switch on
 * Apicurio's event sink, authentication or anything else that talks to the network) and is
 * destroyed by a shutdown hook if this JVM exits without closing it. When this JVM dies without
 * running its hooks (kill -9), the child's {@link
 * org.librarycampaign.localruntime.agent.ParentWatchdog} agent sees its standard input end and
 * stops the child, so that it does not hold the port of the next start.
 */
public final class RegistryProcess implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryProcess.class);

  /** System property naming the runner jar; failsafe sets it for the integration tests. */
  public static final String JAR_PROPERTY = "campaign.registry.jar";

  /** Environment variable naming the runner jar. */
  public static final String JAR_ENV = "CAMPAIGN_REGISTRY_JAR";

  /** File name of the runner jar that {@code ops/registry} builds. */
  public static final String JAR_NAME = "campaign-registry-runner.jar";

  /** The command that builds the runner jar, for error messages. */
  public static final String BUILD_HINT = "./mvnw -pl ops/registry install";

  /** Response header by which the child started here tells itself apart from other processes. */
  static final String INSTANCE_HEADER = "X-Campaign-Registry-Instance";

  private static final String LOG_FILE = "registry.log";
  private static final String DATABASE_NAME = "registry";

  /** Generous: at a load average of 28 on two cores a child took 51 s before it listened. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final Duration GRACEFUL_STOP_WRITING_CLASS_DATA = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;
  private static final int PORT_ATTEMPTS = 3;

  /** JVM options of the child: a small heap, and a GC that needs little memory of its own. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

  /** Environment variables passed on to the child; everything else is left out. */
  private static final List<String> INHERITED_ENV =
      List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

  private final Process process;
  private final String instanceToken;
  private final int port;
  private final Path storageDir;
  private final Path logFile;
  private final ClassDataArchive classData;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RegistryProcess(
      Process process,
      String instanceToken,
      int port,
      Path storageDir,
      Path logFile,
      ClassDataArchive classData) {
    this.process = process;
    this.instanceToken = instanceToken;
    this.port = port;
    this.storageDir = storageDir;
    this.logFile = logFile;
    this.classData = classData;
  }

  /**
   * Starts {@code java -jar runnerJar} as a child process on the given port (0 = pick a free port),
   * H2 file storage under storageDir, and blocks until the Confluent API answers (timeout: 120 s,
   * then IllegalStateException with the last lines of the child's output).
   */
  public static RegistryProcess start(Path runnerJar, int port, Path storageDir) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
    }
    Path jar = runnerJar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "The schema registry runner jar " + jar + " does not exist; build it with " + BUILD_HINT);
    }
    Path dir = storageDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the registry storage directory " + dir, e);
    }
    // A port picked here may be taken by someone else before the child binds it: try another.
    int attempts = port == 0 ? PORT_ATTEMPTS : 1;
    for (int attempt = 1; ; attempt++) {
      int chosen = port == 0 ? ChildProcesses.freePorts(1)[0] : port;
      try {
        return launch(jar, chosen, dir);
      } catch (PortInUseException e) {
        if (attempt >= attempts) {
          throw new IllegalStateException(e.getMessage(), e);
        }
        LOGGER
            .atInfo()
            .addKeyValue("port", chosen)
            .addKeyValue("attempt", attempt)
            .log("Schema registry port was taken before the registry bound it; trying another");
      }
    }
  }

  /**
   * Locates the runner jar: system property campaign.registry.jar, else env CAMPAIGN_REGISTRY_JAR,
   * else ./ops/registry/target/campaign-registry-runner.jar and ../../ops/registry/target/...
   * relative to the working directory, else a {@code registry/campaign-registry-runner.jar} next to
   * the jar that holds this class; throws a clear IllegalStateException saying how to build it
   * ({@code ./mvnw -pl ops/registry install}) if none exists.
   *
   * <p>A property or variable that is set but names a missing file is an error in itself: it is
   * reported rather than silently replaced by some other jar.
   */
  public static Path locateRunnerJar() {
    Path explicit = explicitJar(JAR_PROPERTY, System.getProperty(JAR_PROPERTY), "system property");
    if (explicit != null) {
      return explicit;
    }
    explicit = explicitJar(JAR_ENV, System.getenv(JAR_ENV), "environment variable");
    if (explicit != null) {
      return explicit;
    }
    Set<Path> candidates = new LinkedHashSet<>();
    Path workingDir = Path.of("").toAbsolutePath();
    candidates.add(workingDir.resolve(Path.of("ops", "registry", "target", JAR_NAME)));
    candidates.add(workingDir.resolve(Path.of("..", "..", "ops", "registry", "target", JAR_NAME)));
    Path besideOwnJar = besideOwnJar();
    if (besideOwnJar != null) {
      candidates.add(besideOwnJar);
    }
    List<Path> looked = new ArrayList<>();
    for (Path candidate : candidates) {
      Path normalized = candidate.normalize();
      looked.add(normalized);
      if (Files.isRegularFile(normalized)) {
        return normalized;
      }
    }
    throw new IllegalStateException(
        "No schema registry runner jar ("
            + JAR_NAME
            + ") found. Build it from the project root with `"
            + BUILD_HINT
            + "`, or point the system property "
            + JAR_PROPERTY
            + " or the environment variable "
            + JAR_ENV
            + " at it. Looked in: "
            + looked);
  }

  /** The HTTP port the registry listens on (on the loopback interface). */
  public int port() {
    return port;
  }

  /**
   * The base URL of the Confluent Schema Registry API, {@code
   * http://localhost:<port>/apis/ccompat/v7}.
   */
  public String confluentApiUrl() {
    return confluentApiUrl(port);
  }

  /** The process id of the registry JVM. */
  public long pid() {
    return process.pid();
  }

  /** The storage directory (H2 database and {@code registry.log}). */
  public Path storageDir() {
    return storageDir;
  }

  /** The file that receives the registry's stdout and stderr. */
  public Path logFile() {
    return logFile;
  }

  /** Whether the registry JVM is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Blocks until the registry JVM has exited, however it ended, and returns its exit code. A
   * registry that died this way needs no {@link #close()}.
   */
  public int awaitExit() throws InterruptedException {
    int exitCode = process.waitFor();
    ChildProcesses.forget(process);
    classData.childExited(false);
    return exitCode;
  }

  /**
   * Stops the registry gracefully, waits up to 10 s (30 s while it writes its class-data archive),
   * then destroys it forcibly. Idempotent.
   */
  @Override
  public void close() {
    // a child that writes its class-data archive does so while it exits: give it time to
    close(classData.writing() ? GRACEFUL_STOP_WRITING_CLASS_DATA : GRACEFUL_STOP);
  }

  /**
   * Like {@link #close()}, waiting up to {@code grace} for the graceful stop (tests that must see
   * the class-data archive written whatever the machine's load).
   */
  void close(Duration grace) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long startedNanos = System.nanoTime();
    try {
      process.destroy();
      boolean graceful = waitFor(process, grace);
      if (!graceful) {
        LOGGER
            .atWarn()
            .addKeyValue("pid", process.pid())
            .addKeyValue("waitedMs", grace.toMillis())
            .log("Schema registry did not stop in time; destroying it forcibly");
        process.destroyForcibly();
        waitFor(process, GRACEFUL_STOP);
      }
      classData.childExited(graceful);
      LOGGER
          .atInfo()
          .addKeyValue("pid", process.pid())
          .addKeyValue("port", port)
          .addKeyValue("graceful", graceful)
          .addKeyValue("stopMs", millisSince(startedNanos))
          .log("Schema registry stopped");
    } finally {
      ChildProcesses.forget(process);
    }
  }

  /** Destroys the registry JVM at once (like {@code kill -9}) and waits for it to be gone. */
  public void kill() {
    closed.set(true);
    try {
      process.destroyForcibly();
      waitFor(process, GRACEFUL_STOP);
      classData.childExited(false);
      LOGGER
          .atInfo()
          .addKeyValue("pid", process.pid())
          .addKeyValue("port", port)
          .log("Schema registry killed");
    } finally {
      ChildProcesses.forget(process);
    }
  }

  @Override
  public String toString() {
    return "RegistryProcess[pid=" + process.pid() + ", url=" + confluentApiUrl() + "]";
  }

  // ---------------------------------------------------------------- launching

  private static RegistryProcess launch(Path jar, int port, Path dir) {
    if (StartupCheck.inUse(port)) {
      throw new PortInUseException(
          "The schema registry cannot listen on port " + port + ": another process uses it");
    }
    String instanceToken = UUID.randomUUID().toString();
    Path logFile = dir.resolve(LOG_FILE);
    long logOffset = sizeOf(logFile);
    List<String> command = new ArrayList<>();
    command.add(ChildProcesses.javaExecutable());
    command.addAll(JVM_OPTIONS);
    // the classes of the registry, loaded and verified once, mapped by every later start
    ClassDataArchive classData = ClassDataArchive.forJar(dir, jar);
    command.addAll(classData.jvmOptions());
    command.add("-Dquarkus.http.host=localhost");
    command.add("-Dquarkus.http.port=" + port);
    // Nothing that would reach beyond this machine, whatever the jar's defaults say.
    command.add("-Dregistry.enable.sentry=false");
    command.add("-Dregistry.auth.enabled=false");
    command.add("-Dquarkus.oidc.tenant-enabled=false");
    command.add("-Dregistry.enable.multitenancy=false");
    command.add("-Dquarkus.log.console.color=false");
    command.add("-Dquarkus.http.header.\"" + INSTANCE_HEADER + "\".value=" + instanceToken);
    // the child stops by itself when this JVM is gone, even after kill -9 (no shutdown hook runs)
    command.add(ParentWatchdogJar.agentOption(dir));
    command.add("-jar");
    command.add(jar.toString());

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    Map<String, String> inherited = Map.copyOf(env);
    env.clear();
    for (String name : INHERITED_ENV) {
      String value = inherited.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("REGISTRY_DATASOURCE_URL", jdbcUrl(dir));
    env.put("LOG_LEVEL", "INFO");

    long startedNanos = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the schema registry JVM", e);
    }
    // stdin stays open, unused: its end (this JVM gone) is what the child's watchdog waits for
    ChildProcesses.stopOnExit(process, Duration.ofSeconds(5));
    LOGGER
        .atInfo()
        .addKeyValue("pid", process.pid())
        .addKeyValue("port", port)
        .addKeyValue("storage", dir)
        .addKeyValue("log", logFile)
        .addKeyValue("classData", classData.state())
        .log("Schema registry process started");

    RegistryProcess registry =
        new RegistryProcess(process, instanceToken, port, dir, logFile, classData);
    try {
      awaitReady(registry, logOffset, startedNanos);
    } catch (RuntimeException e) {
      registry.kill();
      throw e;
    }
    LOGGER
        .atInfo()
        .addKeyValue("pid", process.pid())
        .addKeyValue("url", registry.confluentApiUrl())
        .addKeyValue("startMs", millisSince(startedNanos))
        .log("Schema registry ready");
    return registry;
  }

  /**
   * Polls {@code GET <confluentApiUrl>/subjects} until the child answers 200 with its instance
   * token. The registry opens its HTTP port only once its storage is up, so the first such answer
   * means it is ready for requests; an answer without the token comes from another process.
   */
  private static void awaitReady(RegistryProcess registry, long logOffset, long startedNanos) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri(registry.confluentApiUrl() + "/subjects"))
            .timeout(Duration.ofSeconds(2))
            .header("Accept", "application/vnd.schemaregistry.v1+json")
            .GET()
            .build();
    long deadline = startedNanos + READY_TIMEOUT.toNanos();
    String lastProblem = "no answer yet";
    while (true) {
      if (!registry.process.isAlive()) {
        String tail = ChildProcesses.tail(registry.logFile, logOffset, LOG_TAIL_LINES);
        String message =
            "The schema registry exited with code "
                + registry.process.exitValue()
                + " before it was ready (log: "
                + registry.logFile
                + "). Last lines:\n"
                + tail;
        if (tail.contains("seems to be in use by another process")
            || tail.contains("Address already in use")) {
          throw new PortInUseException(message);
        }
        throw new IllegalStateException(message);
      }
      try {
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean fromThisChild =
            registry.instanceToken.equals(
                response.headers().firstValue(INSTANCE_HEADER).orElse(null));
        if (!fromThisChild) {
          lastProblem = "another process answers on port " + registry.port;
        } else if (response.statusCode() == 200) {
          return;
        } else {
          lastProblem = "HTTP " + response.statusCode() + ": " + response.body();
        }
      } catch (ConnectException e) {
        lastProblem = "connection refused";
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "The schema registry did not answer at "
                + registry.confluentApiUrl()
                + " within "
                + READY_TIMEOUT.toSeconds()
                + " s (last: "
                + lastProblem
                + "; log: "
                + registry.logFile
                + "). Last lines:\n"
                + ChildProcesses.tail(registry.logFile, logOffset, LOG_TAIL_LINES));
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
      }
    }
  }

  /**
   * H2 file storage. {@code WRITE_DELAY=0} writes each commit to disk at once: with H2's default
   * delay a registration acknowledged just before a {@code kill -9} was lost, and its id was handed
   * out again to another schema after the restart.
   */
  private static String jdbcUrl(Path dir) {
    String base = dir.resolve(DATABASE_NAME).toString().replace('\\', '/');
    return "jdbc:h2:file:" + base + ";WRITE_DELAY=0";
  }

  private static String confluentApiUrl(int port) {
    return "http://localhost:" + port + "/apis/ccompat/v7";
  }

  // ---------------------------------------------------------------- helpers

  private static Path explicitJar(String name, String value, String kind) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Path jar = Path.of(value.trim()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The "
              + kind
              + " "
              + name
              + " names the schema registry runner jar "
              + jar
              + ", which does not exist. Build it from the project root with `"
              + BUILD_HINT
              + "` or correct "
              + name
              + ".");
    }
    return jar;
  }

  /**
   * {@code registry/campaign-registry-runner.jar} beside the jar (or classes folder) of this class.
   */
  private static Path besideOwnJar() {
    try {
      CodeSource source = RegistryProcess.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      Path parent = location.getParent();
      return parent == null ? null : parent.resolve("registry").resolve(JAR_NAME);
    } catch (URISyntaxException | RuntimeException e) {
      LOGGER.atDebug().setCause(e).log("Could not tell where RegistryProcess was loaded from");
      return null;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static URI uri(String value) {
    return URI.create(value);
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /** The child could not bind its port (someone took it after we picked it). */
  private static final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortInUseException(String message) {
      super(message);
    }
  }
}
