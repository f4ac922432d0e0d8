package org.librarycampaign.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Input lines in the JSON form of events (docs/ARCHITECTURE.md#the-json-form-of-events), as a
 * branch system or a plan file writes them.
 */
public final class Lines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Lines() {}

  public static String policy(
      String branchId,
      String platform,
      Integer contentPerCampaign,
      Integer maxPostsPerDay,
      String zone,
      Boolean politicalSpeechAllowed) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "ChannelPolicy");
    node.put("branchId", branchId);
    node.put("platform", platform);
    node.put("contentPerCampaign", contentPerCampaign);
    node.put("maxPostsPerDay", maxPostsPerDay);
    node.put("zone", zone);
    node.put("politicalSpeechAllowed", politicalSpeechAllowed);
    return node.toString();
  }

  /**
   * A directory of officials for a branch ({@code *}: every branch without its own); each official
   * as name, office, then platform and handle pairs.
   */
  public static String officials(String branchId, String[]... officials) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "Officials");
    node.put("branchId", branchId);
    ArrayNode list = node.putArray("officials");
    for (String[] official : officials) {
      ObjectNode entry = list.addObject();
      entry.put("name", official[0]);
      entry.put("office", official[1]);
      ObjectNode handles = entry.putObject("handles");
      for (int i = 2; i + 1 < official.length; i += 2) {
        handles.put(official[i], official[i + 1]);
      }
    }
    return node.toString();
  }

  /** One official for {@link #officials}: name, office, then platform and handle pairs. */
  public static String[] official(String name, String office, String... platformsAndHandles) {
    String[] official = new String[2 + platformsAndHandles.length];
    official[0] = name;
    official[1] = office;
    System.arraycopy(platformsAndHandles, 0, official, 2, platformsAndHandles.length);
    return official;
  }

  /**
   * A campaign post with everything a good post has: call to action, link, official, an image and a
   * video (so that no tip applies: services/governance/README.md#tips).
   */
  public static Post campaign(String postId) {
    return new Post(postId)
        .category("CAMPAIGN")
        .campaignId("budget-2027")
        .text("Tell the board: fund our library!")
        .mentions("@CountyExec")
        .links("https://example.org/budget")
        .media("IMAGE", "VIDEO");
  }

  /** A content post with an image. */
  public static Post content(String postId) {
    return new Post(postId).category("CONTENT").text("Story time this Saturday").images(1);
  }

  public static String withdrawn(String postId, String branchId, String reason, String at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "PostWithdrawn");
    node.put("postId", postId);
    node.put("branchId", branchId);
    node.put("platform", "FACEBOOK");
    node.put("reason", reason);
    node.put("withdrawnAt", at);
    return node.toString();
  }

  /**
   * A branch's settings ({@code *}: every branch without its own) naming only a zone; null names
   * none, so the zone falls back field by field (README.md, "Local time").
   */
  public static String branchSettings(String branchId, String zone) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "BranchSettings");
    node.put("branchId", branchId);
    node.put("zone", zone);
    return node.toString();
  }

  /** A channel policy that sets only its sign-off (NONE, CAMPAIGN or ALL). */
  public static String signOffPolicy(String branchId, String platform, String signOff) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "ChannelPolicy");
    node.put("branchId", branchId);
    node.put("platform", platform);
    node.put("signOff", signOff);
    return node.toString();
  }

  /**
   * A PostReviewed line of an eastside/FACEBOOK post by reviewer "ana".
   *
   * @param scheduledAt RESCHEDULE: the new time; else null
   */
  public static String reviewed(
      String postId, int revision, String action, String reason, String at, String scheduledAt) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "PostReviewed");
    node.put("postId", postId);
    node.put("revision", revision);
    node.put("branchId", "eastside");
    node.put("platform", "FACEBOOK");
    node.put("action", action);
    if (reason != null) {
      node.put("reason", reason);
    }
    node.put("reviewer", "ana");
    node.put("reviewedAt", at);
    if (scheduledAt != null) {
      node.put("scheduledAt", scheduledAt);
    }
    return node.toString();
  }

  public static String reported(String incidentId, String branchId, String severity, String at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "IncidentReported");
    node.put("incidentId", incidentId);
    node.put("branchId", branchId);
    node.put("severity", severity);
    node.put("category", "BOOK_CHALLENGE");
    node.put("summary", "Challenge to a picture book");
    node.put("reportedAt", at);
    return node.toString();
  }

  public static String acknowledged(String incidentId, String branchId, String at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "IncidentAcknowledged");
    node.put("incidentId", incidentId);
    node.put("branchId", branchId);
    node.put("by", "director");
    node.put("at", at);
    return node.toString();
  }

  public static String resolved(String incidentId, String branchId, String at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "IncidentResolved");
    node.put("incidentId", incidentId);
    node.put("branchId", branchId);
    node.put("by", "director");
    node.put("at", at);
    node.put("resolution", "The book stays");
    return node.toString();
  }

  /** A PostDrafted line, eastside/FACEBOOK by default. */
  public static final class Post {
    private final ObjectNode node = JSON.createObjectNode();

    private Post(String postId) {
      node.put("type", "PostDrafted");
      node.put("postId", postId);
      node.put("revision", 1);
      node.put("branchId", "eastside");
      node.put("platform", "FACEBOOK");
      node.put("text", "");
      node.put("scheduledAt", "2026-12-01T15:00:00Z");
      node.put("author", "jlee");
      node.put("draftedAt", "2026-11-27T10:00:00Z");
    }

    public Post revision(int revision) {
      node.put("revision", revision);
      return this;
    }

    public Post branch(String branchId) {
      node.put("branchId", branchId);
      return this;
    }

    public Post platform(String platform) {
      node.put("platform", platform);
      return this;
    }

    public Post category(String category) {
      node.put("category", category);
      return this;
    }

    public Post campaignId(String campaignId) {
      node.put("campaignId", campaignId);
      return this;
    }

    public Post text(String text) {
      node.put("text", text);
      return this;
    }

    public Post hashtags(String... tags) {
      return array("hashtags", List.of(tags));
    }

    public Post mentions(String... mentions) {
      return array("mentions", List.of(mentions));
    }

    public Post links(String... links) {
      return array("links", List.of(links));
    }

    public Post images(int count) {
      ArrayNode media = node.putArray("media");
      for (int i = 0; i < count; i++) {
        media.addObject().put("kind", "IMAGE").put("url", "https://example.org/image" + i + ".png");
      }
      return this;
    }

    /** Attachments of these kinds (IMAGE, VIDEO, GIF, ...), replacing any. */
    public Post media(String... kinds) {
      ArrayNode media = node.putArray("media");
      for (int i = 0; i < kinds.length; i++) {
        media.addObject().put("kind", kinds[i]).put("url", "https://example.org/media" + i);
      }
      return this;
    }

    /** The post goes out at this instant. */
    public Post at(String scheduledAt) {
      node.put("scheduledAt", scheduledAt);
      return this;
    }

    /** The branch drafted it at this instant (the record's time). */
    public Post drafted(String draftedAt) {
      node.put("draftedAt", draftedAt);
      return this;
    }

    private Post array(String field, List<String> values) {
      ArrayNode array = node.putArray(field);
      values.forEach(array::add);
      return this;
    }

    public String line() {
      return node.toString();
    }

    @Override
    public String toString() {
      return line();
    }
  }
}
