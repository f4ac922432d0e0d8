package org.librarycampaign.localruntime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the local broker nodes and the registry have in common as child JVMs: the java binary to
 * start them with, free loopback ports, the tail of their logs, and a reaper that stops whatever is
 * still running when this JVM exits, so that Ctrl-C leaves no orphan.
 */
final class ChildProcesses {

  private static final Map<Process, Duration> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ChildProcesses::stopAll, "child-process-reaper"));
  }

  private ChildProcesses() {}

  /** The java binary of this JVM, so children run on the same Java. */
  static String javaExecutable() {
    for (String name : List.of("java", "java.exe")) {
      Path java = Path.of(System.getProperty("java.home"), "bin", name);
      if (Files.isExecutable(java)) {
        return java.toString();
      }
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Distinct free loopback ports; the sockets are held open together so none repeats. */
  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find free ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is still free for the child to take
        }
      }
    }
  }

  /**
   * Stops the process when this JVM exits: asked to stop, then killed once {@code grace} has passed
   * ({@link Duration#ZERO}: killed at once).
   */
  static void stopOnExit(Process process, Duration grace) {
    RUNNING.put(process, grace);
  }

  static void forget(Process process) {
    RUNNING.remove(process);
  }

  private static void stopAll() {
    RUNNING.forEach(
        (process, grace) -> {
          if (grace.isZero()) {
            process.destroyForcibly();
          } else {
            process.destroy();
          }
        });
    long deadline =
        System.nanoTime()
            + RUNNING.values().stream().max(Duration::compareTo).orElse(Duration.ZERO).toNanos();
    RUNNING.forEach(
        (process, grace) -> {
          try {
            long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
            if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
              process.destroyForcibly();
            }
          } catch (InterruptedException e) {
            process.destroyForcibly();
          }
        });
  }

  /** The last lines of a child's log written after {@code offset}, for error messages. */
  static String tail(Path file, long offset, int maxLines) {
    Deque<String> lines = new ArrayDeque<>();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      long from = Math.max(offset, length - 64 * 1024L);
      raf.seek(from);
      byte[] bytes = new byte[(int) (length - from)];
      raf.readFully(bytes);
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
          lines.removeFirst();
        }
      }
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
    return String.join(System.lineSeparator(), lines);
  }
}
