package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.librarycampaign.platform.json.Samples.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import library.campaign.events.ConflictEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.librarycampaign.platform.topics.CampaignTopic;

/** write then parse gives the record back, for every type; parse then write gives the line back. */
class EventJsonRoundTripTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EventJson json = new EventJson();

  static Stream<SpecificRecord> inputValues() {
    return Samples.inputValues().stream();
  }

  static Stream<SpecificRecord> outputValues() {
    return Samples.outputValues().stream();
  }

  static Stream<SpecificRecord> allValues() {
    return Stream.concat(inputValues(), outputValues());
  }

  @ParameterizedTest
  @MethodSource("inputValues")
  void everyInputTypeComesBackEqual(SpecificRecord value) {
    String line = json.write(value);

    ParsedEvent event = json.parse(line);

    assertThat(event.value()).isEqualTo(value);
    assertThat(event.value().getClass()).isEqualTo(event.topic().valueClass());
    assertThat(json.parse(json.write(event.value())).value()).isEqualTo(event.value());
  }

  @ParameterizedTest
  @MethodSource("outputValues")
  void everyOutputTypeComesBackEqual(SpecificRecord value) {
    ParsedEvent event = json.parseAny(json.write(value));

    assertThat(event.value()).isEqualTo(value);
    assertThat(event.topic().valueClass()).isEqualTo(value.getClass());
    assertThat(event.eventTime()).isNull();
  }

  @ParameterizedTest
  @MethodSource("allValues")
  void everyLineHoldingAllFieldsIsWrittenBackAsItCame(SpecificRecord value) throws Exception {
    String line = json.write(value);
    JsonNode given = MAPPER.readTree(line);

    ObjectNode written = json.toJson(json.parseAny(line).value());

    assertThat(written).isEqualTo(given);
    assertThat(line).doesNotContain("\n").doesNotContain("null");
  }

  @ParameterizedTest
  @MethodSource("allValues")
  void typeComesFirstThenTheFieldsInSchemaOrder(SpecificRecord value) {
    ObjectNode written = json.toJson(value);

    Schema schema = value.getSchema();
    if (schema.getFields().size() == 1 && schema.getFields().get(0).name().equals("event")) {
      schema = ((SpecificRecord) value.get(0)).getSchema();
    }
    List<String> expected = new ArrayList<>(List.of("type"));
    schema.getFields().forEach(field -> expected.add(field.name()));
    List<String> names = new ArrayList<>();
    written.fieldNames().forEachRemaining(names::add);
    assertThat(names).isEqualTo(expected); // every sample sets every field
  }

  @Test
  void outputLinesAreWrittenInTheirDesignForm() {
    assertThat(json.write(Samples.postDecision()))
        .isEqualTo(
            line(
                "{'type':'PostDecision','postId':'p1','revision':2,'branchId':'eastside',"
                    + "'channelId':'eastside/FACEBOOK','category':'CAMPAIGN','campaignId':'budget-2027',"
                    + "'scheduledAt':'2026-12-01T15:00:00Z','status':'HELD','released':false,"
                    + "'reasons':[{'code':'RATIO_LIMIT','message':'2 more content posts this week would free it',"
                    + "'nextDayWithRoom':'2026-12-02','contentPostsNeeded':2}],"
                    + "'warnings':[{'code':'HASHTAG_USED_BEFORE','message':'#FundOurLibrary was first used by westside',"
                    + "'hashtag':'#FundOurLibrary','firstUsedBy':'westside','firstUsedAt':'2026-10-01T12:00:00.001Z'}],"
                    + "'window':{'start':'2026-11-30T06:00:00Z','end':'2026-12-07T06:00:00Z','content':3,"
                    + "'campaign':1,'allowedCampaign':1},'decidedAt':'2026-11-27T10:00:01Z',"
                    + "'override':{'reviewer':'comms-lead','reason':'Agreed with the board',"
                    + "'at':'2026-11-27T11:00:00Z'},'reviews':[{'revision':1,'action':'RESCHEDULE',"
                    + "'reviewer':'comms-lead','reason':'The suggested slot',"
                    + "'at':'2026-11-27T09:00:00Z','scheduledAt':'2026-12-01T15:00:00Z'}],"
                    + "'signOff':{'required':true,'signedBy':'comms-lead',"
                    + "'signedAt':'2026-11-27T11:00:00Z'},'review':{'revision':1,"
                    + "'action':'RESCHEDULE','reviewer':'comms-lead','reason':'The suggested slot',"
                    + "'at':'2026-11-27T09:00:00Z','scheduledAt':'2026-12-01T15:00:00Z'}}"));
    assertThat(json.write(new ConflictEvent(Samples.conflictCleared())))
        .isEqualTo(
            line(
                "{'type':'ConflictCleared','postId':'p1','milestoneId':'m2','branchId':'eastside',"
                    + "'cause':'POST_MOVED','message':'The post no longer clashes with the county fair',"
                    + "'clearedAt':'2026-11-28T10:00:00Z'}"));
    assertThat(json.toJson(Samples.deadLetter()).get("value").textValue()).isEqualTo("AAEC//4=");
    assertThat(json.toJson(Samples.deadLetter()).get("key").textValue()).isEqualTo("ZWFzdHNpZGU=");
  }

  @Test
  void anInnerRecordIsWrittenLikeItsEnvelope() {
    PostDrafted post = Samples.postDrafted();

    assertThat(json.write(post)).isEqualTo(json.write(new PostEvent(post)));
    assertThat(json.toJson(post).get("type").textValue()).isEqualTo("PostDrafted");
  }

  @Test
  void nullOptionalFieldsAreLeftOutAndEmptyArraysKept() {
    PostDrafted post = Samples.postDrafted();
    post.put("campaignId", null);
    post.put("author", null);
    post.put("hashtags", List.of());

    ObjectNode written = json.toJson(post);

    assertThat(written.has("campaignId")).isFalse();
    assertThat(written.has("author")).isFalse();
    assertThat(written.get("hashtags").isArray()).isTrue();
    assertThat(written.get("hashtags")).isEmpty();
  }

  @Test
  void outputRecordsHaveTheKeysOfTheirTopics() {
    assertThat(json.parseAny(json.write(Samples.postDecision())).key()).isEqualTo("p1");
    assertThat(json.parseAny(json.write(new ConflictEvent(Samples.conflictDetected()))).key())
        .isEqualTo("p1");
    ParsedEvent gap = json.parseAny(json.write(new ConflictEvent(Samples.amplifyGap())));
    assertThat(gap.key()).isEqualTo("gap:m1/eastside");
    assertThat(gap.topic()).isEqualTo(CampaignTopic.CONFLICTS);
    assertThat(json.parseAny(json.write(Samples.notification())).key()).isEqualTo("i1/0/r1/EMAIL");
    assertThat(json.parseAny(json.write(Samples.deliveryReceipt())).key())
        .isEqualTo("i1/0/r1/EMAIL");
    assertThat(json.parseAny(json.write(Samples.incidentStatus())).key()).isEqualTo("i1");
    assertThat(json.parseAny(json.write(Samples.deadLetter())).key()).isEqualTo("eastside");
  }

  @Test
  void parseAcceptsNoOutputType() {
    for (SpecificRecord value : Samples.outputValues()) {
      String line = json.write(value);
      assertThatThrownBy(() -> json.parse(line))
          .isInstanceOfSatisfying(
              InvalidEventException.class,
              e ->
                  assertThat(e.errors())
                      .singleElement()
                      .satisfies(
                          error -> {
                            assertThat(error.field()).isEqualTo("type");
                            assertThat(error.message())
                                .contains("written by the pipeline")
                                .contains("expected one of PostDrafted");
                          }));
    }
  }

  @Test
  void aRecordThatBreaksItsSchemaIsNotWritten() {
    PostDrafted post = Samples.postDrafted();
    post.put("text", null); // the builder would refuse it

    assertThatThrownBy(() -> json.write(post))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> json.write(new PostEvent()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharedBetweenThreads() throws Exception {
    List<String> lines = Samples.inputValues().stream().map(json::write).toList();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 200; i++) {
                    for (String line : lines) {
                      assertThat(json.write(json.parse(line))).isEqualTo(line);
                    }
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
  }
}
