package org.librarycampaign.ingest.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import library.campaign.events.BranchSettings;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.librarycampaign.ingest.decisions.ViewUnavailableException;

/**
 * {@link IncidentLookup} over the global stores of {@link IncidentViewTopology} (interactive
 * queries on the ingest API's Streams client).
 *
 * <p>{@link #smsAlertsTo} reads every notification: fine for a library system's few thousand
 * notifications, and an SMS reply is rare.
 */
public final class IncidentView implements IncidentLookup {

  private static final Comparator<Notification> OLDEST_FIRST =
      Comparator.comparing(Notification::getCreatedAt)
          .thenComparing(Notification::getNotificationId);

  private final Supplier<KafkaStreams> streams;

  public IncidentView(Supplier<KafkaStreams> streams) {
    this.streams = streams;
  }

  @Override
  public Optional<IncidentStatus> status(String incidentId) throws ViewUnavailableException {
    ReadOnlyKeyValueStore<String, IncidentStatus> store = store(IncidentViewTopology.STATUS_STORE);
    try {
      return Optional.ofNullable(store.get(incidentId));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<Notification> notifications(String incidentId) throws ViewUnavailableException {
    ReadOnlyKeyValueStore<String, Notification> store =
        store(IncidentViewTopology.NOTIFICATIONS_STORE);
    List<Notification> found = new ArrayList<>();
    try (KeyValueIterator<String, Notification> scan =
        store.prefixScan(incidentId + "/", new StringSerializer())) {
      scan.forEachRemaining(
          entry -> {
            // a prefix of another incident's id with a / in it is not this incident
            if (entry.value != null && entry.value.getIncidentId().equals(incidentId)) {
              found.add(entry.value);
            }
          });
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    found.sort(OLDEST_FIRST);
    return found;
  }

  @Override
  public Optional<BranchSettings> branchSettings(String branchId) throws ViewUnavailableException {
    ReadOnlyKeyValueStore<String, BranchSettings> store =
        store(IncidentViewTopology.BRANCH_SETTINGS_STORE);
    try {
      return Optional.ofNullable(store.get(branchId));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<DeliveryReceipt> receipt(String notificationId) throws ViewUnavailableException {
    ReadOnlyKeyValueStore<String, DeliveryReceipt> store =
        store(IncidentViewTopology.RECEIPTS_STORE);
    try {
      return Optional.ofNullable(store.get(notificationId));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<Notification> smsAlertsTo(String phoneNumber) throws ViewUnavailableException {
    String wanted = normalize(phoneNumber);
    ReadOnlyKeyValueStore<String, Notification> store =
        store(IncidentViewTopology.NOTIFICATIONS_STORE);
    List<Notification> found = new ArrayList<>();
    try (KeyValueIterator<String, Notification> scan = store.all()) {
      scan.forEachRemaining(
          entry -> {
            Notification n = entry.value;
            if (n != null
                && n.getKind() == NotificationKind.ALERT
                && n.getChannel() == ContactChannel.SMS
                && normalize(n.getAddress()).equals(wanted)) {
              found.add(n);
            }
          });
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    found.sort(OLDEST_FIRST);
    return found;
  }

  /** {@code +1 (555) 010-0100} and {@code +15550100100} are one number. */
  public static String normalize(String phoneNumber) {
    return phoneNumber.replaceAll("[\\s().-]", "").toLowerCase(Locale.ROOT);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) throws ViewUnavailableException {
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ViewUnavailableException(
          "the incident view is " + kafkaStreams.state().name().toLowerCase(Locale.ROOT), null);
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private static ViewUnavailableException unavailable(InvalidStateStoreException e) {
    return new ViewUnavailableException("the incident view is not queryable now", e);
  }
}
