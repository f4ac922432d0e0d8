package org.librarycampaign.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads, grouped by what they work for (the thread's name says it),
 * between two moments: how the two cores were spent on a phase, whatever else the machine ran at
 * the time. A rate depends on how much of the machine the other processes leave; CPU time per
 * record much less, which makes it the figure to compare two versions of one service on a busy
 * machine. Threads that end before the second snapshot are not counted.
 */
final class ThreadCpu {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Function<String, String> group;
  private final Map<Long, Long> start;
  private final Map<Long, String> names = new HashMap<>();

  /** Starts counting now; {@code group} names the group of a thread from its name. */
  ThreadCpu(Function<String, String> group) {
    this.group = group;
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
    this.start = snapshot();
  }

  private Map<Long, Long> snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      if (nanos >= 0) {
        cpu.put(info.getThreadId(), nanos);
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    return cpu;
  }

  /** CPU seconds of each group since this was made, largest first. */
  Map<String, Double> seconds() {
    Map<Long, Long> now = snapshot();
    Map<String, Double> byGroup = new HashMap<>();
    now.forEach(
        (id, nanos) ->
            byGroup.merge(
                group.apply(names.get(id)),
                (nanos - start.getOrDefault(id, 0L)) / 1e9,
                Double::sum));
    Map<String, Double> sorted = new LinkedHashMap<>();
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
