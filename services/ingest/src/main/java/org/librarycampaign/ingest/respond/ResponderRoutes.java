package org.librarycampaign.ingest.respond;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.ResponseChannel;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.ingest.auth.Caller;
import org.librarycampaign.ingest.auth.Permissions;
import org.librarycampaign.ingest.auth.TokenRegistry;
import org.librarycampaign.ingest.decisions.ViewUnavailableException;
import org.librarycampaign.ingest.incidents.IncidentLookup;
import org.librarycampaign.ingest.write.EventWriter;
import org.librarycampaign.ingest.write.WriteFailedException;
import org.librarycampaign.platform.ack.AckClaim;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.TokenBuckets;
import org.librarycampaign.platform.time.LocalZones;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a responder answers without a token, and how an incident's story is read:
 *
 * <ul>
 *   <li>{@code GET /ack/{token}}: the acknowledge page of a notification's signed link; {@code POST
 *       /ack/{token}} acknowledges (IncidentAcknowledged, via LINK). The link is the credential,
 *       for its incident only.
 *   <li>{@code POST /sms/inbound}: the SMS gateway's inbound webhook (Twilio's form post, signed
 *       with {@code X-Twilio-Signature}), answered with TwiML ({@link SmsReplies}).
 *   <li>{@code GET /v1/incidents/{incidentId}}: the incident's {@link Timeline}, for the owning
 *       branch's token or the admin token.
 * </ul>
 */
public final class ResponderRoutes {

  public static final String ACK_PATH = "/ack/{token}";
  public static final String SMS_PATH = "/sms/inbound";
  public static final String TIMELINE_PATH = "/v1/incidents/{incidentId}";

  /** Answers to SMS replies, tagged {@code outcome}. */
  public static final String SMS_REPLIES = "campaign.ingest.sms.replies";

  /** Taps of acknowledge links, tagged {@code outcome}. */
  public static final String ACK_LINKS = "campaign.ingest.ack.links";

