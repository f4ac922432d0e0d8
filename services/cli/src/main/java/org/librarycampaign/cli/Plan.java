package org.librarycampaign.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.InvalidEventException;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The engine of {@code campaign plan}: every stream-processing {@link CampaignService} on the class
 * path runs its production topology in the {@link TopologyHarness} (no broker, an in-memory
 * registry), fed the events in file order, with a wall clock driven by the events' own times.
 */
final class Plan {

  private final List<ParsedEvent> events;

  private Plan(List<ParsedEvent> events) {
    this.events = events;
  }

  /** A line that is not a valid event. */
  static final class BadLineException extends Exception {
    private final long lineNumber;

    BadLineException(long lineNumber, String message) {
      super("line " + lineNumber + ": " + message);
      this.lineNumber = lineNumber;
    }

    long lineNumber() {
      return lineNumber;
    }
  }

  /** Reads and checks every line first, so that a bad line stops the plan before it runs. */
  static Plan read(BufferedReader reader) throws IOException, BadLineException {
    EventJson json = new EventJson();
    List<ParsedEvent> events = new ArrayList<>();
    String line;
    long lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(json.parse(line));
      } catch (InvalidEventException e) {
        throw new BadLineException(lineNumber, e.getMessage());
      }
    }
    return new Plan(events);
  }

  /** What a run read and wrote. */
  record Summary(
      int events, int ticks, Map<CampaignTopic, Integer> written, List<String> services) {
    @Override
    public String toString() {
      int total = written.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "plan: %d events and %d ticks through %s; %d records written",
                  events,
                  ticks,
                  services.isEmpty() ? "no services" : String.join(", ", services),
                  total));
      written.forEach(
          (topic, count) -> text.append(String.format("%n  %-32s %d", topic.baseName(), count)));
      return text.toString();
    }
  }

  Summary run(Consumer<String> output) {
    return run(output, CampaignConfig.of(Map.of()));
  }

  /**
   * @param config the configuration the topologies read (plan mode sets the rest)
   */
  Summary run(Consumer<String> output, CampaignConfig config) {
    Instant start =
        events.stream()
            .map(ParsedEvent::eventTime)
            .filter(t -> t != null)
            .findFirst()
            .orElse(Instant.EPOCH);
    List<CampaignService> services =
        ServiceLoader.load(CampaignService.class).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(CampaignService::name))
            .toList();
    Map<CampaignTopic, Integer> written = new EnumMap<>(CampaignTopic.class);
    try (TopologyHarness topologies =
        TopologyHarness.startingAt(start).config(config).services(services).build()) {
      int ticks = 0;
      for (ParsedEvent event : events) {
        if (event.isTick()) {
          ticks++;
        }
        for (TopologyHarness.Output record : topologies.send(event).output()) {
          if (record.value() != null) {
            output.accept(TopologyHarness.json(record.value()));
            written.merge(record.topic(), 1, Integer::sum);
          }
        }
      }
      return new Summary(events.size() - ticks, ticks, written, topologies.services());
    }
  }
}
