package org.librarycampaign.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;

/**
 * The full reliability run (docs/RELIABILITY.md): every scenario at full size on a broker and
 * registry of its own (the leader scenario starts three brokers, the registry scenario a registry
 * of its own). Prints each figure as it is taken, writes {@code target/reliability/results.md}, and
 * exits 1 when any property failed.
 *
 * <p>{@code ops/reliability/run [--smoke] [--only crash,leader,dispatcher,poison,registry]}
 */
public final class ReliabilityRun {

  static final List<String> SCENARIOS =
      List.of("crash", "leader", "dispatcher", "poison", "registry");

  private ReliabilityRun() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    boolean smoke = arguments.contains("--smoke");
    Set<String> only = new LinkedHashSet<>(SCENARIOS);
    int at = arguments.indexOf("--only");
    if (at >= 0 && at + 1 < arguments.size()) {
      only = new LinkedHashSet<>(Arrays.asList(arguments.get(at + 1).split(",")));
      if (!SCENARIOS.containsAll(only)) {
        System.err.println("unknown scenario in --only; known: " + SCENARIOS);
        System.exit(2);
      }
    }
    long seed = Long.getLong("reliability.seed", System.currentTimeMillis());
    Path root = Path.of("target", "reliability").toAbsolutePath();
    Files.createDirectories(root);
    Path work = Files.createTempDirectory(root, "run-");
    List<Result> results = new ArrayList<>();
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startInProcess(work.resolve("kafka"), 0);
        RegistryProcess registry =
            RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, work.resolve("registry"))) {
      Stage stage = new Stage(kafka.bootstrapServers(), registry.confluentApiUrl(), work);
      for (String name : only) {
        System.out.printf("%n== %s (%s)%n", name, smoke ? "smoke" : "full");
        long started = System.nanoTime();
        Result result;
        try {
          result = Scenarios.run(name, stage, smoke, seed);
        } catch (Exception e) {
          result = new Result(name, "stopped by an exception");
          result.check(false, "runs to the end", e);
        }
        result.seconds((System.nanoTime() - started) / 1_000_000_000);
        System.out.printf(
            "== %s: %s in %d s%n", name, result.passed() ? "PASSED" : "FAILED", result.seconds());
        results.add(result);
      }
    }
    Path report = root.resolve(smoke ? "smoke.md" : "results.md");
    Files.writeString(report, markdown(results, smoke, seed));
    System.out.println("Results: " + report);
    System.exit(results.stream().allMatch(Result::passed) ? 0 : 1);
  }

  /** Where the scenarios run: the shared broker and registry, and a working directory. */
  record Stage(String bootstrap, String registryUrl, Path dir) {
    Env env(String name) {
      return Env.of(name, bootstrap, registryUrl, dir);
    }
  }

  static String markdown(List<Result> results, boolean smoke, long seed) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# Reliability run (")
        .append(smoke ? "smoke" : "full")
        .append("), ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append("\n\n")
        .append("Seed ")
        .append(seed)
        .append(" (`-Dreliability.seed=")
        .append(seed)
        .append("` repeats the kill points). ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores.\n");
    for (Result result : results) {
      out.append("\n## ")
          .append(result.scenario())
          .append(": ")
          .append(result.passed() ? "passed" : "FAILED")
          .append(" (")
          .append(Duration.ofSeconds(result.seconds()).toMinutesPart())
          .append(" min ")
          .append(Duration.ofSeconds(result.seconds()).toSecondsPart())
          .append(" s)\n\n")
          .append(result.description())
          .append("\n\n| figure | value |\n|---|---|\n");
      result
          .figures()
          .forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
      for (String finding : result.findings()) {
        out.append("\n- FINDING (does not fail the run): ")
            .append(finding.replace("\n", " "))
            .append('\n');
      }
      for (String problem : result.problems()) {
        out.append("\n- FAILED: ").append(problem.replace("\n", " ")).append('\n');
      }
    }
    return out.toString();
  }
}