  private static final Logger LOGGER = LoggerFactory.getLogger(ResponderRoutes.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]+) *");
  private static final String HTML = "text/html; charset=utf-8";
  private static final String XML = "text/xml; charset=utf-8";

  private final ResponderSettings settings;
  private final IncidentLookup incidents;
  private final EventWriter writer;
  private final TokenRegistry tokens;
  private final TokenBuckets rateLimits;
  private final MeterRegistry meters;
  private final Clock clock;
  private final AckPage pages;
  private final SmsReplies replies;
  private final Timeline timeline;

  public ResponderRoutes(
      ResponderSettings settings,
      IncidentLookup incidents,
      EventWriter writer,
      TokenRegistry tokens,
      TokenBuckets rateLimits,
      MeterRegistry meters,
      Clock clock) {
    this.settings = settings;
    this.incidents = incidents;
    this.writer = writer;
    this.tokens = tokens;
    this.rateLimits = rateLimits;
    this.meters = meters;
    this.clock = clock;
    Function<String, ZoneId> zones = branchZones(incidents, settings.zone());
    this.pages = new AckPage(zones);
    this.replies = new SmsReplies(zones);
    this.timeline = new Timeline(zones);
  }

  /**
   * The zone people of a branch read times in (README.md, "Local time"): the branch's settings,
   * else those of {@code *}, else {@code fallback} ({@code campaign.ingest.zone}). A view that
   * cannot be read now gives the next zone in line rather than failing the page.
   */
  static Function<String, ZoneId> branchZones(IncidentLookup incidents, ZoneId fallback) {
    LocalZones zones =
        new LocalZones(
            channel -> null,
            branch -> {
              try {
                return incidents.branchSettings(branch).orElse(null);
              } catch (ViewUnavailableException e) {
                return null;
              }
            },
            fallback);
    return zones::zone;
  }

  public void addRoutes(RoutesConfig routes) {
    routes.addHttpHandler(HandlerType.GET, ACK_PATH, ctx -> ack(ctx, false));
    routes.addHttpHandler(HandlerType.POST, ACK_PATH, ctx -> ack(ctx, true));
    routes.addHttpHandler(HandlerType.POST, SMS_PATH, this::sms);
    routes.addHttpHandler(HandlerType.GET, TIMELINE_PATH, this::timeline);
  }

  // --- acknowledge links ------------------------------------------------------------------------

  private void ack(Context ctx, boolean post) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    Instant now = clock.instant();
    AckLinks.Verification verification = settings.links().verify(ctx.pathParam("token"), now);
    if (verification instanceof AckLinks.Verification.Invalid invalid) {
      // a guessed or changed link: slow down whoever sends many
      if (limited(ctx)) {
        return;
      }
      linkOutcome("invalid");
      LOGGER
          .atInfo()
          .addKeyValue("reason", invalid.reason())
          .addKeyValue("method", ctx.method().name())
          .log("Acknowledge link refused");
      html(ctx, 403, AckPage.invalid(invalid.reason()));
      return;
    }
    if (verification instanceof AckLinks.Verification.Expired expired) {
      linkOutcome("expired");
      html(
          ctx,
          403,
          pages.expired(
              expired.claim().branchId(),
              expired.claim().incidentId(),
              expired.claim().expiresAt()));
      return;
    }
    AckClaim claim = ((AckLinks.Verification.Valid) verification).claim();
    Optional<IncidentStatus> status;
    Optional<Notification> alert;
    try {
      status = incidents.status(claim.incidentId());
      alert = alertOf(claim);
    } catch (ViewUnavailableException e) {
      ctx.header("Retry-After", "5");
      html(ctx, 503, AckPage.tryAgain("The incident view is starting up"));
      return;
    }
    if (status.isEmpty() || alert.isEmpty()) {
      ctx.header("Retry-After", "5");
      html(ctx, 503, AckPage.tryAgain("This incident is not in the view yet"));
      return;
    }
    if (AckPage.isResolved(status.get())) {
      linkOutcome("resolved");
      html(ctx, 200, pages.resolved(alert.get(), status.get()));
      return;
    }
    if (AckPage.isAcknowledged(status.get())) {
      linkOutcome("already_acknowledged");
      html(ctx, 200, pages.alreadyAcknowledged(alert.get(), status.get()));
      return;
    }
    if (!post) {
      linkOutcome("shown");
      html(ctx, 200, pages.open(alert.get(), status.get()));
      return;
    }
    Notification who = alert.get();
    IncidentAcknowledged acknowledged =
        IncidentAcknowledged.newBuilder()
            .setIncidentId(claim.incidentId())
            .setBranchId(claim.branchId())
            .setBy(who.getRecipient().getName())
            .setAt(now)
            .setVia(ResponseChannel.LINK)
            .build();
    try {
      write("IncidentAcknowledged", claim.branchId(), acknowledged, now);
    } catch (WriteFailedException e) {
      LOGGER
          .atWarn()
          .addKeyValue("incidentId", claim.incidentId())
          .setCause(e)
          .log("Acknowledgement by link not written");
      ctx.header("Retry-After", "5");
      html(ctx, 503, AckPage.tryAgain("The acknowledgement could not be recorded now"));
      return;
    }
    linkOutcome("acknowledged");
    LOGGER
        .atInfo()
        .addKeyValue("incidentId", claim.incidentId())
        .addKeyValue("branchId", claim.branchId())
        .addKeyValue("responderId", claim.responderId())
        .addKeyValue("tier", claim.tier())
        .log("Incident acknowledged by link");
    html(ctx, 200, pages.acknowledged(who));
  }

  /** The alert the link came in (the claim's tier and responder); any channel will do. */
  private Optional<Notification> alertOf(AckClaim claim) throws ViewUnavailableException {
    return incidents.notifications(claim.incidentId()).stream()
        .filter(n -> n.getKind() == NotificationKind.ALERT)
        .filter(n -> n.getRecipient().getResponderId().equals(claim.responderId()))
        .filter(n -> n.getTier() == claim.tier())
        .findFirst();
  }

  // --- SMS replies ------------------------------------------------------------------------------

  private void sms(Context ctx) {
    if (settings.smsAuthToken().isEmpty()) {
      smsOutcome("not_configured");
      LOGGER
          .atWarn()
          .addKeyValue("key", ResponderSettings.SMS_AUTH_TOKEN)
          .log("SMS reply refused: no gateway auth token is configured");
      plain(ctx, 403, "SMS replies are not configured");
      return;
    }
    Map<String, List<String>> form = ctx.formParamMap();
    String url =
        settings.publicUrl()
            + ctx.path()
            + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    if (!TwilioSignature.verify(
        settings.smsAuthToken().get(), url, form, ctx.header(TwilioSignature.HEADER))) {
      if (limited(ctx)) {
        return;
      }
      smsOutcome("bad_signature");
      LOGGER.atWarn().addKeyValue("url", url).log("SMS reply refused: signature does not match");
      plain(ctx, 403, "signature does not match");
      return;
    }
    String from = first(form, "From");
    if (from == null || from.isBlank()) {
      smsOutcome("no_sender");
      plain(ctx, 400, "From is required");
      return;
    }
    Instant now = clock.instant();
    SmsReplies.Reply reply;
    try {
      List<Notification> alerts = incidents.smsAlertsTo(from);
      Map<String, IncidentStatus> statuses = new LinkedHashMap<>();
      for (Notification alert : alerts) {
        if (!statuses.containsKey(alert.getIncidentId())) {
          incidents
              .status(alert.getIncidentId())
              .ifPresent(status -> statuses.put(alert.getIncidentId(), status));
        }
      }
      reply = replies.reply(first(form, "Body"), alerts, statuses);
    } catch (ViewUnavailableException e) {
      ctx.header("Retry-After", "5");
      plain(ctx, 503, "the incident view is not ready; try again");
      return;
    }
    try {
      switch (reply.action()) {
        case ACKNOWLEDGE ->
            write(
                "IncidentAcknowledged",
                reply.alert().getBranchId(),
                IncidentAcknowledged.newBuilder()
                    .setIncidentId(reply.alert().getIncidentId())
                    .setBranchId(reply.alert().getBranchId())
                    .setBy(reply.alert().getRecipient().getName())
                    .setAt(now)
                    .setVia(ResponseChannel.SMS)
                    .build(),
                now);
        case ESCALATE ->
            write(
                "IncidentEscalationRequested",
                reply.alert().getBranchId(),
                IncidentEscalationRequested.newBuilder()
                    .setIncidentId(reply.alert().getIncidentId())
                    .setBranchId(reply.alert().getBranchId())
                    .setBy(reply.alert().getRecipient().getName())
                    .setAt(now)
                    .setVia(ResponseChannel.SMS)
                    .build(),
                now);
        case ANSWER, IGNORE -> {}
      }
    } catch (WriteFailedException e) {
      LOGGER
          .atWarn()
          .addKeyValue("incidentId", reply.alert().getIncidentId())
          .setCause(e)
          .log("SMS reply not written");
      ctx.header("Retry-After", "5");
      plain(ctx, 503, "the reply could not be recorded now; try again");
      return;
    }
    smsOutcome(reply.outcome());
    LOGGER
        .atInfo()
        .addKeyValue("outcome", reply.outcome())
        .addKeyValue("incidentId", reply.alert() == null ? null : reply.alert().getIncidentId())
        .log("SMS reply answered");
    ctx.status(200).contentType(XML).result(twiml(reply.answer()));
  }

  /** {@code <Response><Message>text</Message></Response>}; an empty answer sends no message. */
  static String twiml(String answer) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    return answer.isEmpty()
        ? xml + "<Response/>"
        : xml + "<Response><Message>" + AckPage.e(answer) + "</Message></Response>";
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  // --- timeline ---------------------------------------------------------------------------------

  private void timeline(Context ctx) throws JsonProcessingException {
    ctx.header("Cache-Control", "no-store");
    Optional<Caller> caller = authenticate(ctx);
    if (caller.isEmpty()) {
      return;
    }
    String incidentId = ctx.pathParam("incidentId");
    try {
      Optional<IncidentStatus> status = incidents.status(incidentId);
      if (status.isEmpty()) {
        json(
            ctx,
            404,
            Map.of("error", "not_found", "message", "no incident \"" + incidentId + "\""));
        return;
      }
      Optional<String> refusal =
          Permissions.refusalToRead(caller.get(), status.get().getBranchId());
      if (refusal.isPresent()) {
        json(ctx, 403, List.of(Map.of("field", "incidentId", "message", refusal.get())));
        return;
      }
      List<Notification> notifications = incidents.notifications(incidentId);
      Map<String, Object> body =
          timeline.of(
              status.get(),
              notifications,
              id -> {
                try {
                  return incidents.receipt(id);
                } catch (ViewUnavailableException e) {
                  return Optional.empty();
                }
              });
      json(ctx, 200, body);
    } catch (ViewUnavailableException e) {
      ctx.header("Retry-After", "2");
      json(ctx, 503, Map.of("error", "unavailable", "message", e.getMessage() + "; try again"));
    }
  }

  /** The bearer token's caller, or empty after answering 401 or 429. */
  private Optional<Caller> authenticate(Context ctx) throws JsonProcessingException {
    String header = ctx.header("Authorization");
    Matcher matcher = BEARER.matcher(header == null ? "" : header);
    Optional<Caller> caller =
        matcher.matches() ? tokens.authenticate(matcher.group(1)) : Optional.empty();
    String key = caller.map(c -> "caller " + c.describe()).orElseGet(() -> "address " + ctx.ip());
    OptionalLong retryAfter = rateLimits.tryTake(key);
    if (retryAfter.isPresent()) {
      ctx.header("Retry-After", Long.toString(retryAfter.getAsLong()));
      json(ctx, 429, Map.of("error", "too_many_requests", "message", "too many requests"));
      return Optional.empty();
    }
    if (caller.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"campaign-ingest\"");
      json(
          ctx,
          401,
          Map.of(
              "error", "unauthorized", "message", "send a known token as 'Authorization: Bearer'"));
    }
    return caller;
  }

  // --- shared -----------------------------------------------------------------------------------

  private void write(String type, String branchId, SpecificRecord event, Instant now)
      throws WriteFailedException {
    writer.write(
        List.of(
            new ParsedEvent(
                type, CampaignTopic.INCIDENTS, branchId, new IncidentEvent(event), now)));
  }

  /** True after answering 429 when the client address has sent too many bad links or forms. */
  private boolean limited(Context ctx) {
    OptionalLong retryAfter = rateLimits.tryTake("address " + ctx.ip());
    if (retryAfter.isEmpty()) {
      return false;
    }
    ctx.header("Retry-After", Long.toString(retryAfter.getAsLong()));
    plain(ctx, 429, "too many requests; try again later");
    return true;
  }

  private void linkOutcome(String outcome) {
    Counter.builder(ACK_LINKS)
        .description("Acknowledge links opened or tapped, by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private void smsOutcome(String outcome) {
    Counter.builder(SMS_REPLIES)
        .description("SMS replies received, by outcome (unknown_number: ignored)")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static void html(Context ctx, int status, String page) {
    ctx.status(status).contentType(HTML).result(page);
  }

  private static void plain(Context ctx, int status, String text) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
  }

  private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
  }
}
