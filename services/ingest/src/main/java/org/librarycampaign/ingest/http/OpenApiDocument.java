package org.librarycampaign.ingest.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.librarycampaign.ingest.http.Route.Access;
import org.librarycampaign.ingest.respond.ResponderRoutes;
import org.librarycampaign.platform.events.EventType;

/**
 * The OpenAPI 3.0 document of the API: every {@link Route}, who may call it, what it takes (the
 * event schemas, made from the Avro contract) and every answer it gives.
 */
public final class OpenApiDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final String BEARER = "bearerAuth";

  private OpenApiDocument() {}

  /** The JSON types that can be sent in, with their Avro records, in catalogue order. */
  static Map<String, Schema> inputTypes() {
    Map<String, Schema> types = new LinkedHashMap<>();
    for (EventType type : EventType.inputs()) {
      types.put(type.jsonName(), type.schema());
    }
    return types;
  }

  /**
   * The document.
   *
   * @param maxBodyBytes the configured body limit, stated in the 413 answer
   * @param maxEventsPerRequest the configured limit on events, stated in the 413 answer too
   */
  public static ObjectNode build(int maxBodyBytes, int maxEventsPerRequest) {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", "3.0.3");
    ObjectNode info = document.putObject("info");
    info.put("title", "Campaign ingest API");
    info.put("version", "1");
    info.put(
        "description",
        String.join(
            "\n\n",
            "Branch systems send campaign events (posts, milestones, incidents) and read the"
                + " decisions on their posts. Events are the JSON form of the Avro contract;"
                + " every field is checked, and a request is accepted whole or not at all.",
            "Auth: 'Authorization: Bearer <token>'. A branch token writes and reads its own"
                + " branch only; the admin token writes every branch, events for every branch"
                + " (branchId \"*\"), channel policies, response plans and directories of"
                + " officials.",
            "Ids (postId, milestoneId, incidentId, branchId, campaignId, responderId): 1 to 128"
                + " ASCII letters, digits, '.', '_', ':' or '-'. Texts: valid Unicode (no lone"
                + " surrogates). Instants: ISO-8601 with an offset, e.g."
                + " 2026-12-01T15:00:00Z. Links and media urls: absolute http(s) addresses.",
            "202 means the broker has every record (acks=all). Ids are chosen by the sender, so"
                + " sending a request again after a timeout is safe: the processors ignore a"
                + " revision they have already seen."));
    document.putArray("security").addObject().putArray(BEARER);
    ObjectNode paths = document.putObject("paths");
    for (Route route : Route.values()) {
      ObjectNode path =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    responderPaths(paths);
    ObjectNode components = document.putObject("components");
    ObjectNode bearer = components.putObject("securitySchemes").putObject(BEARER);
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put(
        "description",
        "A branch token or the admin token, from the tokens file (campaign.ingest.tokens-file) or,"
            + " on a development machine, <data dir>/ingest-tokens.properties.");
    components.set("responses", responses(maxBodyBytes, maxEventsPerRequest));
    components.set("schemas", schemas());
    return document;
  }

  private static ObjectNode operation(Route route) {
    ObjectNode operation = NODES.objectNode();
    operation.put("operationId", camelCase(route.name()));
    operation.put("summary", route.summary());
    operation.put("description", route.description());
    if (route.access() == Access.PUBLIC) {
      operation.putArray("security");
    }
    List<String> parameters = route.pathParameters();
    if (!parameters.isEmpty()) {
      ArrayNode list = operation.putArray("parameters");
      for (String name : parameters) {
        ObjectNode parameter = list.addObject();
        parameter.put("name", name);
        parameter.put("in", "path");
        parameter.put("required", true);
        parameter.put(
            "description",
            route.writes()
                ? "Fills in the event's " + name + "; a body that gives another one is refused."
                : "The " + name + ".");
        ObjectNode schema = parameter.putObject("schema");
        if (name.equals("platform")) {
          schema.put("$ref", AvroJsonSchemas.ref("Platform"));
        } else {
          schema.put("type", "string");
        }
      }
    }
    ObjectNode responses = NODES.objectNode();
    if (route.writes()) {
      ObjectNode body = operation.putObject("requestBody");
      body.put("required", true);
      String component = route.eventType() == null ? "EventsBody" : route.eventType();
      body.putObject("content")
          .putObject(RequestBodies.JSON)
          .putObject("schema")
          .put("$ref", AvroJsonSchemas.ref(component));
      ObjectNode accepted = responses.putObject("202");
      accepted.put("description", "Written: the broker acknowledged every event.");
      jsonContent(accepted, "Accepted");
      ref(responses, "400", "BadRequest");
      ref(responses, "401", "Unauthorized");
      ref(responses, "403", "Forbidden");
      ref(responses, "408", "RequestTimeout");
      ref(responses, "413", "TooLarge");
      ref(responses, "415", "UnsupportedMediaType");
      ref(responses, "429", "TooManyRequests");
      ref(responses, "503", "Unavailable");
    } else if (route == Route.POST_DECISION) {
      ObjectNode found = responses.putObject("200");
      found.put("description", "The latest decision.");
      jsonContent(found, "PostDecision");
      ref(responses, "401", "Unauthorized");
      ref(responses, "403", "Forbidden");
      ref(responses, "404", "NotFound");
      ref(responses, "429", "TooManyRequests");
      ref(responses, "503", "Unavailable");
    } else {
      ObjectNode found = responses.putObject("200");
      found.put("description", "This document.");
      found
          .putObject("content")
          .putObject(RequestBodies.JSON)
          .putObject("schema")
          .put("type", "object");
    }
    operation.set("responses", responses);
    return operation;
  }

  private static ObjectNode responses(int maxBodyBytes, int maxEventsPerRequest) {
    ObjectNode responses = NODES.objectNode();
    fieldErrors(
        responses.putObject("BadRequest"),
        "Invalid: not JSON, or events with bad fields (missing, wrong type, unknown enum symbol,"
            + " bad instant, id or address, a field that contradicts the path, a Tick). Every"
            + " problem is listed, each naming its field ('postId', '[2].postId' for the third"
            + " event of an array, '$' for the body). Nothing was written.");
    problem(
        responses.putObject("Unauthorized"),
        "No bearer token, or one that is not known. Nothing was written.");
    fieldErrors(
        responses.putObject("Forbidden"),
        "The token may not do this: another branch's events or posts, events for every branch,"
            + " channel policies, response plans or officials with a branch token. Nothing was"
            + " written.");
    problem(
        responses.putObject("TooLarge"),
        "The body is larger than "
            + maxBodyBytes
            + " bytes (campaign.ingest.max-body-bytes), or has more than "
            + maxEventsPerRequest
            + " events (campaign.ingest.max-events-per-request). Nothing was written.");
    problem(
        responses.putObject("RequestTimeout"),
        "The body did not arrive whole within campaign.http.read-timeout. Nothing was written.");
    problem(
        responses.putObject("TooManyRequests"),
        "More requests than the token's rate limit allows, or too many requests with a missing or"
            + " unknown token from this address; Retry-After says in how many seconds to try"
            + " again. Nothing was written.");
    problem(
        responses.putObject("UnsupportedMediaType"),
        "The body is not sent as Content-Type: application/json (UTF-8).");
    problem(
        responses.putObject("Unavailable"),
        "The broker did not acknowledge in time, or the decision view is not ready yet; try again"
            + " (the same events again are safe).");
    problem(responses.putObject("NotFound"), "No decision on this post yet.");
    problem(
        responses.putObject("IncidentNotFound"),
        "The crisis service has not written a status for this incident (yet).");
    return responses;
  }

  private static ObjectNode schemas() {
    AvroJsonSchemas avro = new AvroJsonSchemas();
    Map<String, Schema> types = inputTypes();
    types.forEach((name, record) -> avro.addRecord(name, record, name));
    Schema decision = EventType.POST_DECISION.schema();
    avro.addRecord(decision.getName(), decision, decision.getName());
    ObjectNode schemas = NODES.objectNode();
    ObjectNode event = schemas.putObject("Event");
    event.put(
        "description",
        "One event with its \"type\"; on the routes for one type, \"type\" may be left out.");
    ArrayNode oneOf = event.putArray("oneOf");
    ObjectNode discriminator = event.putObject("discriminator");
    discriminator.put("propertyName", "type");
    ObjectNode mapping = discriminator.putObject("mapping");
    for (String name : types.keySet()) {
      oneOf.addObject().put("$ref", AvroJsonSchemas.ref(name));
      mapping.put(name, AvroJsonSchemas.ref(name));
    }
    ObjectNode body = schemas.putObject("EventsBody");
    body.put("description", "One event, or a non-empty array of them.");
    ArrayNode forms = body.putArray("oneOf");
    forms.addObject().put("$ref", AvroJsonSchemas.ref("Event"));
    ObjectNode array = forms.addObject();
    array.put("type", "array");
    array.put("minItems", 1);
    array.putObject("items").put("$ref", AvroJsonSchemas.ref("Event"));
    avro.components().forEach(schemas::set);
    schemas.set("Accepted", acceptedSchema());
    schemas.set("FieldErrors", fieldErrorsSchema());
    schemas.set("Problem", problemSchema());
    schemas.set("IncidentTimeline", incidentTimelineSchema());
    return schemas;
  }

  // --- the responders' routes (services/ingest/README.md#acknowledge-links-and-sms-replies) and
  // the incident timeline (#incident-timeline): served by ResponderRoutes, not from Route

  private static void responderPaths(ObjectNode paths) {
    ObjectNode ack = paths.putObject(ResponderRoutes.ACK_PATH);
    ack.set(
        "get",
        ackOperation(
            "showAcknowledgeLink",
            "Open an acknowledge link",
            "The link of a notification (its ackUrl): a small page with the incident, its"
                + " severity, the library's steps, who else was told and one button. Opening it"
                + " writes nothing.",
            "The incident's page (or, once acknowledged or resolved, who did it and when)."));
    ack.set(
        "post",
        ackOperation(
            "acknowledgeByLink",
            "Acknowledge with the link",
            "The button of the page: writes IncidentAcknowledged with the responder's name and"
                + " via LINK; a second tap says who acknowledged and when.",
            "The confirmation page, or who acknowledged (or resolved) it and when."));

    ObjectNode sms = NODES.objectNode();
    sms.put("operationId", "smsReply");
    sms.put("summary", "Receive an SMS reply (gateway webhook)");
    sms.put(
        "description",
        "The SMS gateway's inbound-message webhook (the Twilio form post), signed with"
            + " X-Twilio-Signature. A reply code (e.g. 4A, 4E) acknowledges or escalates that"
            + " incident for the sender; ACK, OK or YES acknowledges the sender's only open"
            + " incident; anything else gets a short help text. An unknown number is counted and"
            + " ignored.");
    sms.putArray("security");
    ObjectNode signature = sms.putArray("parameters").addObject();
    signature.put("name", "X-Twilio-Signature");
    signature.put("in", "header");
    signature.put("required", true);
    signature.put(
        "description",
        "Base64 HMAC-SHA1 of the public url and the sorted form fields, keyed with"
            + " campaign.ingest.sms.auth-token.");
    signature.putObject("schema").put("type", "string");
    ObjectNode form = object(List.of("From"));
    ObjectNode fields = (ObjectNode) form.get("properties");
    fields.putObject("From").put("type", "string").put("description", "The sender's number.");
    fields.putObject("Body").put("type", "string").put("description", "The reply's text.");
    form.put("additionalProperties", true);
    ObjectNode smsBody = sms.putObject("requestBody");
    smsBody.put("required", true);
    smsBody.putObject("content").putObject("application/x-www-form-urlencoded").set("schema", form);
    ObjectNode smsResponses = sms.putObject("responses");
    ObjectNode answered = smsResponses.putObject("200");
    answered.put("description", "The answer to send back to the sender, as TwiML.");
    answered
        .putObject("content")
        .putObject("application/xml")
        .putObject("schema")
        .put("type", "string");
    plainText(smsResponses.putObject("400"), "No From field.");
    plainText(
        smsResponses.putObject("403"),
        "The signature does not match, or SMS replies are not configured"
            + " (campaign.ingest.sms.auth-token).");
    plainText(
        smsResponses.putObject("429"),
        "Too many bad signatures from this address; Retry-After says when to try again.");
    plainText(
        smsResponses.putObject("503"),
        "The incident view is not ready or the reply could not be written; the gateway may retry.");
    paths.putObject(ResponderRoutes.SMS_PATH).set("post", sms);

    ObjectNode timeline = NODES.objectNode();
    timeline.put("operationId", "incidentTimeline");
    timeline.put("summary", "An incident's timeline");
    timeline.put(
        "description",
        "Every step of the response (reported, escalated, notified, repeated, fallback,"
            + " acknowledged, resolved, resolution-notice) in time order, each notification with"
            + " its latest delivery receipt, and the times to acknowledge and resolve; every time"
            + " in the zone of the incident's branch (its BranchSettings, else those of *, else"
            + " campaign.ingest.zone). The owning branch's token or the admin token.");
    ObjectNode incidentId = timeline.putArray("parameters").addObject();
    incidentId.put("name", "incidentId");
    incidentId.put("in", "path");
    incidentId.put("required", true);
    incidentId.put("description", "The incidentId.");
    incidentId.putObject("schema").put("type", "string");
    ObjectNode timelineResponses = timeline.putObject("responses");
    ObjectNode found = timelineResponses.putObject("200");
    found.put("description", "The timeline.");
    jsonContent(found, "IncidentTimeline");
    ref(timelineResponses, "401", "Unauthorized");
    ref(timelineResponses, "403", "Forbidden");
    ref(timelineResponses, "404", "IncidentNotFound");
    ref(timelineResponses, "429", "TooManyRequests");
    ref(timelineResponses, "503", "Unavailable");
    paths.putObject(ResponderRoutes.TIMELINE_PATH).set("get", timeline);
  }

  private static ObjectNode ackOperation(
      String operationId, String summary, String description, String ok) {
    ObjectNode operation = NODES.objectNode();
    operation.put("operationId", operationId);
    operation.put("summary", summary);
    operation.put("description", description + " No bearer token: the link is the credential.");
    operation.putArray("security");
    ObjectNode token = operation.putArray("parameters").addObject();
    token.put("name", "token");
    token.put("in", "path");
    token.put("required", true);
    token.put(
        "description",
        "The signed, expiring token of the link (HMAC over incident, tier, responder and"
            + " expiry).");
    token.putObject("schema").put("type", "string");
    ObjectNode responses = operation.putObject("responses");
    html(responses.putObject("200"), ok);
    html(responses.putObject("403"), "The link was changed, is not known or has expired.");
    plainText(
        responses.putObject("429"),
        "Too many bad links from this address; Retry-After says when to try again.");
    html(
        responses.putObject("503"),
        "The incident view is starting up or the acknowledgement could not be written; try"
            + " again.");
    return operation;
  }

  private static void html(ObjectNode response, String description) {
    response.put("description", description);
    response.putObject("content").putObject("text/html").putObject("schema").put("type", "string");
  }

  private static void plainText(ObjectNode response, String description) {
    response.put("description", description);
    response.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
  }

  private static ObjectNode incidentTimelineSchema() {
    ObjectNode body =
        object(
            List.of(
                "incidentId",
                "branchId",
                "state",
                "severity",
                "tier",
                "zone",
                "reportedAt",
                "timeline"));
    ObjectNode properties = (ObjectNode) body.get("properties");
    properties.putObject("incidentId").put("type", "string");
    properties.putObject("branchId").put("type", "string");
    properties
        .putObject("state")
        .put("type", "string")
        .put("description", "OPEN, ESCALATED, ACKNOWLEDGED, RESOLVED, UNROUTED or EXHAUSTED.");
    properties.putObject("severity").put("type", "string");
    properties.putObject("summary").put("type", "string").put("nullable", true);
    properties.putObject("tier").put("type", "integer");
    properties
        .putObject("zone")
        .put("type", "string")
        .put(
            "description",
            "The zone of every time: the incident's branch's (BranchSettings, else those of *),"
                + " else campaign.ingest.zone.");
    localTime(properties, "reportedAt", false);
    localTime(properties, "acknowledgedAt", true);
    localTime(properties, "resolvedAt", true);
    properties
        .putObject("timeToAcknowledge")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "ISO-8601 duration from the report, e.g. PT20M; null until then.");
    properties
        .putObject("timeToResolve")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "ISO-8601 duration from the report; null until then.");
    ObjectNode steps = properties.putObject("timeline");
    steps.put("type", "array");
    steps.put("description", "The steps in time order; steps at the same time in their order.");
    ObjectNode step = object(List.of("at", "what"));
    ObjectNode fields = (ObjectNode) step.get("properties");
    localTime(fields, "at", false);
    ArrayNode what = fields.putObject("what").put("type", "string").putArray("enum");
    List.of(
            "reported",
            "escalated",
            "notified",
            "repeated",
            "fallback",
            "acknowledged",
            "resolved",
            "resolution-notice")
        .forEach(what::add);
    fields.putObject("notificationId").put("type", "string");
    fields.putObject("tier").put("type", "integer");
    fields.putObject("to").put("type", "string").put("nullable", true);
    fields.putObject("role").put("type", "string").put("nullable", true);
    fields.putObject("channel").put("type", "string");
    fields.putObject("by").put("type", "string").put("nullable", true);
    fields
        .putObject("via")
        .put("type", "string")
        .put("description", "How it was acknowledged: LINK, SMS or API.");
    ObjectNode receipt = object(List.of("status", "at", "attempt"));
    receipt.put("nullable", true);
    receipt.put("description", "The latest delivery receipt; null before the first.");
    ObjectNode receiptFields = (ObjectNode) receipt.get("properties");
    receiptFields
        .putObject("status")
        .put("type", "string")
        .put("description", "DELIVERED, RETRYING or FAILED.");
    localTime(receiptFields, "at", false);
    receiptFields.putObject("attempt").put("type", "integer");
    receiptFields.putObject("reason").put("type", "string");
    localTime(receiptFields, "nextAttemptAt", false);
    receiptFields.putObject("outbox").put("type", "boolean");
    fields.set("receipt", receipt);
    steps.set("items", step);
    return body;
  }

  private static void localTime(ObjectNode properties, String name, boolean nullable) {
    ObjectNode time = properties.putObject(name);
    time.put("type", "string");
    time.put("format", "date-time");
    if (nullable) {
      time.put("nullable", true);
    }
    time.put("description", "In the document's zone, with its offset.");
  }

  private static ObjectNode acceptedSchema() {
    ObjectNode accepted = object(List.of("accepted", "events"));
    ObjectNode properties = (ObjectNode) accepted.get("properties");
    properties.putObject("accepted").put("type", "integer").put("description", "How many events.");
    ObjectNode events = properties.putObject("events");
    events.put("type", "array");
    events.put("description", "Each event, in the order of the request.");
    ObjectNode written = object(List.of("type", "id", "branchId", "topic", "partition", "offset"));
    events.set("items", written);
    ObjectNode fields = (ObjectNode) written.get("properties");
    fields.putObject("type").put("type", "string");
    fields
        .putObject("id")
        .put("type", "string")
        .put(
            "description",
            "postId, milestoneId or incidentId; a channel policy's branchId/platform; a response"
                + " plan's branchId.");
    fields.putObject("revision").put("type", "integer");
    fields.putObject("branchId").put("type", "string");
    fields.putObject("topic").put("type", "string");
    fields.putObject("partition").put("type", "integer");
    fields.putObject("offset").put("type", "integer").put("format", "int64");
    return accepted;
  }

  private static ObjectNode fieldErrorsSchema() {
    ObjectNode errors = NODES.objectNode();
    errors.put("type", "array");
    errors.put("minItems", 1);
    ObjectNode error = object(List.of("field", "message"));
    ObjectNode properties = (ObjectNode) error.get("properties");
    properties
        .putObject("field")
        .put("type", "string")
        .put("description", "e.g. postId, [2].scheduledAt, tiers[0].responders[1].minSeverity, $");
    properties.putObject("message").put("type", "string");
    errors.set("items", error);
    return errors;
  }

  private static ObjectNode problemSchema() {
    ObjectNode problem = object(List.of("error", "message"));
    ObjectNode properties = (ObjectNode) problem.get("properties");
    properties
        .putObject("error")
        .put("type", "string")
        .put(
            "description",
            "unauthorized, not_found, payload_too_large, unsupported_media_type, unavailable");
    properties.putObject("message").put("type", "string");
    return problem;
  }

  private static ObjectNode object(List<String> required) {
    ObjectNode object = NODES.objectNode();
    object.put("type", "object");
    ArrayNode names = object.putArray("required");
    new ArrayList<>(required).forEach(names::add);
    object.putObject("properties");
    return object;
  }

  private static void fieldErrors(ObjectNode response, String description) {
    response.put("description", description);
    jsonContent(response, "FieldErrors");
  }

  private static void problem(ObjectNode response, String description) {
    response.put("description", description);
    jsonContent(response, "Problem");
  }

  private static void jsonContent(ObjectNode response, String component) {
    response
        .putObject("content")
        .putObject(RequestBodies.JSON)
        .putObject("schema")
        .put("$ref", AvroJsonSchemas.ref(component));
  }

  private static void ref(ObjectNode responses, String status, String component) {
    responses.putObject(status).put("$ref", "#/components/responses/" + component);
  }

  /** {@code RESPONSE_PLAN} -> {@code responsePlan}. */
  private static String camelCase(String constant) {
    StringBuilder name = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }
}
