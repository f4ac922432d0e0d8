package org.librarycampaign.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar services/cli/target/campaign.jar up} as a user starts it, on free ports: the
 * time from launch until {@code /ready} answers 200, cold (a fresh data directory: the broker
 * formats its log, the registry creates its database, topics and schemas are made) and warm (the
 * same directory again), and the resident memory of the stack (the {@code campaign up} process and
 * its registry child, VmRSS from /proc) once it is ready and has settled.
 */
final class UpPhase {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** One start: seconds to ready, and the stack's resident memory after it settled. */
  record Start(
      String kind, double readySeconds, double rssMib, double upRssMib, double childRssMib) {}

  private final Path jar;
  private final Path dataDir;
  private final Path logDir;

  UpPhase(Path jar, Path dataDir, Path logDir) {
    this.jar = jar;
    this.dataDir = dataDir;
    this.logDir = logDir;
  }

  List<Start> run() throws Exception {
    deleteRecursively(dataDir);
    List<Start> starts = new ArrayList<>();
    starts.add(start("cold"));
    starts.add(start("warm"));
    return starts;
  }

  private Start start(String kind) throws Exception {
    int[] ports = freePorts(3);
    Files.createDirectories(logDir);
    Path log = logDir.resolve("campaign-up-" + kind + ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "up",
                "--data-dir",
                dataDir.toString(),
                "--kafka-port",
                Integer.toString(ports[0]),
                "--registry-port",
                Integer.toString(ports[1]),
                "--http-port",
                Integer.toString(ports[2]))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long launched = System.nanoTime();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      URI ready = URI.create("http://127.0.0.1:" + ports[2] + "/ready");
      long deadline = launched + READY_TIMEOUT.toNanos();
      while (!isReady(http, ready)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "campaign up exited with " + process.exitValue() + "; see " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "campaign up not ready after " + READY_TIMEOUT + "; see " + log);
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - launched) / 1e9;
      Thread.sleep(SETTLE.toMillis());
      double upRss = rssMib(process.pid());
      double childRss = process.descendants().mapToDouble(child -> rssMib(child.pid())).sum();
      Start start = new Start(kind, seconds, upRss + childRss, upRss, childRss);
      System.out.printf(
          "  campaign up %-4s ready in %5.1f s; RSS %,6.0f MiB (up %,.0f + registry %,.0f)%n",
          kind, seconds, start.rssMib(), upRss, childRss);
      return start;
    } finally {
      stop(process);
    }
  }

  private static boolean isReady(HttpClient http, URI ready) {
    try {
      return http.send(
                  HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM (the command's own clean stop), then, if it hangs, every process it started. */
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  /** VmRSS of a process in MiB, 0 when it is gone. */
  static double rssMib(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
              .filter(line -> line.startsWith("VmRSS:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElse(0)
          / 1024.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
