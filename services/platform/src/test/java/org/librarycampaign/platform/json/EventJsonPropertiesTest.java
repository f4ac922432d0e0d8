package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Contact;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.Media;
import library.campaign.events.MediaKind;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Responder;
import library.campaign.events.ResponsePlan;
import library.campaign.events.ResponseTier;
import library.campaign.events.RotationOverride;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.Schema;
import org.librarycampaign.platform.topics.CampaignTopic;

/** Random valid records survive write then parse; random damage to a line is always named. */
class EventJsonPropertiesTest {

  private static final EventJson JSON = new EventJson();

  // --- round trips ---------------------------------------------------------------------------

  @Property
  void postDraftedComesBackEqual(@ForAll("postDrafted") PostDrafted post) {
    PostEvent value = new PostEvent(post);
    String line = JSON.write(value);

    ParsedEvent event = JSON.parse(line);

    assertThat(event.value()).isEqualTo(value);
    assertThat(event.topic()).isEqualTo(CampaignTopic.POSTS);
    assertThat(event.key()).isEqualTo(post.getBranchId());
    assertThat(event.eventTime()).isEqualTo(post.getDraftedAt());
    assertThat(JSON.write(event)).isEqualTo(line);
  }

  @Property
  void responsePlanComesBackEqual(@ForAll("responsePlan") ResponsePlan plan) {
    String line = JSON.write(plan);

    ParsedEvent event = JSON.parse(line);

    assertThat(event.value()).isEqualTo(plan);
    assertThat(event.topic()).isEqualTo(CampaignTopic.RESPONSE_PLANS);
    assertThat(event.key()).isEqualTo(plan.getBranchId());
    assertThat(JSON.write(event)).isEqualTo(line);
  }

  // --- damaged lines -------------------------------------------------------------------------

  enum Damage {
    DROP_REQUIRED_FIELD,
    WRONG_TYPE,
    BAD_ENUM,
    BAD_INSTANT,
    UNKNOWN_FIELD,
    CUT_SHORT
  }

  /** The line, the path the error must name and what its message must be like. */
  record Damaged(String line, String field, Predicate<String> message) {}

