package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.librarycampaign.platform.json.Samples.line;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentEvent;
import library.campaign.events.PostEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the JSON form, with the field path it names. */
class EventJsonValidationTest {

  private static final String INPUT_TYPES =
      "PostDrafted, PostWithdrawn, PostReviewed, Milestone, IncidentReported, IncidentAcknowledged, "
          + "IncidentResolved, IncidentEscalationRequested, ChannelPolicy, ResponsePlan, "
          + "RotationOverride, BranchSettings, Officials, Tick";

  private final EventJson json = new EventJson();

  private List<FieldError> errorsOf(String line) {
    InvalidEventException e =
        catchThrowableOfType(InvalidEventException.class, () -> json.parse(line));
    assertThat(e).as("%s is refused", line).isNotNull();
    return e.errors();
  }

  private List<FieldError> errorsOf(ObjectNode line) {
    return errorsOf(line.toString());
  }

  private void assertAccepted(ObjectNode line) {
    json.parse(line.toString());
  }

  private ObjectNode post() {
    return json.toJson(new PostEvent(Samples.postDrafted()));
  }

  private ObjectNode milestone() {
    return json.toJson(Samples.milestone());
  }

  private ObjectNode policy() {
    return json.toJson(Samples.channelPolicy());
  }

  private ObjectNode plan() {
    return json.toJson(Samples.responsePlan());
  }

  private static ObjectNode contact(ObjectNode plan, int index) {
    return (ObjectNode) plan.at("/tiers/0/responders/0/contacts/" + index);
  }

