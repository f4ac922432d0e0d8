package org.librarycampaign.platform.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * One service's metrics, named {@code campaign.<service>.<metric>} (Prometheus turns the dots into
 * underscores and adds {@code _total} to counters) and registered on the process's registry, which
 * {@code /metrics} serves. Every service names and registers its meters here, so that the names
 * follow one rule; the names are a contract with dashboards and alerts, so a service's constants
 * class keeps each one.
 *
 * <p>The service is in the name rather than in a {@code service} tag: adding a tag would change the
 * label set of every existing series, which queries and tests match exactly.
 */
public final class ServiceMetrics {

  private final MeterRegistry registry;
  private final String service;

  public ServiceMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
  }

  /** The metrics of a service on the process's registry. */
  public static ServiceMetrics of(String service) {
    return new ServiceMetrics(Metrics.globalRegistry, service);
  }

  /** The full name of one of a service's metrics: {@code campaign.<service>.<metric>}. */
  public static String name(String service, String metric) {
    return "campaign." + service + "." + metric;
  }

  public String name(String metric) {
    return name(service, metric);
  }

  /**
   * A counter, tagged with key-value pairs ({@code "status", "held"}); {@code name} is one of this
   * service's names (from {@link #name}), so that no meter escapes the naming rule.
   */
  public Counter counter(String name, String... tags) {
    return Counter.builder(own(name)).tags(tags).register(registry);
  }

  /** A counter with the help text Prometheus shows. */
  public Counter counter(String name, Tags tags, String description) {
    return Counter.builder(own(name)).tags(tags).description(description).register(registry);
  }

  /** A timer, tagged with key-value pairs. */
  public Timer timer(String name, String... tags) {
    return Timer.builder(own(name)).tags(tags).register(registry);
  }

  private String own(String name) {
    if (!name.startsWith(name(service, ""))) {
      throw new IllegalArgumentException(
          name + " is not a metric of " + service + ": names start with " + name(service, ""));
    }
    return name;
  }
}
