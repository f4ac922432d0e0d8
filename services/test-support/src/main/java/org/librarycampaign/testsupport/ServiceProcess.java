package org.librarycampaign.testsupport;

import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.StandaloneService;

/**
 * {@code main(NAME)}: one service as a JVM of its own, configured from the environment only, for a
 * module's tests that must kill a service and start it again (a crash test) without the command
 * line. What {@code campaign run NAME} does in production, on the module's test class path.
 */
public final class ServiceProcess {

  private ServiceProcess() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ServiceProcess SERVICE");
    }
    StandaloneService running =
        StandaloneService.start(
            StandaloneService.named(args[0])
                .orElseThrow(
                    () -> new IllegalArgumentException("no service " + args[0] + " on class path")),
            CampaignConfig.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "service-process-stop"));
  }
}
