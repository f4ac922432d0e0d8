package org.librarycampaign.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every figure of docs/PERFORMANCE.md in one run on one local broker and registry: producer rate,
 * pass-through topologies (the reference), each service alone, the whole pipeline from the ingest
 * API, end-to-end latency at half the sustainable rate under exactly-once and at-least-once, record
 * sizes, registry calls, and {@code campaign up}'s start-up time and memory. Writes {@code
 * results.json}, {@code results.md} and PNG charts to the output directory.
 *
 * <p>Run through {@code ops/bench/run [--quick]} after {@code ./mvnw -q -DskipTests package}.
 */
public final class PipelineBenchmark {

  private PipelineBenchmark() {}

  /** The sizes of a full run and of a quick one (shorter windows, one repeat). */
  private record Mode(
      String name,
      ThroughputPhase.Settings throughput,
      long producerRecords,
      long pipelineWarmup,
      double pipelineWindow,
      long notificationIncidents,
      double notificationMaxSeconds,
      double latencySeconds,
      double latencyWarmup,
      double probeSeconds,
      int maxProbes) {}

  private static final Mode FULL =
      new Mode(
          "full",
          new ThroughputPhase.Settings(1_000_000, 400_000, 50_000, 12, 3),
          500_000,
          10_000,
          12,
          60_000,
          60,
          30,
          5,
          8,
          5);
  private static final Mode QUICK =
      new Mode(
          "quick",
          new ThroughputPhase.Settings(250_000, 100_000, 15_000, 4, 1),
          100_000,
          2_000,
          4,
          20_000,
          20,
          6,
          2,
          4,
          4);

