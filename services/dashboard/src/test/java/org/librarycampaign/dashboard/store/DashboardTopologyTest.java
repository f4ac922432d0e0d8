package org.librarycampaign.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.dashboard.TestRecords.acknowledged;
import static org.librarycampaign.dashboard.TestRecords.amplifyGap;
import static org.librarycampaign.dashboard.TestRecords.conflictCleared;
import static org.librarycampaign.dashboard.TestRecords.conflictDetected;
import static org.librarycampaign.dashboard.TestRecords.deadLetter;
import static org.librarycampaign.dashboard.TestRecords.decision;
import static org.librarycampaign.dashboard.TestRecords.drafted;
import static org.librarycampaign.dashboard.TestRecords.milestone;
import static org.librarycampaign.dashboard.TestRecords.notification;
import static org.librarycampaign.dashboard.TestRecords.policy;
import static org.librarycampaign.dashboard.TestRecords.publication;
import static org.librarycampaign.dashboard.TestRecords.receipt;
import static org.librarycampaign.dashboard.TestRecords.reported;
import static org.librarycampaign.dashboard.TestRecords.resolved;
import static org.librarycampaign.dashboard.TestRecords.status;
import static org.librarycampaign.dashboard.TestRecords.withdrawn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentState;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Notification;
import library.campaign.events.Official;
import library.campaign.events.Officials;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.Severity;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.dashboard.facts.BranchSettingsFact;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DeadLetterFact;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.OfficialsFact;
import org.librarycampaign.dashboard.facts.PolicyFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.PublicationFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The production topology in a TopologyTestDriver: exactly what each store holds after input. */
class DashboardTopologyTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

  record Unreadable(DeadLetters.Failure failure, Instant at) {}

  private final List<Unreadable> unreadable = new ArrayList<>();

  @TempDir Path stateDir;
  private TopicCatalogue topics;
  private TopologyTestDriver driver;

  @BeforeEach
  void start() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    topics = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            DashboardTopology.buildTopology(
                config, topics, (failure, at) -> unreadable.add(new Unreadable(failure, at))),
            StreamsSettings.forService(config, DashboardService.NAME, topics),
            MONDAY);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void everyStoreIsNamedAndReadsItsOwnTopic() {
    var description =
        DashboardTopology.buildTopology(CampaignConfig.of(Map.of()), topics).describe();

    assertThat(description.subtopologies()).isEmpty();
    assertThat(description.globalStores())
        .extracting(store -> store.source().topicSet().iterator().next())
        .containsExactly(
            topics.channelPolicies().name(),
            topics.posts().name(),
            topics.postDecisions().name(),
            topics.milestones().name(),
            topics.conflicts().name(),
            topics.incidents().name(),
            topics.incidentStatus().name(),
            topics.notifications().name(),
            topics.notificationReceipts().name(),
            topics.deadLetters().name(),
            topics.publications().name(),
            topics.officials().name(),
            topics.branchSettings().name());
    assertThat(description.globalStores())
        .extracting(store -> store.processor().stores().iterator().next())
        .containsExactly(
            "dashboard-channel-policies",
            "dashboard-posts",
            "dashboard-post-decisions",
            "dashboard-milestones",
            "dashboard-calendar-flags",
            "dashboard-incidents",
            "dashboard-incident-status",
            "dashboard-notifications",
            "dashboard-notification-receipts",
            "dashboard-dead-letters",
            "dashboard-publications",
            "dashboard-officials",
            "dashboard-branch-settings");
  }

  @Test
  void publicationsKeepTheLatestReceiptOfEachRevision() {
    var publications = input(topics.publications());
    Instant at = MONDAY.plusSeconds(60);

    publications.pipeInput(
        "p1",
        publication(
            "p1",
            1,
            "eastside/MASTODON",
            PublicationStatus.RETRYING,
            PublisherKind.MASTODON,
            1,
            null,
            "HTTP 503",
            MONDAY,
            at));
    publications.pipeInput(
        "p1",
        publication(
            "p1",
            1,
            "eastside/MASTODON",
            PublicationStatus.PUBLISHED,
            PublisherKind.MASTODON,
            2,
            "https://mastodon.example/@eastside/1",
            null,
            MONDAY,
            at.plusSeconds(10)));
    // a late copy of the first attempt's receipt does not undo the publication
    publications.pipeInput(
        "p1",
        publication(
            "p1",
            1,
            "eastside/MASTODON",
            PublicationStatus.RETRYING,
            PublisherKind.MASTODON,
            1,
            null,
            "HTTP 503",
            MONDAY,
            at));
    publications.pipeInput(
        "p1",
        publication(
            "p1",
            2,
            "eastside/MASTODON",
            PublicationStatus.SKIPPED,
            PublisherKind.MASTODON,
            0,
            null,
            "withdrawn by the branch",
            MONDAY.plusSeconds(3600),
            at.plusSeconds(3600)));
    publications.pipeInput("p1", null);

    Map<String, PublicationFact> stored = contents(FactStore.PUBLICATIONS);
    assertThat(stored)
        .containsExactly(
            Map.entry(
                "p1/0000000001",
                new PublicationFact(
                    "p1",
                    1,
                    "eastside",
                    "eastside/MASTODON",
                    "PUBLISHED",
                    "MASTODON",
                    "p1/1",
                    MONDAY,
                    2,
                    "remote-p1",
                    "https://mastodon.example/@eastside/1",
                    null,
                    null,
                    at.plusSeconds(10))),
            Map.entry(
                "p1/0000000002",
                new PublicationFact(
                    "p1",
                    2,
                    "eastside",
                    "eastside/MASTODON",
                    "SKIPPED",
                    "MASTODON",
                    "p1/2",
                    MONDAY.plusSeconds(3600),
                    0,
                    null,
                    null,
                    null,
                    "withdrawn by the branch",
                    at.plusSeconds(3600))));
    assertThat(driver.producedTopicNames()).isEmpty();
    assertThat(unreadable).isEmpty();
  }

  @Test
  void directoriesOfOfficialsAreKeptPerBranchAndForgottenOnATombstone() {
    var officials = input(topics.officials());
    Officials eastside =
        Officials.newBuilder()
            .setBranchId("eastside")
            .setOfficials(
                List.of(
                    Official.newBuilder()
                        .setName("Dana Reyes")
                        .setOffice("County Executive")
                        .setHandles(Map.of("X", "@CountyExec", "FACEBOOK", "@countyexec"))
                        .build()))
            .build();
    Officials everyBranch = Officials.newBuilder().setBranchId("*").setOfficials(List.of()).build();

    officials.pipeInput("eastside", eastside);
    officials.pipeInput("*", everyBranch);

    assertThat(contents(FactStore.OFFICIALS))
        .containsExactly(
            Map.entry("*", new OfficialsFact("*", List.of())),
            Map.entry(
                "eastside",
                new OfficialsFact(
                    "eastside",
                    List.of(
                        new OfficialsFact.Entry(
                            "Dana Reyes",
                            "County Executive",
                            new java.util.TreeMap<>(
                                Map.of("FACEBOOK", "@countyexec", "X", "@CountyExec")))))));

    officials.pipeInput("eastside", null);

    assertThat(contents(FactStore.OFFICIALS))
        .containsExactly(Map.entry("*", new OfficialsFact("*", List.of())));
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void aBadDirectoryIsAbsentAndLeftToIngestsDeadLetter() {
    var officials = input(topics.officials());
    TestInputTopic<String, byte[]> raw =
        driver.createInputTopic(
            topics.officials().name(), new StringSerializer(), new ByteArraySerializer());
    Official official =
        Official.newBuilder()
            .setName("Dana Reyes")
            .setOffice("County Executive")
            .setHandles(Map.of("X", "@CountyExec"))
            .build();
    Officials eastside =
        Officials.newBuilder().setBranchId("eastside").setOfficials(List.of(official)).build();
    Officials westside =
        Officials.newBuilder().setBranchId("westside").setOfficials(List.of(official)).build();

    officials.pipeInput("eastside", eastside);
    officials.pipeInput(
        "eastside",
        Officials.newBuilder(eastside)
            .setOfficials(
                List.of(Official.newBuilder(official).setHandles(Map.of("TWITTER", "@x")).build()))
            .build());
    raw.pipeInput("westside", new byte[] {1, 2, 3});
    officials.pipeInput("westside", westside);

    assertThat(contents(FactStore.OFFICIALS)).containsOnlyKeys("westside");
    assertThat(unreadable).as("the dead letters of settings topics are ingest's").isEmpty();
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void branchSettingsKeepTheZonePerBranchAndAreForgottenOnATombstone() {
    var settings = input(topics.branchSettings());

    settings.pipeInput(
        "eastside",
        BranchSettings.newBuilder()
            .setBranchId("eastside")
            .setZone("America/Chicago")
            .setReportContacts(List.of("lead@eastside.example"))
            .build());
    settings.pipeInput("*", BranchSettings.newBuilder().setBranchId("*").build());

    assertThat(contents(FactStore.BRANCH_SETTINGS))
        .containsExactly(
            Map.entry("*", new BranchSettingsFact("*", null)),
            Map.entry("eastside", new BranchSettingsFact("eastside", "America/Chicago")));

    settings.pipeInput("eastside", null);

    assertThat(contents(FactStore.BRANCH_SETTINGS))
        .containsExactly(Map.entry("*", new BranchSettingsFact("*", null)));
    assertThat(driver.producedTopicNames()).isEmpty();
    assertThat(unreadable).isEmpty();
  }

  @Test
  void postsKeepTheLatestRevisionAndRememberWithdrawals() {
    TestInputTopic<String, library.campaign.events.PostEvent> posts = input(topics.posts());

    posts.pipeInput(
        "eastside",
        drafted("p1", 2, "eastside", Platform.FACEBOOK, PostCategory.CONTENT, MONDAY, "v2"));
    posts.pipeInput(
        "eastside",
        drafted("p1", 1, "eastside", Platform.FACEBOOK, PostCategory.CONTENT, MONDAY, "v1"));
    posts.pipeInput(
        "eastside",
        drafted("p2", 1, "eastside", Platform.X, PostCategory.CAMPAIGN, MONDAY, "vote"));
    posts.pipeInput("eastside", withdrawn("p2", "eastside", Platform.X, MONDAY));
    posts.pipeInput("eastside", withdrawn("p9", "eastside", Platform.X, MONDAY));

    Map<String, PostFact> stored = contents(FactStore.POSTS);
    assertThat(stored).containsOnlyKeys("p1", "p2");
    assertThat(stored.get("p1").revision()).isEqualTo(2);
    assertThat(stored.get("p1").text()).isEqualTo("v2");
    assertThat(stored.get("p1").withdrawn()).isFalse();
    assertThat(stored.get("p2").withdrawn()).isTrue();
    assertThat(stored.get("p2").withdrawnReason()).isEqualTo("duplicate");
    assertThat(driver.producedTopicNames()).isEmpty();
    assertThat(unreadable).isEmpty();
  }

  @Test
  void decisionsKeepTheLatestAndSkipStaleRevisions() {
    var decisions = input(topics.postDecisions());

    decisions.pipeInput(
        "p1",
        decision(
            "p1",
            2,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            MONDAY,
            DecisionStatus.HELD,
            MONDAY));
    decisions.pipeInput(
        "p1",
        decision(
            "p1",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            MONDAY,
            DecisionStatus.APPROVED,
            MONDAY));
    decisions.pipeInput(
        "p2",
        decision(
            "p2",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CONTENT,
            MONDAY,
            DecisionStatus.APPROVED,
            MONDAY));
    decisions.pipeInput("p2", null);

    assertThat(contents(FactStore.DECISIONS))
        .containsExactly(
            Map.entry(
                "p1",
                new DecisionFact(
                    "p1",
                    2,
                    "eastside",
                    "eastside/FACEBOOK",
                    "CAMPAIGN",
                    "budget-2027",
                    MONDAY,
                    "HELD",
                    false,
                    List.of(),
                    List.of(),
                    null,
                    MONDAY)));
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void policiesAndMilestones() {
    input(topics.channelPolicies())
        .pipeInput(
            "eastside/FACEBOOK",
            policy("eastside", Platform.FACEBOOK, 3, "America/Chicago", false));
    var milestones = input(topics.milestones());
    Instant starts = Instant.parse("2026-12-03T18:00:00Z");
    milestones.pipeInput(
        "*",
        milestone(
            "m1",
            2,
            MilestoneKind.CAMPAIGN_MILESTONE,
            "*",
            "Budget hearing",
            starts,
            starts.plusSeconds(7200),
            false));
    milestones.pipeInput(
        "*",
        milestone(
            "m1",
            1,
            MilestoneKind.CAMPAIGN_MILESTONE,
            "*",
            "Old title",
            starts,
            starts.plusSeconds(7200),
            false));
    milestones.pipeInput(
        "eastside",
        milestone(
            "m2",
            1,
            MilestoneKind.COMMUNITY_EVENT,
            "eastside",
            "Fair",
            starts,
            starts.plusSeconds(3600),
            false));
    milestones.pipeInput(
        "eastside",
        milestone(
            "m2",
            2,
            MilestoneKind.COMMUNITY_EVENT,
            "eastside",
            "Fair",
            starts,
            starts.plusSeconds(3600),
            true));

    assertThat(contents(FactStore.POLICIES))
        .containsExactly(
            Map.entry(
                "eastside/FACEBOOK",
                new PolicyFact(
                    "eastside/FACEBOOK", "eastside", "FACEBOOK", 3, 3, "America/Chicago", false)));
    assertThat(contents(FactStore.MILESTONES))
        .containsExactly(
            Map.entry(
                "m1",
                new MilestoneFact(
                    "m1",
                    2,
                    "CAMPAIGN_MILESTONE",
                    "AMPLIFY",
                    "budget-2027",
                    "*",
                    "Budget hearing",
                    starts,
                    starts.plusSeconds(7200),
                    120,
                    false)),
            Map.entry(
                "m2",
                new MilestoneFact(
                    "m2",
                    2,
                    "COMMUNITY_EVENT",
                    "AVOID",
                    null,
                    "eastside",
                    "Fair",
                    starts,
                    starts.plusSeconds(3600),
                    120,
                    true)));
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void conflictsArePerPostAndMilestoneAndGapsCloseAway() {
    var conflicts = input(topics.conflicts());
    Instant at = Instant.parse("2026-12-05T12:30:00Z");
    Instant from = Instant.parse("2026-12-05T08:00:00Z");
    Instant until = Instant.parse("2026-12-05T20:00:00Z");

    conflicts.pipeInput(
        "p1", conflictDetected("p1", "fest", "eastside", at, "Festival", from, until));
    conflicts.pipeInput("p1", conflictDetected("p1", "fair", "eastside", at, "Fair", from, until));
    conflicts.pipeInput("p1", conflictCleared("p1", "fest", "eastside"));
    conflicts.pipeInput("gap:m1/northgate", amplifyGap("m1", "northgate", "Hearing", at, true));
    conflicts.pipeInput("gap:m1/westside", amplifyGap("m1", "westside", "Hearing", at, true));
    conflicts.pipeInput("gap:m1/westside", amplifyGap("m1", "westside", "Hearing", at, false));

    Map<String, CalendarFlag> flags = contents(FactStore.FLAGS);
    assertThat(flags).containsOnlyKeys("gap:m1/northgate", "post:p1|fair");
    assertThat(flags.get("post:p1|fair").conflict().suggestedAt()).isEqualTo(until);
    assertThat(flags.get("gap:m1/northgate").gap().milestoneTitle()).isEqualTo("Hearing");
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void incidentsNotificationsReceiptsAndDeadLetters() {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    var incidents = input(topics.incidents());
    incidents.pipeInput("eastside", reported("i1", "eastside", Severity.HIGH, "Challenge", at));
    incidents.pipeInput("eastside", acknowledged("i1", "eastside", "ana", at.plusSeconds(60)));
    incidents.pipeInput("eastside", acknowledged("i1", "eastside", "bob", at.plusSeconds(90)));
    incidents.pipeInput("eastside", resolved("i1", "eastside", at.plusSeconds(600)));
    Notification email =
        notification("i1", "eastside", 0, "r1", "Ana", ContactChannel.EMAIL, "ana@x.org", at);
    input(topics.notifications()).pipeInput(email.getNotificationId(), email);
    input(topics.incidentStatus())
        .pipeInput("i1", status("i1", "eastside", IncidentState.OPEN, 0, List.of(email), at));
    var receipts = input(topics.notificationReceipts());
    receipts.pipeInput(
        email.getNotificationId(),
        receipt(
            email.getNotificationId(),
            DeliveryStatus.RETRYING,
            ContactChannel.EMAIL,
            1,
            false,
            "timeout",
            at.plusSeconds(1)));
    receipts.pipeInput(
        email.getNotificationId(),
        receipt(
            email.getNotificationId(),
            DeliveryStatus.DELIVERED,
            ContactChannel.EMAIL,
            2,
            false,
            null,
            at.plusSeconds(6)));
    receipts.pipeInput(
        email.getNotificationId(),
        receipt(
            email.getNotificationId(),
            DeliveryStatus.DELIVERED,
            ContactChannel.EMAIL,
            2,
            false,
            null,
            at.plusSeconds(6)));
    var deadLetters = input(topics.deadLetters());
    deadLetters.pipeInput("k", deadLetter("campaign.posts", 1, 7, at));
    deadLetters.pipeInput("k", deadLetter("campaign.posts", 1, 7, at));

    assertThat(contents(FactStore.INCIDENTS))
        .containsExactly(
            Map.entry(
                "i1",
                new IncidentFact(
                    "i1",
                    "eastside",
                    "HIGH",
                    "BOOK_CHALLENGE",
                    "Challenge",
                    "front desk",
                    at,
                    "ana",
                    at.plusSeconds(60),
                    "director",
                    at.plusSeconds(600),
                    "The book stays",
                    // the acknowledgement did not say how: the API
                    "API")));
    assertThat(contents(FactStore.NOTIFICATIONS))
        .containsExactly(
            Map.entry(
                "i1/0/r1/EMAIL",
                new NotificationFact(
                    "i1/0/r1/EMAIL",
                    "i1",
                    "eastside",
                    "ALERT",
                    0,
                    "HIGH",
                    "r1",
                    "Ana",
                    "Comms lead",
                    "EMAIL",
                    "ana@x.org",
                    "[HIGH] Book challenge at eastside",
                    at)));
    assertThat(contents(FactStore.STATUSES))
        .containsExactly(
            Map.entry(
                "i1",
                new IncidentStatusFact(
                    "i1",
                    "eastside",
                    "OPEN",
                    "HIGH",
                    "Challenge to a picture book",
                    0,
                    1,
                    List.of(
                        new IncidentStatusFact.Notified("i1/0/r1/EMAIL", 0, "r1", "Ana", "EMAIL")),
                    null,
                    at,
                    at)));
    assertThat(contents(FactStore.RECEIPTS))
        .containsExactly(
            Map.entry(
                "i1/0/r1/EMAIL",
                new ReceiptsFact(
                    "i1/0/r1/EMAIL",
                    List.of(
                        new ReceiptsFact.Receipt(
                            "RETRYING",
                            "EMAIL",
                            1,
                            at.plusSeconds(6),
                            "timeout",
                            false,
                            at.plusSeconds(1)),
                        new ReceiptsFact.Receipt(
                            "DELIVERED", "EMAIL", 2, null, null, false, at.plusSeconds(6))))));
    assertThat(contents(FactStore.DEAD_LETTERS))
        .containsExactly(
            Map.entry(
                DeadLetterFact.key("campaign.posts", 1, 7),
                new DeadLetterFact(
                    "campaign.posts",
                    1,
                    7,
                    "campaign-governance",
                    "DESERIALIZATION",
                    "org.apache.kafka.common.errors.SerializationException",
                    "Unknown magic byte!",
                    at)));
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void aRecordThatCannotBeReadIsHandedOverAndTheNextOneIsStillFolded() {
    TestInputTopic<String, byte[]> raw =
        driver.createInputTopic(
            topics.postDecisions().name(), new StringSerializer(), new ByteArraySerializer());
    raw.pipeInput("garbled", new byte[] {1, 2, 3}, MONDAY.plusSeconds(5));
    input(topics.postDecisions())
        .pipeInput(
            "p1",
            decision(
                "p1",
                1,
                "eastside",
                Platform.FACEBOOK,
                PostCategory.CONTENT,
                MONDAY,
                DecisionStatus.APPROVED,
                MONDAY));

    assertThat(unreadable).hasSize(1);
    DeadLetters.Failure failure = unreadable.get(0).failure();
    assertThat(failure.sourceTopic()).isEqualTo(topics.postDecisions().name());
    assertThat(failure.partition()).isZero();
    assertThat(failure.offset()).isZero();
    assertThat(failure.stage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
    assertThat(failure.key()).isEqualTo("garbled".getBytes(StandardCharsets.UTF_8));
    assertThat(failure.value()).containsExactly(1, 2, 3);
    assertThat(unreadable.get(0).at()).isEqualTo(MONDAY);
    assertThat(contents(FactStore.DECISIONS)).containsOnlyKeys("p1");
    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void theReaderReadsEveryStoreInKeyOrder() {
    var posts = input(topics.posts());
    posts.pipeInput(
        "eastside", drafted("b", 1, "eastside", Platform.X, PostCategory.CONTENT, MONDAY, "b"));
    posts.pipeInput(
        "eastside", drafted("a", 1, "eastside", Platform.X, PostCategory.CONTENT, MONDAY, "a"));

    Facts facts =
        FactReader.read(
            new FactReader.StoreLookup() {
              @Override
              public <F> ReadOnlyKeyValueStore<String, F> store(FactStore<?, F> store) {
                return driver.getKeyValueStore(store.name());
              }
            });

    assertThat(facts.posts()).extracting(PostFact::postId).containsExactly("a", "b");
    assertThat(facts.decisions()).isEmpty();
    assertThat(facts.deadLetters()).isEmpty();
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), new StringSerializer(), topic.valueSerde().serializer());
  }

  private <F> Map<String, F> contents(FactStore<?, F> store) {
    KeyValueStore<String, F> kv = driver.getKeyValueStore(store.name());
    Map<String, F> contents = new LinkedHashMap<>();
    try (KeyValueIterator<String, F> all = kv.all()) {
      all.forEachRemaining(entry -> contents.put(entry.key, entry.value));
    }
    return contents;
  }
}
