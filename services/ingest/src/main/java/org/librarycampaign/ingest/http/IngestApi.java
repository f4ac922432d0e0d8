package org.librarycampaign.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import library.campaign.events.PostDecision;
import org.librarycampaign.ingest.IngestMetrics;
import org.librarycampaign.ingest.auth.Caller;
import org.librarycampaign.ingest.auth.Permissions;
import org.librarycampaign.ingest.auth.TokenRegistry;
import org.librarycampaign.ingest.decisions.DecisionLookup;
import org.librarycampaign.ingest.decisions.OwnerLookup;
import org.librarycampaign.ingest.decisions.ViewUnavailableException;
import org.librarycampaign.ingest.events.EventReader;
import org.librarycampaign.ingest.events.IncomingEvent;
import org.librarycampaign.ingest.events.RejectedEventsException;
import org.librarycampaign.ingest.events.TooManyEventsException;
import org.librarycampaign.ingest.write.EventWriter;
import org.librarycampaign.ingest.write.WriteFailedException;
import org.librarycampaign.ingest.write.WrittenEvent;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.ops.TokenBuckets;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the ingest API: one handler per {@link Route}. A write goes: token (401, or 429
 * when the client address sends too many bad tokens), the token's rate limit (429), route access
 * (403), media type (415), the body arriving in time (408), size and number of events (413), every
 * event read and checked (400), every event allowed for the token (403), then written and
 * acknowledged by the broker (202). Each step that refuses comes before anything is written.
 */
public final class IngestApi {

