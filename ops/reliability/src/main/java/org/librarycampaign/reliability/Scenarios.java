package org.librarycampaign.reliability;

import java.time.Duration;

/** The sizes of each scenario, full and smoke, in one place. */
final class Scenarios {

  private Scenarios() {}

  static Result run(String name, ReliabilityRun.Stage stage, boolean smoke, long seed)
      throws Exception {
    return switch (name) {
      case "crash" ->
          CrashScenario.run(
              stage.env("crash"),
              smoke
                  ? new CrashScenario.Size(600, 60, 1, Duration.ofMinutes(3))
                  : new CrashScenario.Size(50_000, 200, 3, Duration.ofMinutes(10)),
              seed);
      case "leader" ->
          LeaderScenario.run(
              stage,
              smoke
                  ? new LeaderScenario.Size(2_000, 200, 1, Duration.ofMinutes(3))
                  : new LeaderScenario.Size(100_000, 500, 3, Duration.ofMinutes(10)),
              seed);
      case "dispatcher" ->
          DispatcherScenario.run(
              stage.env("dispatcher"),
              smoke
                  ? new DispatcherScenario.Size(200, 20, 1, Duration.ofMinutes(3))
                  : new DispatcherScenario.Size(5_000, 50, 3, Duration.ofMinutes(10)),
              seed);
      case "poison" ->
          PoisonScenario.run(
              stage.env("poison"),
              smoke
                  ? new PoisonScenario.Size(1_000, Duration.ofMinutes(3))
                  : new PoisonScenario.Size(100_000, Duration.ofMinutes(10)));
      case "registry" ->
          RegistryOutageScenario.run(
              stage.env("registry"),
              smoke
                  ? new RegistryOutageScenario.Size(
                      200, 20, Duration.ofSeconds(20), Duration.ofMinutes(3), true)
                  : new RegistryOutageScenario.Size(
                      1_000, 50, Duration.ofMinutes(5), Duration.ofMinutes(10), true));
      default -> throw new IllegalArgumentException("no scenario " + name);
    };
  }
}