  @Property
  void damageIsAlwaysRefusedNamingTheField(
      @ForAll("validLines") ObjectNode valid,
      @ForAll Damage damage,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    Damaged damaged = damage(valid.deepCopy(), damage, pick);

    Throwable thrown = catchThrowable(() -> JSON.parse(damaged.line()));

    assertThat(thrown).as(damaged.line()).isExactlyInstanceOf(InvalidEventException.class);
    List<FieldError> errors = ((InvalidEventException) thrown).errors();
    assertThat(errors)
        .as(damaged.line())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo(damaged.field());
              assertThat(error.message()).matches(damaged.message());
            });
  }

  private static Damaged damage(ObjectNode line, Damage damage, int pick) {
    Schema schema = schemaOf(line.get("type").textValue());
    List<Site> sites = new ArrayList<>();
    List<Site> objects = new ArrayList<>();
    walk(line, schema, "", sites, objects);
    List<Site> candidates =
        switch (damage) {
          case DROP_REQUIRED_FIELD -> sites.stream().filter(Site::required).toList();
          case WRONG_TYPE -> sites;
          case BAD_ENUM ->
              sites.stream().filter(s -> s.schema().getType() == Schema.Type.ENUM).toList();
          case BAD_INSTANT ->
              sites.stream()
                  .filter(
                      s ->
                          s.schema().getLogicalType() != null
                              && s.schema().getLogicalType().getName().startsWith("timestamp"))
                  .toList();
          case UNKNOWN_FIELD -> objects;
          case CUT_SHORT -> List.of();
        };
    if (damage == Damage.CUT_SHORT) {
      String text = line.toString();
      return new Damaged(
          text.substring(0, pick % text.length()), "$", m -> m.startsWith("not a JSON object"));
    }
    if (candidates.isEmpty()) {
      return damage(line, Damage.UNKNOWN_FIELD, pick);
    }
    Site site = candidates.get(pick % candidates.size());
    switch (damage) {
      case DROP_REQUIRED_FIELD -> {
        ((ObjectNode) site.container()).remove(site.name());
        return new Damaged(line.toString(), site.path(), "required"::equals);
      }
      case WRONG_TYPE -> {
        site.set(wrongValue(site.schema()));
        return new Damaged(
            line.toString(),
            site.path(),
            m ->
                m.startsWith("expected ")
                    || m.startsWith("must be one of ")
                    || m.equals(JsonToAvro.INSTANT_MESSAGE)
                    || m.equals("not an ISO-8601 date such as 2026-12-01"));
      }
      case BAD_ENUM -> {
        site.set(TextNode.valueOf(pick % 2 == 0 ? "NOT_A_SYMBOL" : "high"));
        return new Damaged(line.toString(), site.path(), m -> m.startsWith("must be one of "));
      }
      case BAD_INSTANT -> {
        String[] bad = {"yesterday", "2026-12-01", "2026-12-01T15:00:00", "01/12/2026 15:00", ""};
        site.set(TextNode.valueOf(bad[pick % bad.length]));
        return new Damaged(line.toString(), site.path(), JsonToAvro.INSTANT_MESSAGE::equals);
      }
      default -> {
        String name = pick % 2 == 0 ? "colour" : "postID";
        if (site.container().has(name)) {
          name = "xyzzy";
        }
        ((ObjectNode) site.container()).put(name, "blue");
        String path = site.path().isEmpty() ? name : site.path() + "." + name;
        return new Damaged(line.toString(), path, "unknown field"::equals);
      }
    }
  }

  /** A place in a line: a field of an object, or an element of an array. */
  record Site(
      String path, JsonNode container, String name, int index, Schema schema, boolean required) {
    void set(JsonNode value) {
      if (name != null) {
        ((ObjectNode) container).set(name, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }
  }

  private static void walk(
      ObjectNode object, Schema record, String path, List<Site> sites, List<Site> objects) {
    objects.add(new Site(path, object, null, -1, record, false));
    for (Schema.Field field : record.getFields()) {
      JsonNode value = object.get(field.name());
      if (value == null || value.isNull()) {
        continue;
      }
      String at = path.isEmpty() ? field.name() : path + "." + field.name();
      Schema schema = nonNull(field.schema());
      boolean required = !field.hasDefaultValue() && !JsonToAvro.isNullable(field.schema());
      sites.add(new Site(at, object, field.name(), -1, schema, required));
      if (schema.getType() == Schema.Type.RECORD) {
        walk((ObjectNode) value, schema, at, sites, objects);
      } else if (schema.getType() == Schema.Type.ARRAY) {
        Schema items = schema.getElementType();
        for (int i = 0; i < value.size(); i++) {
          String item = at + "[" + i + "]";
          if (items.getType() == Schema.Type.RECORD) {
            walk((ObjectNode) value.get(i), items, item, sites, objects);
          } else {
            sites.add(new Site(item, value, null, i, items, false));
          }
        }
      }
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode wrongValue(Schema schema) {
    if (schema.getLogicalType() != null) {
      return BooleanNode.TRUE;
    }
    return switch (schema.getType()) {
      case STRING, ENUM -> IntNode.valueOf(42);
      case INT, LONG, BOOLEAN -> TextNode.valueOf("seven");
      case ARRAY -> JsonNodeFactory.instance.objectNode();
      case RECORD, MAP -> JsonNodeFactory.instance.arrayNode().add(1);
      default -> JsonNodeFactory.instance.arrayNode();
    };
  }

  private static Schema schemaOf(String type) {
    return Map.ofEntries(
            Map.entry("PostDrafted", PostDrafted.getClassSchema()),
            Map.entry("PostWithdrawn", PostWithdrawn.getClassSchema()),
            Map.entry("PostReviewed", PostReviewed.getClassSchema()),
            Map.entry("Milestone", MilestoneEvent.getClassSchema()),
            Map.entry("IncidentReported", IncidentReported.getClassSchema()),
            Map.entry("IncidentAcknowledged", IncidentAcknowledged.getClassSchema()),
            Map.entry("IncidentResolved", IncidentResolved.getClassSchema()),
            Map.entry("IncidentEscalationRequested", IncidentEscalationRequested.getClassSchema()),
            Map.entry("ChannelPolicy", ChannelPolicy.getClassSchema()),
            Map.entry("ResponsePlan", ResponsePlan.getClassSchema()),
            Map.entry("RotationOverride", RotationOverride.getClassSchema()),
            Map.entry("BranchSettings", BranchSettings.getClassSchema()),
            Map.entry("Officials", library.campaign.events.Officials.getClassSchema()))
        .get(type);
  }

  // --- generators ----------------------------------------------------------------------------

  @Provide
  Arbitrary<ObjectNode> validLines() {
    return Arbitraries.oneOf(
        postDrafted().map(post -> JSON.toJson(new PostEvent(post))),
        responsePlan().map(JSON::toJson),
        Arbitraries.of(Samples.inputValues()).map(JSON::toJson));
  }

  @Provide
  Arbitrary<PostDrafted> postDrafted() {
    return Builders.withBuilder(PostDrafted::newBuilder)
        .use(ids())
        .in((b, v) -> b.setPostId(v))
        .use(Arbitraries.integers().between(1, Integer.MAX_VALUE))
        .in((b, v) -> b.setRevision(v))
        .use(ids())
        .in((b, v) -> b.setBranchId(v))
        .use(Arbitraries.of(Platform.class))
        .in((b, v) -> b.setPlatform(v))
        .use(Arbitraries.of(PostCategory.class))
        .in((b, v) -> b.setCategory(v))
        .use(ids().injectNull(0.3))
        .in((b, v) -> b.setCampaignId(v))
        .use(texts())
        .in((b, v) -> b.setText(v))
        .use(texts().list().ofMaxSize(4))
        .in((b, v) -> b.setHashtags(v))
        .use(texts().list().ofMaxSize(4))
        .in((b, v) -> b.setMentions(v))
        .use(webAddresses().list().ofMaxSize(3))
        .in((b, v) -> b.setLinks(v))
        .use(media().list().ofMaxSize(3))
        .in((b, v) -> b.setMedia(v))
        .use(instants())
        .in((b, v) -> b.setScheduledAt(v))
        .use(texts().injectNull(0.3))
        .in((b, v) -> b.setAuthor(v))
        .use(instants())
        .in((b, v) -> b.setDraftedAt(v))
        .build(PostDrafted.Builder::build);
  }

  @Provide
  Arbitrary<ResponsePlan> responsePlan() {
    Arbitrary<Contact> contact =
        Arbitraries.of(ContactChannel.class)
            .flatMap(
                channel ->
                    (switch (channel) {
                          case EMAIL -> hosts().map(h -> "comms@" + h);
                          case WEBHOOK -> webAddresses();
                          case SMS ->
                              Arbitraries.strings()
                                  .numeric()
                                  .ofMinLength(6)
                                  .ofMaxLength(15)
                                  .map(n -> "+" + n);
                          case UNKNOWN -> texts().filter(t -> !t.isBlank());
                        })
                        .map(address -> new Contact(channel, address)));
    Arbitrary<Responder> responder =
        Combinators.combine(
                ids(),
                texts(),
                texts(),
                Arbitraries.of(Severity.class),
                contact.list().ofMaxSize(3))
            .as(
                (id, name, role, severity, contacts) ->
                    new Responder(id, name, role, severity, contacts, null));
    Arbitrary<ResponseTier> tier =
        Combinators.combine(
                Arbitraries.integers().between(1, 100_000), responder.list().ofMaxSize(3))
            .as(ResponseTier::new);
    return Combinators.combine(
            Arbitraries.oneOf(ids(), Arbitraries.just("*")),
            texts().list().ofMaxSize(5),
            tier.list().ofMaxSize(3))
        .as((branch, steps, tiers) -> new ResponsePlan(branch, steps, tiers, null));
  }

  private static Arbitrary<Media> media() {
    return Combinators.combine(
            Arbitraries.of(MediaKind.class), webAddresses(), texts().injectNull(0.5))
        .as(Media::new);
  }

  /** Valid ids: 1 to 128 ASCII letters, digits, '.', '_', ':' and '-'. */
  private static Arbitrary<String> ids() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('-', '_', '.', ':')
        .ofMinLength(1)
        .ofMaxLength(128);
  }

  /** Any text, with quotes, backslashes, control characters, accents and emoji. */
  private static Arbitrary<String> texts() {
    Arbitrary<String> plain =
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(60);
    return Arbitraries.oneOf(
        plain,
        Combinators.combine(
                plain, Arbitraries.of("\uD83D\uDCDA", "\"", "\\", "\n", "\u2028"), plain)
            .as((a, b, c) -> a + b + c));
  }

  private static Arbitrary<String> hosts() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(20)
        .map(name -> name + ".example.org");
  }

  private static Arbitrary<String> webAddresses() {
    return Combinators.combine(
            Arbitraries.of("http", "https", "HTTPS"),
            hosts(),
            Arbitraries.strings().withCharRange('a', 'z').withChars('/', '-', '_').ofMaxLength(30))
        .as((scheme, host, path) -> scheme + "://" + host + "/" + path);
  }

  /** Whole milliseconds from 1900 to 2200, before and after the epoch. */
  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-2_208_988_800_000L, 7_258_118_400_000L)
        .map(Instant::ofEpochMilli);
  }
}
