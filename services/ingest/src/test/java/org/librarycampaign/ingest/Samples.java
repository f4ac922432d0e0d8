package org.librarycampaign.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One valid event of every type that can be sent in, in the JSON form of events
 * (docs/ARCHITECTURE.md#the-json-form-of-events).
 */
public final class Samples {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static final String POST_DRAFTED =
      """
      {"type":"PostDrafted","postId":"p1","revision":1,"branchId":"eastside","platform":"FACEBOOK",\
      "category":"CAMPAIGN","campaignId":"budget-2027","text":"Come to the budget hearing!",\
      "hashtags":["#FundOurLibrary"],"mentions":["@CountyExec"],\
      "links":["https://library.example.org/budget"],\
      "media":[{"kind":"IMAGE","url":"https://library.example.org/poster.png","altText":"Poster"}],\
      "scheduledAt":"2026-12-01T15:00:00Z","author":"jlee","draftedAt":"2026-11-27T10:00:00Z"}""";

  public static final String POST_WITHDRAWN =
      """
      {"type":"PostWithdrawn","postId":"p1","branchId":"eastside","platform":"FACEBOOK",\
      "reason":"hearing moved","withdrawnAt":"2026-11-28T09:00:00Z"}""";

  public static final String POST_REVIEWED =
      """
      {"type":"PostReviewed","postId":"p1","revision":1,"branchId":"eastside","platform":"FACEBOOK",\
      "action":"REJECT","reason":"Off message for the hearing","reviewer":"ana",\
      "reviewedAt":"2026-11-28T09:00:00Z"}""";

  public static final String MILESTONE =
      """
      {"type":"Milestone","milestoneId":"m1","revision":1,"kind":"COMMUNITY_EVENT","stance":"AVOID",\
      "campaignId":null,"branchId":"eastside","title":"County fair",\
      "startsAt":"2026-12-05T14:00:00Z","endsAt":"2026-12-05T20:00:00Z","bufferMinutes":120,\
      "cancelled":false}""";

  public static final String INCIDENT_REPORTED =
      """
      {"type":"IncidentReported","incidentId":"i1","branchId":"eastside","severity":"HIGH",\
      "category":"BOOK_CHALLENGE","summary":"Challenge to a picture book","reportedBy":"desk",\
      "reportedAt":"2026-11-29T08:00:00Z"}""";

  public static final String INCIDENT_ACKNOWLEDGED =
      """
      {"type":"IncidentAcknowledged","incidentId":"i1","branchId":"eastside","by":"director",\
      "at":"2026-11-29T08:10:00Z"}""";

  public static final String INCIDENT_RESOLVED =
      """
      {"type":"IncidentResolved","incidentId":"i1","branchId":"eastside","by":"director",\
      "at":"2026-11-30T12:00:00Z","resolution":"Reviewed; book stays"}""";

  public static final String INCIDENT_ESCALATION_REQUESTED =
      """
      {"type":"IncidentEscalationRequested","incidentId":"i1","branchId":"eastside",\
      "by":"director","at":"2026-11-29T08:05:00Z","via":"SMS"}""";

  public static final String CHANNEL_POLICY =
      """
      {"type":"ChannelPolicy","branchId":"eastside","platform":"FACEBOOK","contentPerCampaign":3,\
      "maxPostsPerDay":3,"zone":"America/Chicago","politicalSpeechAllowed":false,\
      "minMinutesBetweenPosts":30,"maxCampaignPostsPerWeek":4}""";

  public static final String RESPONSE_PLAN =
      """
      {"type":"ResponsePlan","branchId":"*","steps":["Do not comment","Call the director"],\
      "tiers":[{"ackTimeoutMinutes":15,"responders":[{"responderId":"r1","name":"Ana",\
      "role":"Director","minSeverity":"MEDIUM","contacts":[{"channel":"EMAIL",\
      "address":"ana@library.example.org"},{"channel":"WEBHOOK",\
      "address":"https://hooks.example.org/crisis"}]}]}]}""";

  public static final String ROTATION_OVERRIDE =
      """
      {"type":"RotationOverride","branchId":"*","rotationId":"duty","overrideId":"ali-covers",\
      "responderId":"ali","from":"2026-11-26","until":"2026-11-29","reason":"Kim is away"}""";

  public static final String BRANCH_SETTINGS =
      """
      {"type":"BranchSettings","branchId":"eastside","zone":"America/Chicago",\
      "reportContacts":["director@library.example.org"],\
      "postingWindow":{"from":"08:00","to":"21:00"}}""";
  public static final String OFFICIALS =
      """
      {"type":"Officials","branchId":"eastside","officials":[{"name":"Dana Reyes",\
      "office":"County Executive","handles":{"X":"@CountyExec","FACEBOOK":"@countyexec"}}]}""";

  public static final String POST_DECISION =
      """
      {"type":"PostDecision","postId":"p1","revision":1,"branchId":"eastside",\
      "channelId":"eastside/FACEBOOK","category":"CAMPAIGN","campaignId":"budget-2027",\
      "scheduledAt":"2026-12-01T15:00:00Z","status":"HELD","released":false,\
      "reasons":[{"code":"RATIO_LIMIT","message":"2 more content posts this week free it",\
      "contentPostsNeeded":2}],"warnings":[],"decidedAt":"2026-11-27T10:00:01Z"}""";

  private Samples() {}

  /** Every input sample by type. */
  public static Map<String, String> byType() {
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("PostDrafted", POST_DRAFTED);
    samples.put("PostWithdrawn", POST_WITHDRAWN);
    samples.put("PostReviewed", POST_REVIEWED);
    samples.put("Milestone", MILESTONE);
    samples.put("IncidentReported", INCIDENT_REPORTED);
    samples.put("IncidentAcknowledged", INCIDENT_ACKNOWLEDGED);
    samples.put("IncidentResolved", INCIDENT_RESOLVED);
    samples.put("IncidentEscalationRequested", INCIDENT_ESCALATION_REQUESTED);
    samples.put("ChannelPolicy", CHANNEL_POLICY);
    samples.put("ResponsePlan", RESPONSE_PLAN);
    samples.put("RotationOverride", ROTATION_OVERRIDE);
    samples.put("BranchSettings", BRANCH_SETTINGS);
    samples.put("Officials", OFFICIALS);
    return samples;
  }

  /** A fresh, modifiable copy of a sample. */
  public static ObjectNode object(String sample) {
    try {
      return (ObjectNode) MAPPER.readTree(sample);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A sample with some fields replaced (a value of null removes the field). */
  public static String with(String sample, Map<String, Object> changes) {
    ObjectNode node = object(sample);
    changes.forEach(
        (field, value) -> {
          if (value == null) {
            node.remove(field);
          } else {
            node.set(field, MAPPER.valueToTree(value));
          }
        });
    return node.toString();
  }
}
