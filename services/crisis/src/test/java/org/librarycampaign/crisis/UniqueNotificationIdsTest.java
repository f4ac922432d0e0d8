package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.crisis.response.Incident;

/**
 * Random histories of reports, acknowledgements, resolutions, replays of earlier lines, plan
 * changes and clock jumps, run through the production topology with fallback contacts (so repeats,
 * exhaustion and unrouted incidents happen too): no notification id is ever written twice, each
 * resolution notice follows an alert to the same person on the same channel, no alert of any kind
 * follows the acknowledgement or resolution of its incident, and every status lists exactly the
 * alerts written for its incident; each incident's stored record holds exactly the ids written for
 * it (the guard against a second write).
 */
class UniqueNotificationIdsTest {

  private static final List<String> INCIDENTS = List.of("i1", "i2", "i3");
  private static final List<String> BRANCHES = List.of("eastside", "westside");
  private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  /** One step of a history. */
  sealed interface Step {}

  record Report(int incident, int severity) implements Step {}

  record Acknowledge(int incident) implements Step {}

  record Resolve(int incident) implements Step {}

  /** Sends an earlier line again, with its own time (replays arrive late). */
  record Replay(int earlier) implements Step {}

  /** Moves the clock by a Tick, or (without one) by the time of the next line. */
  record Advance(int minutes, boolean tick) implements Step {}

  record PublishPlan(boolean eastside) implements Step {}

  record WithdrawPlan(boolean eastside) implements Step {}

  @Property(tries = 80)
  void noNotificationIdIsEverWrittenTwice(@ForAll("histories") List<Step> history) {
    Path stateDir = tempDir();
    try (CrisisDriver crisis =
        new CrisisDriver(
            stateDir, Map.of(CrisisSettings.FALLBACK_CONTACTS, CrisisLoopTopologyTest.FALLBACK))) {
      run(crisis, history);
      List<KeyValue<String, SpecificRecord>> output = crisis.output();

      List<String> ids = new ArrayList<>();
      Set<String> alerted = new HashSet<>();
      Map<String, List<String>> alertsByIncident = new LinkedHashMap<>();
      Set<String> answered = new HashSet<>();
      for (KeyValue<String, SpecificRecord> record : output) {
        if (record.value instanceof Notification n) {
          assertThat(record.key).isEqualTo(n.getNotificationId());
          ids.add(n.getNotificationId());
          String who =
              n.getIncidentId() + "/" + n.getRecipient().getResponderId() + "/" + n.getChannel();
          if (n.getKind() == NotificationKind.ALERT) {
            assertThat(answered)
                .as("no alert, repeat or fallback alert %s after acknowledgement", record.key)
                .doesNotContain(n.getIncidentId());
            alerted.add(who);
            alertsByIncident
                .computeIfAbsent(n.getIncidentId(), i -> new ArrayList<>())
                .add(n.getNotificationId());
          } else {
            assertThat(alerted).as("resolution %s follows an alert", record.key).contains(who);
          }
        } else if (record.value instanceof IncidentStatus s) {
          if (s.getState() == IncidentState.ACKNOWLEDGED
              || s.getState() == IncidentState.RESOLVED) {
            answered.add(s.getIncidentId());
          }
          assertThat(s.getNotified())
              .extracting(NotifiedContact::getNotificationId)
              .as("status of %s", s.getIncidentId())
              .isEqualTo(alertsByIncident.getOrDefault(s.getIncidentId(), List.of()));
          assertThat(s.getNotifiedCount()).isEqualTo(s.getNotified().size());
        }
      }
      assertThat(ids).doesNotHaveDuplicates();

      // the guard needs no store of its own: each incident's record holds exactly the ids written
      KeyValueStore<String, Incident> incidents = crisis.store(CrisisTopology.INCIDENTS_STORE);
      for (String incidentId : INCIDENTS) {
        List<String> written = ids.stream().filter(id -> id.startsWith(incidentId + "/")).toList();
        Incident stored = incidents.get(incidentId);
        if (stored == null) {
          assertThat(written).as("ids of %s, never reported", incidentId).isEmpty();
        } else {
          assertThat(stored.writtenIds())
              .as("ids held by %s", incidentId)
              .containsExactlyInAnyOrderElementsOf(written);
        }
      }
    } finally {
      deleteQuietly(stateDir);
    }
  }

  private static void run(CrisisDriver crisis, List<Step> history) {
    Instant clock = CrisisDriver.START;
    List<String> sent = new ArrayList<>();
    for (Step step : history) {
      String line = null;
      if (step instanceof Report r) {
        line =
            Lines.reported(
                INCIDENTS.get(r.incident()),
                branchOf(r.incident()),
                SEVERITIES.get(r.severity()),
                clock.toString());
      } else if (step instanceof Acknowledge a) {
        line =
            Lines.acknowledged(
                INCIDENTS.get(a.incident()), branchOf(a.incident()), "dana", clock.toString());
      } else if (step instanceof Resolve r) {
        line =
            Lines.resolved(
                INCIDENTS.get(r.incident()), branchOf(r.incident()), "dana", clock.toString());
      } else if (step instanceof Replay r) {
        if (!sent.isEmpty()) {
          crisis.line(sent.get(r.earlier() % sent.size()));
        }
      } else if (step instanceof Advance a) {
        clock = clock.plus(Duration.ofMinutes(a.minutes()));
        if (a.tick()) {
          crisis.tick(clock.toString());
        }
      } else if (step instanceof PublishPlan p) {
        line = p.eastside() ? Lines.EASTSIDE_PLAN : Lines.DEFAULT_PLAN;
      } else if (step instanceof WithdrawPlan w) {
        crisis.removePlan(w.eastside() ? "eastside" : "*");
      }
      if (line != null) {
        crisis.line(line);
        sent.add(line);
      }
    }
  }

  /** Every event of an incident comes from its branch, as on the topic (keyed by branch). */
  private static String branchOf(int incident) {
    return BRANCHES.get(incident % BRANCHES.size());
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Integer> incident = Arbitraries.integers().between(0, INCIDENTS.size() - 1);
    Arbitrary<Step> report =
        Combinators.combine(incident, Arbitraries.integers().between(0, SEVERITIES.size() - 1))
            .as(Report::new);
    Arbitrary<Step> step =
        Arbitraries.<Step>frequencyOf(
            Tuple.of(6, report),
            Tuple.of(2, incident.map(Acknowledge::new)),
            Tuple.of(2, incident.map(Resolve::new)),
            Tuple.of(3, Arbitraries.integers().between(0, 50).map(Replay::new)),
            Tuple.of(
                5,
                Combinators.combine(
                        Arbitraries.integers().between(0, 90), Arbitraries.of(true, false))
                    .as(Advance::new)),
            Tuple.of(3, Arbitraries.of(true, false).map(PublishPlan::new)),
            Tuple.of(1, Arbitraries.of(true, false).map(WithdrawPlan::new)));
    return step.list().ofMaxSize(30);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("crisis-property-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
