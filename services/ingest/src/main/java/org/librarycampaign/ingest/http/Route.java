package org.librarycampaign.ingest.http;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route of the ingest API: the one list both the server and the OpenAPI document are made
 * from. Path parameters are named after the event field they fill in.
 */
public enum Route {
  EVENTS(
      HandlerType.POST,
      "/v1/events",
      null,
      Access.TOKEN,
      "Send events",
      "One event object or an array of them, each with its \"type\" (the JSON form of events)."
          + " Every event is checked before any is written: a body is accepted whole or not at"
          + " all."),
  POSTS(
      HandlerType.POST,
      "/v1/posts",
      "PostDrafted",
      Access.TOKEN,
      "Draft or revise a post",
      "A PostDrafted; \"type\" may be left out. A higher revision of a postId replaces the"
          + " earlier one; sending the same revision again changes nothing."),
  WITHDRAW_POST(
      HandlerType.POST,
      "/v1/posts/{postId}/withdraw",
      "PostWithdrawn",
      Access.TOKEN,
      "Withdraw a post",
      "A PostWithdrawn; postId comes from the path."),
  REVIEW_POST(
      HandlerType.POST,
      "/v1/posts/{postId}/review",
      "PostReviewed",
      Access.TOKEN,
      "Review a post",
      "A PostReviewed; postId comes from the path. action APPROVE (a held revision is approved"
          + " with an override; an approved one is signed off), REJECT or RESCHEDULE (with the"
          + " new scheduledAt); reason required for APPROVE and REJECT. Only the latest revision"
          + " counts. The admin token, or the branch's reviewer token; a branch token may not"
          + " review."),
  MILESTONES(
      HandlerType.POST,
      "/v1/milestones",
      "Milestone",
      Access.TOKEN,
      "Announce, change or cancel a milestone",
      "A Milestone. branchId \"*\" (every branch) needs the admin token."),
  INCIDENTS(
      HandlerType.POST,
      "/v1/incidents",
      "IncidentReported",
      Access.TOKEN,
      "Report an incident",
      "An IncidentReported: the branch's response plan is set in motion."),
  ACKNOWLEDGE_INCIDENT(
      HandlerType.POST,
      "/v1/incidents/{incidentId}/ack",
      "IncidentAcknowledged",
      Access.TOKEN,
      "Acknowledge an incident",
      "An IncidentAcknowledged; incidentId comes from the path. Escalation stops."),
  RESOLVE_INCIDENT(
      HandlerType.POST,
      "/v1/incidents/{incidentId}/resolve",
      "IncidentResolved",
      Access.TOKEN,
      "Resolve an incident",
      "An IncidentResolved; incidentId comes from the path."),
  CHANNEL_POLICY(
      HandlerType.PUT,
      "/v1/channels/{branchId}/{platform}/policy",
      "ChannelPolicy",
      Access.ADMIN,
      "Set a channel's policy",
      "A ChannelPolicy; branchId and platform come from the path. Admin token only."),
  RESPONSE_PLAN(
      HandlerType.PUT,
      "/v1/response-plans/{branchId}",
      "ResponsePlan",
      Access.ADMIN,
      "Set a branch's response plan",
      "A ResponsePlan; branchId comes from the path (\"*\": the plan of every branch without"
          + " its own). Admin token only."),
  BRANCH_SETTINGS(
      HandlerType.PUT,
      "/v1/branches/{branchId}/settings",
      "BranchSettings",
      Access.ADMIN,
      "Set a branch's settings",
      "A BranchSettings (time zone, report contacts, posting window); branchId comes from the"
          + " path (\"*\": the default of every branch without settings of its own). Admin token"
          + " only."),
  OFFICIALS(
      HandlerType.PUT,
      "/v1/officials/{branchId}",
      "Officials",
      Access.ADMIN,
      "Set a branch's directory of officials",
      "An Officials directory: each official's name, office and handle per platform (keyed by"
          + " platform, e.g. {\"X\": \"@CountyExec\"}). branchId comes from the path (\"*\": the"
          + " directory of every branch without its own). A campaign post that tags none of the"
          + " officials on its platform is warned NO_OFFICIALS_TAGGED. Admin token only."),
  POST_DECISION(
      HandlerType.GET,
      "/v1/posts/{postId}/decision",
      null,
      Access.TOKEN,
      "The latest decision on a post",
      "The latest PostDecision of the post (APPROVED, HELD, REJECTED, WITHDRAWN), in the JSON form"
          + " of events. A branch token reads its own branch's posts only."),
  OPENAPI(
      HandlerType.GET,
      "/v1/openapi.json",
      null,
      Access.PUBLIC,
      "This API, as an OpenAPI 3 document",
      "No token needed.");

  /** Who may call a route. */
  public enum Access {
    /** Anyone. */
    PUBLIC,
    /** Any known token; what it may write is checked per event. */
    TOKEN,
    /** The admin token only. */
    ADMIN
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

  private final HandlerType method;
  private final String path;
  private final String eventType;
  private final Access access;
  private final String summary;
  private final String description;

  Route(
      HandlerType method,
      String path,
      String eventType,
      Access access,
      String summary,
      String description) {
    this.method = method;
    this.path = path;
    this.eventType = eventType;
    this.access = access;
    this.summary = summary;
    this.description = description;
  }

  public HandlerType method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The one event type a convenience route takes; null for the others. */
  public String eventType() {
    return eventType;
  }

  public Access access() {
    return access;
  }

  public String summary() {
    return summary;
  }

  public String description() {
    return description;
  }

  /** Whether it writes events (and so answers 202, 400, 413, 415). */
  public boolean writes() {
    return !method.equals(HandlerType.GET);
  }

  /** The names of its path parameters, in order; each is the event field it fills in. */
  public List<String> pathParameters() {
    List<String> names = new ArrayList<>();
    Matcher matcher = PARAMETER.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
