package org.librarycampaign.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the figures were measured on. */
final class Machine {

  private Machine() {}

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static long memoryMib() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
              .filter(line -> line.startsWith("MemTotal:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElse(0)
          / 1024;
    } catch (IOException e) {
      return 0;
    }
  }

  static String summary() {
    return String.format(
        "%d cores (%s), %,d MiB, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        memoryMib(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  static void describe(ObjectNode node) {
    node.put("cores", Runtime.getRuntime().availableProcessors());
    node.put("cpu", cpuModel());
    node.put("memory_mib", memoryMib());
    node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    node.put("java", System.getProperty("java.version"));
    node.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