  public static void main(String[] args) throws Exception {
    Mode mode = FULL;
    Path out = Path.of("target", "bench");
    Path jar = Path.of("services", "cli", "target", "campaign.jar");
    boolean up = true;
    Set<String> only = Set.of();
    Map<String, String> overrides = new LinkedHashMap<>();
    double givenDecisionRate = Double.NaN;
    double givenIncidentRate = Double.NaN;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = QUICK;
        case "--out" -> out = Path.of(args[++i]);
        case "--campaign-jar" -> jar = Path.of(args[++i]);
        case "--no-up" -> up = false;
        case "--only" -> only = Set.of(args[++i].split(","));
        case "--set" -> {
          String[] pair = args[++i].split("=", 2);
          if (pair.length != 2) {
            throw new IllegalArgumentException("--set takes key=value, not " + args[i]);
          }
          overrides.put(pair[0], pair[1]);
        }
        case "--decision-rate" -> givenDecisionRate = Double.parseDouble(args[++i]);
        case "--incident-rate" -> givenIncidentRate = Double.parseDouble(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use [--quick] [--out DIR] [--campaign-jar JAR] [--no-up] [--only A,B]"
                    + " [--set key=value] [--decision-rate R] [--incident-rate R]");
      }
    }
    Files.createDirectories(out);
    Path data = out.resolve("data");
    UpPhase.deleteRecursively(data);
    if (!only.isEmpty()) {
      selected(mode, only, overrides, givenDecisionRate, givenIncidentRate, data);
      System.exit(0);
    }
    Report report = new Report(mode.name(), Instant.now());
    long started = System.nanoTime();

    Workload workload = new Workload();
    try (BenchStack stack = BenchStack.start(data.resolve("stack"), overrides)) {
      System.out.println(
          "Broker " + stack.bootstrapServers() + ", registry pid " + stack.registryPid());
      RecordsPhase records = new RecordsPhase(stack, workload);
      System.out.println("Record sizes:");
      report.sizes = records.sizes();
      System.out.println("Producer:");
      report.producer = records.producer(mode.producerRecords());
      System.out.println("Throughput, each topology alone (exactly-once):");
      report.throughput =
          new ThroughputPhase(stack, workload, mode.throughput(), data.resolve("state")).run();
      System.out.println("Pipeline, ingest HTTP to decision:");
      report.pipelineResult =
          new PipelinePhase(stack, workload).run(mode.pipelineWarmup(), mode.pipelineWindow());
      report.pipeline = report.pipelineResult.measured();

      System.out.println("Latency at half the sustainable rate:");
      LatencyPhase latency =
          new LatencyPhase(stack, workload, mode.latencySeconds(), mode.latencyWarmup());
      double decisionRate =
          halfSustainable(report, latency, mode, LatencyPhase.Path.DECISION, givenDecisionRate);
      report.notificationPath =
          latency.notificationCapacity(mode.notificationIncidents(), mode.notificationMaxSeconds());
      double incidentRate =
          halfSustainable(report, latency, mode, LatencyPhase.Path.NOTIFICATION, givenIncidentRate);
      report.latencies = new ArrayList<>();
      for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
        if (!Double.isNaN(decisionRate)) {
          report.latencies.add(
              latency.measure(LatencyPhase.Path.DECISION, guarantee, decisionRate));
        }
        if (!Double.isNaN(incidentRate)) {
          report.latencies.add(
              latency.measure(LatencyPhase.Path.NOTIFICATION, guarantee, incidentRate));
        }
      }
    }
    if (up) {
      System.out.println("campaign up:");
      report.up = new UpPhase(jar, data.resolve("campaign-up"), out).run();
    }
    report.seconds = (System.nanoTime() - started) / 1e9;
    report.write(out);
    System.out.printf("Done in %.0f s: %s%n", report.seconds, out.resolve("results.md"));
    System.exit(0);
  }

  /**
   * {@code --only A,B}: only the throughput of the named topologies (passthrough_bytes,
   * passthrough_avro, governance, conflicts, crisis), each against the Avro pass-through when it
   * ran too; {@code pipeline}: the whole pipeline (ingest HTTP to decision) after them; {@code
   * decision_latency}: draft to decision under exactly-once and at-least-once at half the highest
   * paced rate that keeps up, searched down from governance's median (or at {@code
   * --decision-rate}); {@code notification_latency}: incident to webhooks the same way, searched
   * down from the notification path's capacity (or at {@code --incident-rate}), once. Printed,
   * nothing written. For working on one service: a figure in minutes, not the whole run.
   */
  private static void selected(
      Mode mode,
      Set<String> only,
      Map<String, String> overrides,
      double decisionRate,
      double incidentRate,
      Path data)
      throws Exception {
    Set<String> phases = Set.of("pipeline", "decision_latency", "notification_latency");
    Set<String> topologies = new java.util.TreeSet<>(only);
    topologies.removeAll(phases);
    if (only.contains("decision_latency")
        && !topologies.contains("governance")
        && Double.isNaN(decisionRate)) {
      throw new IllegalArgumentException(
          "decision_latency runs at half governance's rate: add governance to --only, or give"
              + " --decision-rate R");
    }
    Report report = new Report(mode.name(), Instant.now());
    Workload workload = new Workload();
    try (BenchStack stack = BenchStack.start(data.resolve("stack"), overrides)) {
      if (!overrides.isEmpty()) {
        System.out.println("Every scenario's config also has " + overrides);
      }
      if (!topologies.isEmpty()) {
        System.out.println("Throughput of " + topologies + " (exactly-once):");
        report.throughput =
            new ThroughputPhase(
                    stack, workload, mode.throughput(), data.resolve("state"), topologies)
                .run();
      }
      if (only.contains("pipeline")) {
        System.out.println("Pipeline, ingest HTTP to decision:");
        report.pipelineResult =
            new PipelinePhase(stack, workload).run(mode.pipelineWarmup(), mode.pipelineWindow());
        report.pipeline = report.pipelineResult.measured();
      }
      if (only.contains("decision_latency")) {
        System.out.println("Decision latency at half the sustainable rate:");
        LatencyPhase latency =
            new LatencyPhase(stack, workload, mode.latencySeconds(), mode.latencyWarmup());
        double rate =
            halfSustainable(report, latency, mode, LatencyPhase.Path.DECISION, decisionRate);
        for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
          if (!Double.isNaN(rate)) {
            latency.measure(LatencyPhase.Path.DECISION, guarantee, rate);
          }
        }
      }
      if (only.contains("notification_latency")) {
        System.out.println("Notification latency at half the sustainable rate:");
        LatencyPhase latency =
            new LatencyPhase(stack, workload, mode.latencySeconds(), mode.latencyWarmup());
        if (Double.isNaN(incidentRate)) {
          report.notificationPath =
              latency.notificationCapacity(
                  mode.notificationIncidents(), mode.notificationMaxSeconds());
        }
        double rate =
            halfSustainable(report, latency, mode, LatencyPhase.Path.NOTIFICATION, incidentRate);
        for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
          if (!Double.isNaN(rate)) {
            latency.measure(LatencyPhase.Path.NOTIFICATION, guarantee, rate);
          }
        }
      }
    }
    double reference = report.median("passthrough_avro");
    for (String name : report.throughput.keySet()) {
      System.out.printf(
          "%-18s median %,9.0f records/s, %.2f of passthrough_avro%n",
          name, report.median(name), report.median(name) / reference);
    }
    if (report.pipeline != null) {
      System.out.printf(
          "%-18s        %,9.0f drafts/s,  %.2f of passthrough_avro%n",
          "pipeline",
          report.pipeline.recordsPerSecond(),
          report.pipeline.recordsPerSecond() / reference);
    }
    System.out.printf(
        "load average %.2f before, %.2f after%n", report.loadBefore, Machine.loadAverage());
  }

  /**
   * The rate a latency run offers: half the given one ({@code --decision-rate}, {@code
   * --incident-rate}: offered as given, no search), else half the highest paced rate that keeps up
   * ({@link RateSearch}), searched down from the backlog rate (governance's median, the
   * notification path's capacity). Prints how the rate was found and keeps it for the results.
   */
  private static double halfSustainable(
      Report report, LatencyPhase latency, Mode mode, LatencyPhase.Path path, double given)
      throws Exception {
    if (!Double.isNaN(given)) {
      System.out.printf("  %-12s offering %,.0f/s as given%n", path.label, given);
      report.rates.put(
          path.label, new OfferedRate(Double.NaN, given, true, "given on the command line"));
      return given;
    }
    double backlog =
        path == LatencyPhase.Path.DECISION
            ? report.median("governance")
            : report.notificationPath.recordsPerSecond();
    if (!(backlog > 0)) {
      String why =
          String.format(
              java.util.Locale.ROOT,
              "backlog rate %,.0f/s: nothing came out in the measured time, no rate to search"
                  + " down from; latency not measured",
              backlog);
      System.out.printf("  %-12s %s%n", path.label, why);
      report.rates.put(path.label, new OfferedRate(backlog, Double.NaN, false, why));
      return Double.NaN;
    }
    RateSearch.Result search =
        latency.sustainableRate(path, backlog, mode.probeSeconds(), mode.maxProbes());
    double offered = search.rate() / 2;
    String how =
        String.format(
            java.util.Locale.ROOT,
            "backlog rate %,.0f/s; %s; offered half",
            backlog,
            search.describe());
    System.out.printf("  %-12s offering %,.0f/s: %s%n", path.label, offered, how);
    report.rates.put(path.label, new OfferedRate(backlog, search.rate(), search.found(), how));
    return offered;
  }

  /** How a latency run's rate was found: from the backlog rate, the paced rate that kept up. */
  record OfferedRate(double backlogRate, double sustainableRate, boolean found, String how) {}

  /** What a run measured, and how it is written. */
  static final class Report {

    private static final ObjectMapper JSON =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String mode;
    private final Instant at;
    private final double loadBefore;
    List<RecordsPhase.Size> sizes = List.of();
    RecordsPhase.ProducerRate producer;
    Map<String, List<Measured>> throughput = Map.of();
    Measured pipeline;
    PipelinePhase.Result pipelineResult;
    Measured notificationPath;
    List<LatencyPhase.Latency> latencies = List.of();
    final Map<String, OfferedRate> rates = new LinkedHashMap<>();
    List<UpPhase.Start> up = List.of();
    double seconds;

    Report(String mode, Instant at) {
      this.mode = mode;
      this.at = at;
      this.loadBefore = Machine.loadAverage();
    }

    /** The measured repeats of a topology (the warm-up left out). */
    List<Measured> repeats(String name) {
      List<Measured> runs = throughput.getOrDefault(name, List.of());
      return runs.size() <= 1 ? runs : runs.subList(1, runs.size());
    }

    double median(String name) {
      double[] rates =
          repeats(name).stream().mapToDouble(Measured::recordsPerSecond).sorted().toArray();
      if (rates.length == 0) {
        return Double.NaN;
      }
      int middle = rates.length / 2;
      return rates.length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
    }

    private double spread(String name) {
      double[] rates = repeats(name).stream().mapToDouble(Measured::recordsPerSecond).toArray();
      if (rates.length < 2) {
        return Double.NaN;
      }
      double min = java.util.Arrays.stream(rates).min().orElse(Double.NaN);
      double max = java.util.Arrays.stream(rates).max().orElse(Double.NaN);
      return (max - min) / median(name);
    }

    private LatencyPhase.Latency latency(String name, String guarantee) {
      return latencies.stream()
          .filter(l -> l.name().equals(name) && l.guarantee().equals(guarantee))
          .findFirst()
          .orElse(null);
    }

    private Map<String, Double> ratios() {
      double reference = median("passthrough_avro");
      Map<String, Double> ratios = new LinkedHashMap<>();
      ratios.put("governance_vs_passthrough", median("governance") / reference);
      ratios.put("pipeline_vs_passthrough", pipeline.recordsPerSecond() / reference);
      ratios.put("conflicts_vs_passthrough", median("conflicts") / reference);
      ratios.put("crisis_vs_passthrough", median("crisis") / reference);
      ratios.put("branch_route_vs_passthrough", median("passthrough_branch_route") / reference);
      ratios.put(
          "misplaced_check_vs_passthrough", median("passthrough_misplaced_check") / reference);
      ratios.put("in_task_gate_vs_passthrough", median("passthrough_in_task_gate") / reference);
      ratios.put("output_gate_vs_passthrough", median("passthrough_output_gate") / reference);
      ratios.put("passthrough_avro_vs_bytes", reference / median("passthrough_bytes"));
      ratios.put("passthrough_avro_vs_producer", reference / producer.recordsPerSecond());
      return ratios;
    }

    /** Steady-state registry calls over steady-state records, over every measured window. */
    private double registryCallsPerRecord() {
      long calls = 0;
      long records = 0;
      for (String name : throughput.keySet()) {
        for (Measured run : repeats(name)) {
          calls += run.steadyRegistryCalls();
          records += run.steadyRecords();
        }
      }
      calls += pipeline.steadyRegistryCalls();
      records += pipeline.steadyRecords();
      for (LatencyPhase.Latency latency : latencies) {
        calls += latency.steadyRegistryCalls();
        records += latency.steadyRecords();
      }
      return records == 0 ? Double.NaN : (double) calls / records;
    }

    private double postDraftedRatio() {
      return sizes.stream()
          .filter(s -> s.type().equals("PostDrafted"))
          .mapToDouble(RecordsPhase.Size::ratio)
          .findFirst()
          .orElse(Double.NaN);
    }

    private double up(String kind, boolean rss) {
      return up.stream()
          .filter(s -> s.kind().equals(kind))
          .mapToDouble(s -> rss ? s.rssMib() : s.readySeconds())
          .findFirst()
          .orElse(Double.NaN);
    }

    /** Each target of the issue: the figure, the goal, and whether it is met. */
    private List<Object[]> targets() {
      Map<String, Double> ratios = ratios();
      List<Object[]> rows = new ArrayList<>();
      rows.add(
          target(
              "governance / pass-through (Avro)",
              ratios.get("governance_vs_passthrough"),
              ">=",
              0.5));
      rows.add(
          target(
              "pipeline / pass-through (Avro)", ratios.get("pipeline_vs_passthrough"), ">=", 0.25));
      rows.add(target("decision p99, EOS, half load (ms)", p99("decision"), "<=", 250));
      rows.add(target("notification p99, EOS, half load (ms)", p99("notification"), "<=", 1000));
      rows.add(target("registry calls per steady-state record", registryCallsPerRecord(), "<=", 0));
      rows.add(target("Avro / JSON bytes (PostDrafted)", postDraftedRatio(), "<=", 0.55));
      rows.add(target("campaign up ready, warm (s)", up("warm", false), "<=", 10));
      rows.add(target("campaign up ready, cold (s)", up("cold", false), "<=", 20));
      rows.add(target("stack RSS (MiB)", up("warm", true), "<", 1024));
      return rows;
    }

    private double p99(String name) {
      LatencyPhase.Latency latency = latency(name, "exactly_once_v2");
      return latency == null ? Double.NaN : latency.p99();
    }

    private static Object[] target(String what, double value, String relation, double goal) {
      boolean met =
          switch (relation) {
            case ">=" -> value >= goal;
            case "<=" -> value <= goal;
            default -> value < goal;
          };
      return new Object[] {what, value, relation + " " + format(goal), !Double.isNaN(value) && met};
    }

    void write(Path out) throws Exception {
      ObjectNode root = JSON.createObjectNode();
      root.put("mode", mode);
      root.put("at", at.toString());
      root.put("seconds", round(seconds));
      ObjectNode machine = root.putObject("machine");
      Machine.describe(machine);
      machine.put("load_average_before", loadBefore);
      machine.put("load_average_after", Machine.loadAverage());

      ObjectNode ratios = root.putObject("ratios");
      ratios().forEach((k, v) -> ratios.put(k, round(v)));
      ObjectNode latencyMs = root.putObject("latency_ms");
      latencyMs.put("decision_p99", round(p99("decision")));
      latencyMs.put("notification_p99", round(p99("notification")));
      root.put("up_ready_s", round(up("warm", false)));
      root.put("up_ready_cold_s", round(up("cold", false)));
      root.put("stack_rss_mib", round(up("warm", true)));
      root.put("registry_calls_per_record", registryCallsPerRecord());
      root.put("avro_vs_json_bytes", round(postDraftedRatio()));

      ObjectNode rates = root.putObject("throughput_records_per_s");
      for (String name : throughput.keySet()) {
        ObjectNode node = rates.putObject(name);
        node.put("median", round(median(name)));
        node.put("spread", round(spread(name)));
        ArrayNode runs = node.putArray("runs");
        for (Measured run : throughput.get(name)) {
          runs.add(JSON.valueToTree(run));
        }
      }
      root.set("producer", JSON.valueToTree(producer));
      root.set("pipeline", JSON.valueToTree(pipeline));
      root.set("notification_path", JSON.valueToTree(notificationPath));
      ObjectNode pipelineShape = root.putObject("pipeline_http");
      pipelineShape.put("batch", PipelinePhase.BATCH);
      pipelineShape.put("clients", PipelinePhase.CLIENTS);
      if (pipelineResult != null) {
        pipelineShape.put("accepted_per_second", round(pipelineResult.acceptedPerSecond()));
        ObjectNode cpu = pipelineShape.putObject("cpu_micros_per_draft");
        pipelineResult
            .cpuMicrosPerDraft()
            .forEach((group, micros) -> cpu.put(group, round(micros)));
      }
      root.set("latencies", JSON.valueToTree(latencies));
      root.set("latency_rates", JSON.valueToTree(rates));
      root.set("sizes", JSON.valueToTree(sizes));
      root.set("campaign_up", JSON.valueToTree(up));
      ArrayNode targets = root.putArray("targets");
      for (Object[] row : targets()) {
        ObjectNode t = targets.addObject();
        t.put("what", (String) row[0]);
        t.put("value", round((Double) row[1]));
        t.put("goal", (String) row[2]);
        t.put("met", (Boolean) row[3]);
      }
      JSON.writeValue(out.resolve("results.json").toFile(), root);
      Files.writeString(out.resolve("results.md"), markdown());
      charts(out);
    }

    private String markdown() {
      StringBuilder md = new StringBuilder();
      md.append(String.format("# Benchmark results (%s run, %s)%n%n", mode, at));
      md.append(
          String.format(
              "Machine: %s; load average %.1f before, %.1f after; run took %.0f s.%n%n",
              Machine.summary(), loadBefore, Machine.loadAverage(), seconds));
      md.append("## Targets\n\n| target | measured | goal | met |\n|---|---:|---|---|\n");
      for (Object[] row : targets()) {
        md.append(
            String.format(
                "| %s | %s | %s | %s |%n",
                row[0], format((Double) row[1]), row[2], (Boolean) row[3] ? "met" : "**missed**"));
      }
      md.append("\n## Throughput (each alone, exactly-once, input records/s)\n\n");
      md.append(
          "| topology | median | spread (max-min)/median | runs (records in s) | vs pass-through (Avro) |\n");
      md.append("|---|---:|---:|---|---:|\n");
      double reference = median("passthrough_avro");
      for (String name : throughput.keySet()) {
        StringBuilder runs = new StringBuilder();
        for (Measured run : repeats(name)) {
          runs.append(
              String.format(
                  "%,.0f (%,d in %.1f s) ",
                  run.recordsPerSecond(), run.inputRecords(), run.seconds()));
        }
        md.append(
            String.format(
                "| %s | %,.0f | %s | %s| %.2f |%n",
                name, median(name), format(spread(name)), runs, median(name) / reference));
      }
      md.append(
          String.format(
              "| pipeline (ingest HTTP, %d x %d-draft arrays in flight, to decision) | %,.0f | | %,d in %.1f s | %.2f |%n",
              PipelinePhase.CLIENTS,
              PipelinePhase.BATCH,
              pipeline.recordsPerSecond(),
              pipeline.inputRecords(),
              pipeline.seconds(),
              pipeline.recordsPerSecond() / reference));
      md.append(
          String.format(
              "| notification path (incidents, crisis + dispatcher to %d webhooks each) | %,.0f | | %,d in %.1f s | |%n",
              ThroughputPhase.RESPONDERS,
              notificationPath.recordsPerSecond(),
              notificationPath.inputRecords(),
              notificationPath.seconds()));
      md.append(
          String.format(
              "| producer (PostDrafted Avro, %.0f bytes, acks=all) | %,.0f | | %,d in %.1f s | |%n",
              producer.recordBytes(),
              producer.recordsPerSecond(),
              producer.records(),
              producer.seconds()));
      md.append("\n## Latency at half the sustainable rate (ms, from the scheduled send)\n\n");
      md.append("| path | guarantee | offered/s | counted | missing | p50 | p99 | p99.9 | max |\n");
      md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (LatencyPhase.Latency l : latencies) {
        md.append(
            String.format(
                "| %s | %s | %,.0f | %,d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                l.name(),
                l.guarantee(),
                l.offeredRate(),
                l.counted(),
                l.missing(),
                l.p50(),
                l.p99(),
                l.p999(),
                l.max()));
      }
      rates.forEach(
          (path, rate) ->
              md.append(String.format("%nRate offered to %s: %s.%n", path, rate.how())));
      md.append(
          "\n## Bytes per event\n\n| event | Avro (wire format) | JSON | ratio |\n|---|---:|---:|---:|\n");
      for (RecordsPhase.Size s : sizes) {
        md.append(
            String.format(
                "| %s | %.0f | %.0f | %.2f |%n",
                s.type(), s.avroBytes(), s.jsonBytes(), s.ratio()));
      }
      md.append(
          "\n## campaign up\n\n| start | ready (s) | RSS (MiB) | of which registry |\n|---|---:|---:|---:|\n");
      for (UpPhase.Start s : up) {
        md.append(
            String.format(
                "| %s | %.1f | %.0f | %.0f |%n",
                s.kind(), s.readySeconds(), s.rssMib(), s.childRssMib()));
      }
      md.append("\n![ratios](ratios.png)\n\n![latency](latency.png)\n");
      return md.toString();
    }

    private void charts(Path out) throws Exception {
      Map<String, Double> ratios = ratios();
      List<String> names = List.of("governance", "conflicts", "crisis", "pipeline");
      double[] values = {
        ratios.get("governance_vs_passthrough"),
        ratios.get("conflicts_vs_passthrough"),
        ratios.get("crisis_vs_passthrough"),
        ratios.get("pipeline_vs_passthrough")
      };
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("throughput / pass-through (Avro)", values);
      Map<String, Double> goals = new LinkedHashMap<>();
      goals.put("governance target 0.5", 0.5);
      goals.put("pipeline target 0.25", 0.25);
      Charts.bars(
          out.resolve("ratios.png"),
          "Throughput relative to the Avro pass-through (" + mode + " run)",
          "ratio",
          names,
          series,
          goals);

      List<String> paths = new ArrayList<>();
      double[] p50 = new double[latencies.size()];
      double[] p99 = new double[latencies.size()];
      double[] p999 = new double[latencies.size()];
      for (int i = 0; i < latencies.size(); i++) {
        LatencyPhase.Latency l = latencies.get(i);
        paths.add(l.name() + (l.guarantee().startsWith("exactly") ? " EOS" : " ALOS"));
        p50[i] = l.p50();
        p99[i] = l.p99();
        p999[i] = l.p999();
      }
      Map<String, double[]> percentiles = new LinkedHashMap<>();
      percentiles.put("p50", p50);
      percentiles.put("p99", p99);
      percentiles.put("p99.9", p999);
      Map<String, Double> latencyGoals = new LinkedHashMap<>();
      latencyGoals.put("decision p99 target 250 ms", 250.0);
      latencyGoals.put("notification p99 target 1 s", 1000.0);
      Charts.bars(
          out.resolve("latency.png"),
          "End-to-end latency at half load (" + mode + " run)",
          "ms",
          paths,
          percentiles,
          latencyGoals);
    }

    private static double round(double value) {
      return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    private static String format(double value) {
      if (Double.isNaN(value)) {
        return "n/a";
      }
      return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.3g", value);
    }
  }
}
