package org.librarycampaign.bench;

import java.time.Duration;
import java.util.ServiceLoader;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Starts services as {@code campaign up} does: found by name through the {@link CampaignService}
 * SPI, started with a {@link ServiceContext}, ready when every part reports ready.
 */
final class ServiceRunner {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private ServiceRunner() {}

  static CampaignService find(String name) {
    for (CampaignService service : ServiceLoader.load(CampaignService.class)) {
      if (service.name().equals(name)) {
        return service;
      }
    }
    throw new IllegalStateException("no CampaignService named '" + name + "' on the class path");
  }

  static RunningService start(
      String name, CampaignConfig config, TopicCatalogue catalogue, Readiness readiness) {
    return find(name).start(new ServiceContext(config, catalogue, readiness));
  }

  /** Waits until every registered part is ready; the nanoTime when it was. */
  static long awaitReady(Readiness readiness) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (readiness.states().isEmpty() || !readiness.isReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not ready after " + READY_TIMEOUT + ": " + readiness.states());
      }
      Thread.sleep(5);
    }
    return System.nanoTime();
  }
}