  private static final Logger LOGGER = LoggerFactory.getLogger(IngestApi.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]+) *");
  private static final String REALM = "Bearer realm=\"campaign-ingest\"";
  private static final int ACCEPTED = 202;

  /** Histogram buckets of the request duration: a few, so that every route can afford them. */
  private static final Duration[] LATENCY_BUCKETS =
      Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  private final TokenRegistry tokens;
  private final EventReader reader;
  private final EventWriter writer;
  private final DecisionLookup decisions;
  private final OwnerLookup owners;
  private final EventJson json;
  private final int maxBodyBytes;
  private final int maxEventsPerRequest;
  private final Duration bodyDeadline;
  private final TokenBuckets rateLimits;
  private final MeterRegistry meters;
  private final byte[] openApi;

  /**
   * The meters of each route (and status), registered on first use and then kept: building a
   * meter's id and looking it up again for every request cost more than the count itself.
   */
  private final Map<Route, Timer> durations = new ConcurrentHashMap<>();

  private final Map<Route, Map<Integer, Counter>> answers = new ConcurrentHashMap<>();

  public IngestApi(
      TokenRegistry tokens,
      EventJson json,
      EventWriter writer,
      DecisionLookup decisions,
      OwnerLookup owners,
      int maxBodyBytes,
      int maxEventsPerRequest,
      Duration bodyDeadline,
      TokenBuckets rateLimits,
      MeterRegistry meters) {
    this.tokens = tokens;
    this.json = json;
    this.reader = new EventReader(json);
    this.writer = writer;
    this.decisions = decisions;
    this.owners = owners;
    this.maxBodyBytes = maxBodyBytes;
    this.maxEventsPerRequest = maxEventsPerRequest;
    this.bodyDeadline = bodyDeadline;
    this.rateLimits = rateLimits;
    this.meters = meters;
    try {
      this.openApi =
          MAPPER.writeValueAsBytes(OpenApiDocument.build(maxBodyBytes, maxEventsPerRequest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
  }

  /** Adds every route to the server. */
  public void addRoutes(RoutesConfig routes) {
    for (Route route : Route.values()) {
      routes.addHttpHandler(route.method(), route.path(), ctx -> handle(route, ctx));
    }
  }

  private void handle(Route route, Context ctx) {
    Timer.Sample sample = Timer.start(meters);
    int status;
    try {
      status =
          switch (route) {
            case OPENAPI -> respond(ctx, 200, openApi);
            case POST_DECISION -> decision(ctx);
            default -> write(route, ctx);
          };
    } catch (ApiProblem problem) {
      problem.headers().forEach(ctx::header);
      status = respond(ctx, problem.status(), problem.body());
    } catch (RuntimeException e) {
      LOGGER
          .atError()
          .addKeyValue("route", route.path())
          .setCause(e)
          .log("Request failed unexpectedly");
      status =
          respond(
              ctx,
              500,
              ApiProblem.ordered(
                  "error", "internal_error", "message", "the request could not be handled"));
    }
    sample.stop(durations.computeIfAbsent(route, this::duration));
    int answered = status;
    answers
        .computeIfAbsent(route, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(answered, s -> answers(route, s))
        .increment();
  }

  private Timer duration(Route route) {
    return Timer.builder(IngestMetrics.REQUEST_DURATION)
        .description("Time from a request's arrival to its answer")
        .tag(IngestMetrics.ROUTE, route.path())
        .tag(IngestMetrics.METHOD, route.method().name())
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(meters);
  }

  private Counter answers(Route route, int status) {
    return Counter.builder(IngestMetrics.REQUESTS)
        .description("Requests answered")
        .tag(IngestMetrics.ROUTE, route.path())
        .tag(IngestMetrics.METHOD, route.method().name())
        .tag(IngestMetrics.STATUS, Integer.toString(status))
        .register(meters);
  }

  private int write(Route route, Context ctx) throws ApiProblem {
    Caller caller = authenticate(ctx);
    if (route.access() == Route.Access.ADMIN) {
      Optional<String> refusal =
          Permissions.refusalOfAdminRoute(caller, route.eventType() + " events");
      if (refusal.isPresent()) {
        throw ApiProblem.fieldErrors(
            403, List.of(new FieldError(FieldError.WHOLE_LINE, refusal.get())));
      }
    }
    byte[] body = body(ctx);
    List<IncomingEvent> events;
    try {
      events =
          route.eventType() == null
              ? reader.readEvents(body, maxEventsPerRequest)
              : List.of(reader.readOne(body, route.eventType(), pathFields(route, ctx)));
    } catch (TooManyEventsException e) {
      rejected(IngestMetrics.REASON_TOO_MANY_EVENTS);
      throw ApiProblem.of(
          413,
          "too_many_events",
          "at most "
              + e.max()
              + " events per request; this one has "
              + e.sent()
              + ": send them in several requests");
    } catch (RejectedEventsException e) {
      LOGGER
          .atDebug()
          .addKeyValue("caller", caller.describe())
          .addKeyValue("route", route.path())
          .addKeyValue("errors", e.errors().size())
          .log("Events refused");
      throw ApiProblem.fieldErrors(400, e.errors());
    }
    List<FieldError> forbidden = new ArrayList<>();
    for (IncomingEvent event : events) {
      Permissions.refusalToWrite(caller, event.type(), event.branchId())
          .ifPresent(why -> forbidden.add(new FieldError(event.field("branchId"), why)));
      refusalOfId(caller, event)
          .ifPresent(why -> forbidden.add(new FieldError(event.field(idField(event)), why)));
    }
    if (!forbidden.isEmpty()) {
      throw ApiProblem.fieldErrors(403, forbidden);
    }
    List<WrittenEvent> written;
    try {
      written = writer.write(events.stream().map(IncomingEvent::event).toList());
    } catch (WriteFailedException e) {
      LOGGER
          .atWarn()
          .addKeyValue("caller", caller.describe())
          .addKeyValue("route", route.path())
          .addKeyValue("events", events.size())
          .setCause(e)
          .log("Events not written");
      throw ApiProblem.of(
          503,
          "unavailable",
          "the events could not be written now (" + e.getMessage() + "); send them again",
          Map.of("Retry-After", "5"));
    }
    // the answer is written as it is built, without a map per event; the same bytes as the maps
    // of before (IngestApiIT)
    ByteArrayOutputStream answer = new ByteArrayOutputStream(64 + 192 * events.size());
    Map<String, Integer> acceptedByType = new LinkedHashMap<>();
    try (JsonGenerator out = MAPPER.getFactory().createGenerator(answer)) {
      out.writeStartObject();
      out.writeNumberField("accepted", events.size());
      out.writeArrayFieldStart("events");
      for (int i = 0; i < events.size(); i++) {
        IncomingEvent event = events.get(i);
        WrittenEvent where = written.get(i);
        out.writeStartObject();
        out.writeStringField("type", event.type());
        out.writeStringField("id", event.id());
        Optional<Integer> revision = event.revision();
        if (revision.isPresent()) {
          out.writeNumberField("revision", revision.get());
        }
        out.writeStringField("branchId", event.branchId());
        out.writeStringField("topic", where.topic());
        out.writeNumberField("partition", where.partition());
        out.writeNumberField("offset", where.offset());
        out.writeEndObject();
        acceptedByType.merge(event.type(), 1, Integer::sum);
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an answer", e);
    }
    // one meter look-up per type and request, not per event
    acceptedByType.forEach(
        (type, count) ->
            meters
                .counter(IngestMetrics.EVENTS_ACCEPTED, IngestMetrics.EVENT_TYPE, type)
                .increment(count));
    LOGGER
        .atDebug()
        .addKeyValue("caller", caller.describe())
        .addKeyValue("route", route.path())
        .addKeyValue("events", events.size())
        .log("Events written");
    return respond(ctx, ACCEPTED, answer.toByteArray());
  }

  /**
   * Why a branch may not write this event about a post or incident another branch owns. An id the
   * view has not seen yet, or a view not available now, lets the event through: the processors'
   * ownership gates are the backstop.
   */
  private Optional<String> refusalOfId(Caller caller, IncomingEvent event) {
    CampaignTopic topic = event.event().topic();
    if (caller instanceof Caller.Admin
        || (topic != CampaignTopic.POSTS && topic != CampaignTopic.INCIDENTS)) {
      return Optional.empty();
    }
    String id = event.id();
    try {
      return Permissions.refusalOfId(
          caller,
          topic == CampaignTopic.POSTS ? "post" : "incident",
          id,
          owners.ownerOf(topic, id));
    } catch (ViewUnavailableException e) {
      LOGGER
          .atDebug()
          .addKeyValue("topic", topic)
          .log("Owner not known now; the processors check it");
      return Optional.empty();
    }
  }

  private static String idField(IncomingEvent event) {
    return event.event().topic() == CampaignTopic.POSTS ? "postId" : "incidentId";
  }

  private int decision(Context ctx) throws ApiProblem {
    Caller caller = authenticate(ctx);
    String postId = ctx.pathParam("postId");
    Optional<PostDecision> decision;
    try {
      decision = decisions.latest(postId);
    } catch (ViewUnavailableException e) {
      throw ApiProblem.of(
          503, "unavailable", e.getMessage() + "; try again", Map.of("Retry-After", "2"));
    }
    if (decision.isEmpty()) {
      throw ApiProblem.of(404, "not_found", "no decision on post \"" + postId + "\" yet");
    }
    Optional<String> refusal = Permissions.refusalToRead(caller, decision.get().getBranchId());
    if (refusal.isPresent()) {
      throw ApiProblem.fieldErrors(403, List.of(new FieldError("postId", refusal.get())));
    }
    ObjectNode body = json.toJson(decision.get());
    ctx.header("Cache-Control", "no-store");
    return respond(ctx, 200, body);
  }

  private Caller authenticate(Context ctx) throws ApiProblem {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      limit(ctx, "address " + ctx.ip(), IngestMetrics.REASON_BAD_TOKENS, "this address");
      throw ApiProblem.of(
          401,
          "unauthorized",
          "send a token as 'Authorization: Bearer <token>'",
          Map.of("WWW-Authenticate", REALM));
    }
    var matcher = BEARER.matcher(header);
    Optional<Caller> caller =
        matcher.matches() ? tokens.authenticate(matcher.group(1)) : Optional.empty();
    if (caller.isEmpty()) {
      limit(ctx, "address " + ctx.ip(), IngestMetrics.REASON_BAD_TOKENS, "this address");
      throw ApiProblem.of(
          401,
          "unauthorized",
          "the token is not known",
          Map.of("WWW-Authenticate", REALM + ", error=\"invalid_token\""));
    }
    limit(ctx, "caller " + caller.get().describe(), IngestMetrics.REASON_RATE, "this token");
    return caller.get();
  }

  /** Takes a request from the key's bucket; 429 when it is empty. */
  private void limit(Context ctx, String key, String reason, String who) throws ApiProblem {
    OptionalLong retryAfter = rateLimits.tryTake(key);
    if (retryAfter.isPresent()) {
      rejected(reason);
      LOGGER
          .atDebug()
          .addKeyValue("key", key)
          .addKeyValue("path", ctx.path())
          .log("Request over the rate limit");
      throw ApiProblem.of(
          429,
          "too_many_requests",
          "too many requests from "
              + who
              + "; try again in "
              + retryAfter.getAsLong()
              + " s (campaign.ingest.rate-limit.per-second and .burst)",
          Map.of("Retry-After", Long.toString(retryAfter.getAsLong())));
    }
  }

  private void rejected(String reason) {
    Counter.builder(IngestMetrics.REJECTED)
        .description("Requests refused before reading their events: over a limit")
        .tag(IngestMetrics.REASON, reason)
        .register(meters)
        .increment();
  }

  private byte[] body(Context ctx) throws ApiProblem {
    String contentType = ctx.contentType();
    if (!RequestBodies.isJson(contentType)) {
      throw ApiProblem.of(
          415,
          "unsupported_media_type",
          "send the body as Content-Type: " + RequestBodies.JSON + " (UTF-8)",
          Map.of("Accept-Post", RequestBodies.JSON));
    }
    // -1 when not declared (or too large for an int): then the reading stops at the limit
    long declared = ctx.contentLength();
    byte[] body = null;
    if (declared <= maxBodyBytes) {
      try {
        body =
            RequestBodies.readAtMost(
                ctx.bodyInputStream(),
                maxBodyBytes,
                System.nanoTime() + bodyDeadline.toNanos(),
                System::nanoTime);
      } catch (RequestBodies.BodyTooSlowException e) {
        throw ApiProblem.of(
            408,
            "request_timeout",
            "the body did not arrive within "
                + bodyDeadline.toSeconds()
                + " s (campaign.http.read-timeout); send it again");
      } catch (IOException e) {
        throw ApiProblem.fieldErrors(
            400, List.of(new FieldError(FieldError.WHOLE_LINE, "the body could not be read")));
      }
    }
    if (body == null) {
      throw ApiProblem.of(
          413,
          "payload_too_large",
          "the body is larger than " + maxBodyBytes + " bytes; send fewer events at a time");
    }
    return body;
  }

  private static Map<String, String> pathFields(Route route, Context ctx) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : route.pathParameters()) {
      fields.put(name, ctx.pathParam(name));
    }
    return fields;
  }

  private static int respond(Context ctx, int status, Object body) {
    byte[] bytes;
    try {
      bytes = body instanceof byte[] raw ? raw : MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an answer", e);
    }
    ctx.status(status).contentType(RequestBodies.JSON).result(bytes);
    return status;
  }
}
