package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * {@code campaign emit} then {@code campaign export} through a real broker and registry: every
 * input type comes back unchanged, and a client that knows nothing but the Confluent wire format
 * and the registry URL decodes every record.
 */
class EmitExportIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EVENTS =
      List.of(
          "{\"type\":\"ChannelPolicy\",\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\",\"contentPerCampaign\":3,\"maxPostsPerDay\":3,\"zone\":\"America/Chicago\",\"politicalSpeechAllowed\":true}",
          "{\"type\":\"PostDrafted\",\"postId\":\"p1\",\"revision\":1,\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\",\"category\":\"CAMPAIGN\",\"campaignId\":\"budget-2027\",\"text\":\"Tell the board: fund our library!\",\"hashtags\":[\"#FundOurLibrary\"],\"mentions\":[\"@CountyExec\"],\"links\":[\"https://example.org/budget\"],\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://example.org/a.png\"}],\"scheduledAt\":\"2026-12-01T15:00:00Z\",\"author\":\"jlee\",\"draftedAt\":\"2026-11-27T10:00:00Z\"}",
          "{\"type\":\"PostWithdrawn\",\"postId\":\"p1\",\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\",\"reason\":\"duplicate\",\"withdrawnAt\":\"2026-11-27T11:00:00Z\"}",
          "{\"type\":\"Milestone\",\"milestoneId\":\"m1\",\"revision\":1,\"kind\":\"COMMUNITY_EVENT\",\"stance\":\"AVOID\",\"branchId\":\"*\",\"title\":\"County fair\",\"startsAt\":\"2026-12-05T16:00:00Z\",\"endsAt\":\"2026-12-06T00:00:00Z\",\"bufferMinutes\":120,\"cancelled\":false}",
          "{\"type\":\"IncidentReported\",\"incidentId\":\"i1\",\"branchId\":\"eastside\",\"severity\":\"HIGH\",\"category\":\"BOOK_CHALLENGE\",\"summary\":\"Challenge to a picture book\",\"reportedBy\":\"desk\",\"reportedAt\":\"2026-11-27T12:00:00Z\"}",
          "{\"type\":\"IncidentAcknowledged\",\"incidentId\":\"i1\",\"branchId\":\"eastside\",\"by\":\"director\",\"at\":\"2026-11-27T12:05:00Z\"}",
          "{\"type\":\"IncidentResolved\",\"incidentId\":\"i1\",\"branchId\":\"eastside\",\"by\":\"director\",\"at\":\"2026-11-27T15:00:00Z\",\"resolution\":\"Book stays\"}",
          "{\"type\":\"ResponsePlan\",\"branchId\":\"*\",\"steps\":[\"Hold campaign posts\",\"Brief the director\"],\"tiers\":[{\"ackTimeoutMinutes\":15,\"responders\":[{\"responderId\":\"r1\",\"name\":\"Ana\",\"role\":\"Comms lead\",\"minSeverity\":\"MEDIUM\",\"contacts\":[{\"channel\":\"EMAIL\",\"address\":\"ana@example.org\"}]}]}]}");

  @TempDir Path dir;

  @Test
  void emittedEventsComeBackFromExportUnchangedAndAnyWireFormatClientDecodesThem()
      throws Exception {
    SharedStack stack = SharedStack.get();
    String prefix = SharedStack.uniqueName("emit-export") + ".";
    String[] cluster = {
      "--bootstrap",
      stack.bootstrapServers(),
      "--registry",
      stack.registryUrl(),
      "--topic-prefix",
      prefix
    };
    assertThat(run("topics", cluster).exitCode()).isZero();
    Path events = dir.resolve("events.jsonl");
    Files.write(events, EVENTS);

    Result emitted = run("emit", concat(cluster, events.toString()));

    assertThat(emitted.exitCode()).as(emitted.err()).isZero();
    assertThat(emitted.err()).contains("sent 8 events");
    List<JsonNode> exported = new ArrayList<>();
    for (String topic :
        List.of(
            "campaign.posts",
            "campaign.milestones",
            "campaign.incidents",
            "campaign.channel-policies",
            "campaign.response-plans")) {
      Result export =
          run("export", concat(cluster, topic, "--from-beginning", "--idle-timeout", "10s"));
      assertThat(export.exitCode()).as(export.err()).isZero();
      for (String line : export.out().lines().toList()) {
        exported.add(JSON.readTree(line));
      }
    }
    List<JsonNode> sent = new ArrayList<>();
    for (String line : EVENTS) {
      sent.add(JSON.readTree(line));
    }
    assertThat(exported).containsExactlyInAnyOrderElementsOf(sent);

    assertThat(decodeWithWireFormatOnly(stack, prefix + "campaign.posts"))
        .extracting(r -> ((GenericRecord) r.get("event")).get("postId").toString())
        .containsExactly("p1", "p1");
  }

  @Test
  void aBadLineStopsEmitWithExitTwoItsLineNumberAndHowManyWereSent() throws IOException {
    SharedStack stack = SharedStack.get();
    String prefix = SharedStack.uniqueName("emit-bad") + ".";
    String[] cluster = {
      "--bootstrap",
      stack.bootstrapServers(),
      "--registry",
      stack.registryUrl(),
      "--topic-prefix",
      prefix
    };
    run("topics", cluster);
    Path events = dir.resolve("bad.jsonl");
    Files.write(
        events,
        List.of(
            EVENTS.get(0),
            EVENTS.get(1),
            "{\"type\":\"PostDrafted\",\"postId\":\"p2\",\"revision\":0,\"branchId\":\"eastside\"}",
            EVENTS.get(4)));

    Result emitted = run("emit", concat(cluster, events.toString()));

    assertThat(emitted.exitCode()).isEqualTo(2);
    assertThat(emitted.err())
        .contains("line 3:")
        .contains("revision")
        .contains("platform: required")
        .contains("sent 2 events");
    Result export =
        run(
            "export",
            concat(cluster, "campaign.incidents", "--from-beginning", "--idle-timeout", "2s"));
    assertThat(export.out()).isEmpty();
  }

  /** Decodes a topic knowing only the wire format and the registry's REST API. */
  private static List<GenericRecord> decodeWithWireFormatOnly(SharedStack stack, String topic)
      throws Exception {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("wire-format-reader"));
    HttpClient http = HttpClient.newHttpClient();
    List<GenericRecord> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < 2 && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          ByteBuffer bytes = ByteBuffer.wrap(record.value());
          assertThat(bytes.get()).isZero();
          int id = bytes.getInt();
          String body =
              http.send(
                      HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/schemas/ids/" + id))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
          Schema schema = new Schema.Parser().parse(JSON.readTree(body).get("schema").asText());
          records.add(
              new GenericDatumReader<GenericRecord>(schema)
                  .read(
                      null,
                      DecoderFactory.get()
                          .binaryDecoder(record.value(), 5, record.value().length - 5, null)));
        }
      }
    }
    return records;
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CampaignCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute(concat(new String[] {command}, args));
    return new Result(exit, out.toString(), err.toString());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