  @Nested
  class TheWholeLine {

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"type\":", "{'type':'Tick'}", "{} {}", "{\"a\":1,}"})
    void notJson(String line) {
      assertThat(errorsOf(line))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("$");
                assertThat(error.message()).startsWith("not a JSON object: ");
              });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"Tick\"", "42", "null", "true", "", "   "})
    void notAnObject(String line) {
      assertThat(errorsOf(line))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("$");
                assertThat(error.message()).startsWith("not a JSON object: ");
              });
    }

    @Test
    void noLineAtAll() {
      assertThat(errorsOf((String) null)).extracting(FieldError::field).containsExactly("$");
    }

    @Test
    void aFieldGivenTwice() {
      assertThat(
              errorsOf(
                  line("{'type':'Tick','at':'2026-12-01T15:00:00Z','at':'2026-12-01T15:00:00Z'}")))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("$");
                assertThat(error.message()).contains("Duplicate field 'at'");
              });
    }

    @Test
    void aTreeThatIsNoObject() {
      assertThatThrownBy(() -> json.parse(JsonNodeFactory.instance.arrayNode()))
          .isInstanceOfSatisfying(
              InvalidEventException.class,
              e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("$"));
    }
  }

  @Nested
  class TheType {

    @Test
    void missing() {
      assertThat(errorsOf(line("{'at':'2026-12-01T15:00:00Z'}")))
          .containsExactly(new FieldError("type", "required; expected one of " + INPUT_TYPES));
    }

    @Test
    void nullType() {
      assertThat(errorsOf(line("{'type':null}")))
          .containsExactly(new FieldError("type", "required; expected one of " + INPUT_TYPES));
    }

    @Test
    void unknown() {
      assertThat(errorsOf(line("{'type':'PostDraft','postId':'p1'}")))
          .containsExactly(
              new FieldError("type", "unknown type \"PostDraft\"; expected one of " + INPUT_TYPES));
    }

    @Test
    void namesAreCaseSensitive() {
      assertThat(errorsOf(line("{'type':'tick','at':'2026-12-01T15:00:00Z'}")))
          .extracting(FieldError::field)
          .containsExactly("type");
    }

    @Test
    void notAString() {
      assertThat(errorsOf(line("{'type':7}")))
          .containsExactly(
              new FieldError("type", "expected a string; expected one of " + INPUT_TYPES));
    }

    @Test
    void envelopeNamesAreNoTypes() {
      assertThat(errorsOf(line("{'type':'PostEvent'}")))
          .extracting(FieldError::field)
          .containsExactly("type");
      assertThat(errorsOf(line("{'type':'MilestoneEvent'}")))
          .extracting(FieldError::field)
          .containsExactly("type");
    }

    @Test
    void outputTypesAreNotSentIn() {
      ObjectNode decision = json.toJson(new ConflictEvent(Samples.amplifyGap()));
      assertThat(errorsOf(decision))
          .containsExactly(
              new FieldError(
                  "type",
                  "AmplifyGap is written by the pipeline and cannot be sent in; expected one of "
                      + INPUT_TYPES));
    }
  }

  @Nested
  class Fields {

    @Test
    void requiredFieldMissing() {
      ObjectNode post = post();
      post.remove("text");
      post.remove("draftedAt");

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("text", "required"), new FieldError("draftedAt", "required"));
    }

    @Test
    void requiredFieldNull() {
      ObjectNode post = post();
      post.putNull("platform");

      assertThat(errorsOf(post)).containsExactly(new FieldError("platform", "required"));
    }

    @Test
    void nestedRequiredField() {
      ObjectNode plan = plan();
      ((ObjectNode) plan.at("/tiers/0/responders/0")).remove("name");
      ((ObjectNode) plan.at("/tiers/1")).remove("ackTimeoutMinutes");

      assertThat(errorsOf(plan))
          .containsExactly(
              new FieldError("tiers[0].responders[0].name", "required"),
              new FieldError("tiers[1].ackTimeoutMinutes", "required"));
    }

    @Test
    void optionalFieldsMayBeNullOrLeftOut() {
      ObjectNode post = post();
      post.putNull("campaignId");
      post.remove("author");
      post.putNull("mentions"); // has a default: takes it
      ((ObjectNode) post.at("/media/0")).putNull("altText");

      assertAccepted(post);
    }

    @Test
    void unknownField() {
      ObjectNode post = post();
      post.put("hashtag", "#typo");
      ((ObjectNode) post.at("/media/0")).put("alt", "typo");

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("media[0].alt", "unknown field"),
              new FieldError("hashtag", "unknown field"));
    }

    @Test
    void typeIsAFieldOnlyAtTheTop() {
      ObjectNode post = post();
      ((ObjectNode) post.at("/media/0")).put("type", "Media");

      assertThat(errorsOf(post)).containsExactly(new FieldError("media[0].type", "unknown field"));
    }

    @Test
    void expectedAString() {
      ObjectNode post = post();
      post.put("text", 5);
      ((ArrayNode) post.get("hashtags")).add(true);

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("text", "expected a string"),
              new FieldError("hashtags[2]", "expected a string"));
    }

    @Test
    void expectedAnInteger() {
      ObjectNode post = post();
      post.put("revision", "2");

      assertThat(errorsOf(post))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("revision");
                assertThat(error.message()).startsWith("expected an integer");
              });
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"2147483648", "-2147483649", "1.5", "2.0", "1e2", "99999999999999999999"})
    void integersMustBeWholeAndFitAnInt(String number) {
      String line =
          policy()
              .toString()
              .replace("\"contentPerCampaign\":4", "\"contentPerCampaign\":" + number);

      assertThat(errorsOf(line))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("contentPerCampaign");
                assertThat(error.message()).startsWith("expected an integer");
              });
    }

    @Test
    void largestIntIsFine() {
      ObjectNode policy = policy();
      policy.put("maxPostsPerDay", Integer.MAX_VALUE);

      assertAccepted(policy);
    }

    @Test
    void expectedTrueOrFalse() {
      ObjectNode policy = policy();
      policy.put("politicalSpeechAllowed", "false");

      assertThat(errorsOf(policy))
          .containsExactly(new FieldError("politicalSpeechAllowed", "expected true or false"));
    }

    @Test
    void expectedAnArray() {
      ObjectNode post = post();
      post.put("hashtags", "#FundOurLibrary");

      assertThat(errorsOf(post)).containsExactly(new FieldError("hashtags", "expected an array"));
    }

    @Test
    void expectedAnObject() {
      ObjectNode post = post();
      ((ArrayNode) post.get("media")).add("https://library.example.org/a.png");

      assertThat(errorsOf(post)).containsExactly(new FieldError("media[1]", "expected an object"));
    }

    @Test
    void enumSymbolsAreStrict() {
      ObjectNode post = post();
      post.put("platform", "facebook");
      post.put("category", "ADVOCACY");

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError(
                  "platform",
                  "must be one of X, FACEBOOK, INSTAGRAM, THREADS, BLUESKY, MASTODON, LINKEDIN, "
                      + "YOUTUBE, TIKTOK, OTHER"),
              new FieldError("category", "must be one of CONTENT, CAMPAIGN"));
    }

    @Test
    void nestedEnum() {
      ObjectNode plan = plan();
      ((ObjectNode) plan.at("/tiers/0/responders/0")).put("minSeverity", "SEVERE");
      contact(plan, 1).put("channel", 2);

      assertThat(errorsOf(plan))
          .containsExactly(
              new FieldError(
                  "tiers[0].responders[0].minSeverity",
                  "must be one of LOW, MEDIUM, HIGH, CRITICAL"),
              new FieldError(
                  "tiers[0].responders[0].contacts[1].channel",
                  "must be one of EMAIL, WEBHOOK, SMS, UNKNOWN"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "tomorrow",
          "2026-12-01",
          "2026-12-01T15:00:00",
          "2026-12-01 15:00:00Z",
          "2026-13-01T15:00:00Z",
          "2026-02-30T15:00:00Z",
          "+999999999-12-31T23:59:59Z",
          ""
        })
    void instants(String text) {
      ObjectNode post = post();
      post.put("scheduledAt", text);

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError(
                  "scheduledAt", "not an ISO-8601 instant such as 2026-12-01T15:00:00Z"));
    }

    @Test
    void epochNumbersAreNoInstants() {
      ObjectNode post = post();
      post.put("draftedAt", 1764237600000L);

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("draftedAt", "not an ISO-8601 instant such as 2026-12-01T15:00:00Z"));
    }

    @Test
    void everyErrorInTheOrderOfTheLine() {
      String line =
          line(
              "{'type':'PostDrafted','text':7,'postId':'','platform':'MYSPACE','colour':'red',"
                  + "'hashtags':['#a',1,'#b',null],'media':[{'kind':'IMAGE','url':'img.png'}],"
                  + "'revision':0,'scheduledAt':'soon','branchId':'east side','category':'CONTENT'}");

      assertThat(errorsOf(line))
          .extracting(FieldError::field)
          .containsExactly(
              "text",
              "postId",
              "platform",
              "colour",
              "hashtags[1]",
              "hashtags[3]",
              "media[0].url",
              "revision",
              "scheduledAt",
              "branchId",
              "draftedAt");
    }

    @Test
    void theMessageJoinsTheErrors() {
      ObjectNode post = post();
      post.remove("text");
      post.put("revision", 0);

      InvalidEventException e =
          catchThrowableOfType(InvalidEventException.class, () -> json.parse(post.toString()));

      assertThat(e.getMessage())
          .isEqualTo("revision: must be 1 or more (the first version is 1); text: required");
      assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Rules {

    @ParameterizedTest
    @ValueSource(strings = {"postId", "branchId", "campaignId"})
    void idsOfAPost(String field) {
      for (String bad :
          List.of(
              "",
              "  ",
              "east side",
              "east/side",
              "tab\there",
              "a\u00a0b",
              "*p",
              "p*",
              "\ud800",
              "east\u200bside", // zero-width space
              "east\u202eside", // right-to-left override
              "\u0435astside", // Cyrillic e
              "caf\u00e9",
              "p#1",
              "p".repeat(129))) {
        ObjectNode post = post();
        post.put(field, bad);
        assertThat(errorsOf(post)).extracting(FieldError::field).containsExactly(field);
      }
    }

    @Test
    void idMessages() {
      ObjectNode post = post();
      post.put("postId", " ");
      post.put("branchId", "east/side");
      post.put("campaignId", "x".repeat(129));

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("postId", "must not be empty"),
              new FieldError(
                  "branchId",
                  "must match [A-Za-z0-9._:-]{1,128}: ASCII letters, digits, '.', '_', ':' and '-'"
                      + " only"),
              new FieldError("campaignId", "must be at most 128 characters"));
    }

    @Test
    void idsOf128CharactersAreFine() {
      ObjectNode post = post();
      post.put("postId", "p".repeat(128));
      post.put("campaignId", "budget-2027.v2:East_side");

      assertAccepted(post);
    }

    @Test
    void aStarIsNoPostId() {
      ObjectNode post = post();
      post.put("postId", "*");

      assertThat(errorsOf(post)).extracting(FieldError::field).containsExactly("postId");
    }

    @Test
    void textsMustBeValidUnicode() {
      ObjectNode post = post();
      post.put("text", "fund us \ud800 now");
      ((com.fasterxml.jackson.databind.node.ArrayNode) post.get("hashtags")).add("#\udc00");

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("text", "not valid Unicode: a lone surrogate \\ud800 at character 9"),
              new FieldError(
                  "hashtags[2]", "not valid Unicode: a lone surrogate \\udc00 at character 2"));
    }

    @Test
    void aLoneSurrogateEscapedInTheLineIsRefused() {
      String line = post().toString().replace("\"text\":\"", "\"text\":\"\\ud83d");

      assertThat(errorsOf(line)).extracting(FieldError::field).containsExactly("text");
    }

    @Test
    void pairedSurrogatesCombiningMarksAndRightToLeftTextAreFine() {
      ObjectNode post = post();
      post.put(
          "text",
          "\uD83D\uDCDA Ame\u0301lie \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627");

      assertAccepted(post);
    }

    @Test
    void idsOfTheOtherTypes() {
      ObjectNode milestone = milestone();
      milestone.put("milestoneId", "m 1");
      ObjectNode incident = json.toJson(new IncidentEvent(Samples.incidentReported()));
      incident.put("incidentId", "");
      ObjectNode plan = plan();
      ((ObjectNode) plan.at("/tiers/0/responders/0")).put("responderId", "r/1");

      assertThat(errorsOf(milestone)).extracting(FieldError::field).containsExactly("milestoneId");
      assertThat(errorsOf(incident)).extracting(FieldError::field).containsExactly("incidentId");
      assertThat(errorsOf(plan))
          .extracting(FieldError::field)
          .containsExactly("tiers[0].responders[0].responderId");
    }

    @Test
    void everyBranchOnlyForMilestonesAndPlans() {
      ObjectNode milestone = milestone();
      milestone.put("branchId", "*");
      ObjectNode plan = plan();
      plan.put("branchId", "*");
      assertAccepted(milestone);
      assertAccepted(plan);

      for (ObjectNode line :
          List.of(
              post(),
              policy(),
              json.toJson(new PostEvent(Samples.postWithdrawn())),
              json.toJson(new IncidentEvent(Samples.incidentReported())),
              json.toJson(new IncidentEvent(Samples.incidentAcknowledged())),
              json.toJson(new IncidentEvent(Samples.incidentResolved())))) {
        line.put("branchId", "*");
        assertThat(errorsOf(line))
            .containsExactly(
                new FieldError(
                    "branchId",
                    "\"*\" (every branch) is only allowed on milestones and response plans; "
                        + "name the branch"));
      }
    }

    @Test
    void revisionStartsAtOne() {
      ObjectNode post = post();
      post.put("revision", 0);
      ObjectNode milestone = milestone();
      milestone.put("revision", -3);

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError("revision", "must be 1 or more (the first version is 1)"));
      assertThat(errorsOf(milestone)).extracting(FieldError::field).containsExactly("revision");
    }

    @Test
    void milestoneEndsAfterItStarts() {
      ObjectNode same = milestone();
      same.put("endsAt", same.get("startsAt").textValue());
      ObjectNode before = milestone();
      before.put("endsAt", "2026-12-01T17:59:59.999Z");
      ObjectNode justAfter = milestone();
      justAfter.put("endsAt", "2026-12-01T18:00:00.001Z");

      assertThat(errorsOf(same))
          .containsExactly(new FieldError("endsAt", "must be after startsAt"));
      assertThat(errorsOf(before))
          .containsExactly(new FieldError("endsAt", "must be after startsAt"));
      assertAccepted(justAfter);
    }

    @Test
    void milestoneEndsAtIsReportedWhereItStandsInTheLine() {
      String line =
          line(
              "{'type':'Milestone','milestoneId':'m1','endsAt':'2026-12-01T10:00:00Z','revision':0,"
                  + "'kind':'OTHER','branchId':'x','title':'T','startsAt':'2026-12-01T11:00:00Z'}");

      assertThat(errorsOf(line))
          .extracting(FieldError::field)
          .containsExactly("endsAt", "revision");
    }

    @Test
    void bufferMinutes() {
      ObjectNode milestone = milestone();
      milestone.put("bufferMinutes", -1);
      ObjectNode zero = milestone();
      zero.put("bufferMinutes", 0);

      assertThat(errorsOf(milestone))
          .containsExactly(new FieldError("bufferMinutes", "must be 0 or more minutes"));
      assertAccepted(zero);
    }

    @Test
    void ackTimeoutMinutes() {
      ObjectNode plan = plan();
      ((ObjectNode) plan.at("/tiers/1")).put("ackTimeoutMinutes", 0);

      assertThat(errorsOf(plan))
          .containsExactly(
              new FieldError("tiers[1].ackTimeoutMinutes", "must be at least 1 minute"));
    }

    @Test
    void branchSettingsMayBeForEveryBranchWithAWindowAndReportAddresses() {
      ObjectNode settings = json.toJson(Samples.branchSettings()).put("branchId", "*");
      assertAccepted(settings);

      ObjectNode bad = settings.deepCopy();
      bad.put("zone", "Chicago");
      bad.putArray("reportContacts").add("director");
      ((ObjectNode) bad.at("/postingWindow")).put("from", "8am");
      assertThat(errorsOf(bad))
          .containsExactlyInAnyOrder(
              new FieldError(
                  "zone",
                  "not a time zone; use a name such as America/Chicago, Europe/London or UTC"),
              new FieldError(
                  "reportContacts[0]", "an e-mail address must look like name@library.org"),
              new FieldError(
                  "postingWindow.from", "must be a 24-hour local time HH:mm such as 09:00"));

      ObjectNode backwards = settings.deepCopy();
      ((ObjectNode) backwards.at("/postingWindow")).put("from", "21:00").put("to", "08:00");
      assertThat(errorsOf(backwards))
          .containsExactly(
              new FieldError(
                  "postingWindow.to", "must be after from (a window ends on the day it starts)"));
    }

    @Test
    void repeatAndRotation() {
      ObjectNode plan = plan();
      ((ObjectNode) plan.at("/repeat")).put("everyMinutes", 0).put("times", 11);
      ObjectNode rotation = (ObjectNode) plan.at("/tiers/1/responders/0/rotation");
      rotation.put("handoffTime", "9am");
      rotation.put("zone", "Chicago");

      assertThat(errorsOf(plan))
          .containsExactlyInAnyOrder(
              new FieldError("repeat.everyMinutes", "must be at least 1 minute"),
              new FieldError("repeat.times", "must be from 0 to 10 repeats"),
              new FieldError(
                  "tiers[1].responders[0].rotation.handoffTime",
                  "must be a 24-hour local time HH:mm such as 09:00"),
              new FieldError(
                  "tiers[1].responders[0].rotation.zone",
                  "not a time zone; use a name such as America/Chicago, Europe/London or UTC"));

      ObjectNode ownContacts = plan();
      ((ObjectNode) ownContacts.at("/tiers/1/responders/0"))
          .putArray("contacts")
          .addObject()
          .put("channel", "SMS")
          .put("address", "+15555550100");
      assertThat(errorsOf(ownContacts))
          .containsExactly(
              new FieldError(
                  "tiers[1].responders[0].contacts",
                  "a rotation is reached through its members' contacts; leave this empty"));

      ObjectNode noMembers = plan();
      ((ObjectNode) noMembers.at("/tiers/1/responders/0/rotation")).putArray("members");
      assertThat(errorsOf(noMembers))
          .containsExactly(
              new FieldError(
                  "tiers[1].responders[0].rotation.members",
                  "a rotation needs at least one member"));
      ObjectNode noRepeats = plan();
      ((ObjectNode) noRepeats.at("/repeat")).put("times", 0);
      assertAccepted(noRepeats);
    }

    @Test
    void rotationOverrideDates() {
      ObjectNode override = json.toJson(Samples.rotationOverride());
      override.put("until", "2026-11-25");

      assertThat(errorsOf(override))
          .containsExactly(
              new FieldError("until", "must be on or after from (the last day covered)"));
      override.put("until", "2026-11-26");
      assertAccepted(override);
    }

    @Test
    void officialsNameTheirOfficeAndOneHandlePerPlatform() {
      ObjectNode officials = json.toJson(Samples.officials());
      ObjectNode official = (ObjectNode) officials.at("/officials/0");
      official.put("name", " ");
      official.put("office", "");
      ((ObjectNode) official.get("handles")).put("TWITTER", "@CountyExec");
      ((ObjectNode) official.get("handles")).put("FACEBOOK", "County Exec");

      assertThat(errorsOf(officials))
          .containsExactlyInAnyOrder(
              new FieldError("officials[0].name", "must not be empty"),
              new FieldError("officials[0].office", "must not be empty"),
              new FieldError(
                  "officials[0].handles.TWITTER",
                  "not a platform; use one of X, FACEBOOK, INSTAGRAM, THREADS, BLUESKY, MASTODON,"
                      + " LINKEDIN, YOUTUBE, TIKTOK, OTHER as the key"),
              new FieldError(
                  "officials[0].handles.FACEBOOK",
                  "must be the official's handle on that platform, one word such as"
                      + " @CountyExec"));
    }

    @Test
    void officialsOfEveryBranchWithMastodonAndBlueskyHandles() {
      ObjectNode officials = json.toJson(Samples.officials());
      officials.put("branchId", "*");
      ObjectNode handles = (ObjectNode) officials.at("/officials/0/handles");
      handles.put("MASTODON", "@exec@county.social");
      handles.put("BLUESKY", "countyexec.bsky.social");

      assertAccepted(officials);
      officials.putArray("officials");
      assertAccepted(officials);
    }

    @Test
    void channelPolicyNumbers() {
      ObjectNode policy = policy();
      policy.put("contentPerCampaign", 0);
      policy.put("maxPostsPerDay", -2);

      assertThat(errorsOf(policy))
          .containsExactly(
              new FieldError(
                  "contentPerCampaign", "must be at least 1 content post per campaign post"),
              new FieldError("maxPostsPerDay", "must be at least 1 post a day"));
    }

    @Test
    void channelPolicyPacingOutOfRange() {
      ObjectNode policy = policy();
      policy.put("minMinutesBetweenPosts", -1);
      policy.put("maxCampaignPostsPerWeek", 0);

      assertThat(errorsOf(policy))
          .containsExactly(
              new FieldError(
                  "minMinutesBetweenPosts",
                  "must be from 0 to 1440 minutes (a day); 0 or left out: no spacing"),
              new FieldError(
                  "maxCampaignPostsPerWeek",
                  "must be from 1 to 100 campaign posts a week; left out: no ceiling"));
      policy.put("minMinutesBetweenPosts", 1441);
      policy.put("maxCampaignPostsPerWeek", 101);
      assertThat(errorsOf(policy))
          .extracting(FieldError::field)
          .containsExactly("minMinutesBetweenPosts", "maxCampaignPostsPerWeek");
    }

    @Test
    void channelPolicyPacingAtItsBounds() {
      ObjectNode policy = policy();
      policy.put("minMinutesBetweenPosts", 0);
      policy.put("maxCampaignPostsPerWeek", 1);
      assertAccepted(policy);
      policy.put("minMinutesBetweenPosts", 1440);
      policy.put("maxCampaignPostsPerWeek", 100);
      assertAccepted(policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Chicagoo", "Central Time", "", "UTC+25"})
    void zone(String zone) {
      ObjectNode policy = policy();
      policy.put("zone", zone);

      assertThat(errorsOf(policy))
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("zone");
                assertThat(error.message()).startsWith("not a time zone");
              });
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/London", "America/Indiana/Indianapolis", "+02:00"})
    void goodZones(String zone) {
      ObjectNode policy = policy();
      policy.put("zone", zone);

      assertAccepted(policy);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "library.example.org/budget",
          "/budget",
          "ftp://library.example.org/budget",
          "mailto:comms@library.example.org",
          "https://",
          "https:///path",
          "https://library example.org",
          "javascript:alert(1)"
        })
    void linksAndMediaAreWebAddresses(String address) {
      ObjectNode post = post();
      ((ArrayNode) post.get("links")).add(address);
      ((ObjectNode) post.at("/media/0")).put("url", address);

      assertThat(errorsOf(post))
          .containsExactly(
              new FieldError(
                  "links[1]", "must be a full web address starting with http:// or https://"),
              new FieldError(
                  "media[0].url", "must be a full web address starting with http:// or https://"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://library.example.org",
          "HTTPS://library.example.org/a?b=c#d",
          "https://b\u00fccherei.example.de/aktion",
          "https://localhost:8080/x"
        })
    void goodWebAddresses(String address) {
      ObjectNode post = post();
      ((ArrayNode) post.get("links")).add(address);

      assertAccepted(post);
    }

    @Test
    void contactAddresses() {
      ObjectNode plan = plan();
      contact(plan, 0).put("address", "jlee.library.example.org"); // EMAIL
      contact(plan, 1).put("address", "hooks.example.org/crisis"); // WEBHOOK
      contact(plan, 2).put("address", " "); // SMS

      assertThat(errorsOf(plan))
          .containsExactly(
              new FieldError(
                  "tiers[0].responders[0].contacts[0].address",
                  "an e-mail address must look like name@library.org"),
              new FieldError(
                  "tiers[0].responders[0].contacts[1].address",
                  "a webhook address must be a full web address starting with http:// or https://"),
              new FieldError("tiers[0].responders[0].contacts[2].address", "must not be empty"));
    }

    @Test
    void contactAddressRuleFollowsTheChannel() {
      ObjectNode plan = plan();
      contact(plan, 0).put("channel", "WEBHOOK").put("address", "https://hooks.example.org/a");
      contact(plan, 1).put("channel", "EMAIL").put("address", "crisis@library.example.org");

      assertAccepted(plan);
    }

    @Test
    void noRulesForRecordsThePipelineWrote() {
      ObjectNode status = json.toJson(Samples.incidentStatus());
      status.put("branchId", "*");

      assertThat(json.parseAny(status.toString()).key()).isEqualTo("i1");
    }
  }

  @Nested
  class Reviews {

    private ObjectNode review(String action) {
      ObjectNode review = json.toJson(new PostEvent(Samples.postReviewed()));
      review.put("action", action);
      if (!action.equals("RESCHEDULE")) {
        review.remove("scheduledAt");
      }
      return review;
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REJECT", "RESCHEDULE"})
    void aCompleteReviewIsAccepted(String action) {
      assertAccepted(review(action));
    }

    @Test
    void aRescheduleNeedsItsNewTime() {
      ObjectNode review = review("RESCHEDULE");
      review.remove("scheduledAt");

      assertThat(errorsOf(review))
          .containsExactly(
              new FieldError("scheduledAt", "RESCHEDULE needs the new time the post is to go out"));
    }

    @Test
    void onlyARescheduleHasANewTime() {
      ObjectNode review = review("APPROVE");
      review.put("scheduledAt", "2026-12-02T15:00:00Z");

      assertThat(errorsOf(review))
          .containsExactly(
              new FieldError(
                  "scheduledAt", "only a RESCHEDULE has a new time; leave this out for APPROVE"));
    }

    @Test
    void aRejectionAndAnApprovalNeedAReason() {
      ObjectNode reject = review("REJECT");
      reject.remove("reason");
      ObjectNode approve = review("APPROVE");
      approve.put("reason", "  ");

      assertThat(errorsOf(reject))
          .containsExactly(
              new FieldError(
                  "reason", "a rejection needs a reason for the branch and the audit trail"));
      assertThat(errorsOf(approve))
          .containsExactly(
              new FieldError("reason", "an approval needs a reason for the audit trail"));
    }

    @Test
    void anUnknownActionIsNamed() {
      assertThat(errorsOf(review("PUBLISH")))
          .containsExactly(
              new FieldError("action", "must be one of APPROVE, REJECT, RESCHEDULE, UNKNOWN"));
      assertThat(errorsOf(review("UNKNOWN")))
          .containsExactly(new FieldError("action", "must be one of APPROVE, REJECT, RESCHEDULE"));
    }

    @Test
    void theReviewerIsNamed() {
      ObjectNode review = review("REJECT");
      review.put("reviewer", " ");

      assertThat(errorsOf(review))
          .containsExactly(new FieldError("reviewer", "must name who reviewed the post"));
    }
  }
}
