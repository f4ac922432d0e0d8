package org.librarycampaign.ingest.incidents;

import java.util.List;
import java.util.Optional;
import library.campaign.events.BranchSettings;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.librarycampaign.ingest.decisions.ViewUnavailableException;

/**
 * Where the crisis service's records of an incident are found.
 *
 * <p>Every method throws {@link ViewUnavailableException} while the view cannot be queried.
 */
public interface IncidentLookup {

  /** The latest status of an incident; empty when crisis has not written one (yet). */
  Optional<IncidentStatus> status(String incidentId) throws ViewUnavailableException;

  /** Every notification of an incident, alerts and resolution notices, oldest first. */
  List<Notification> notifications(String incidentId) throws ViewUnavailableException;

  /** The latest delivery receipt of a notification. */
  Optional<DeliveryReceipt> receipt(String notificationId) throws ViewUnavailableException;

  /**
   * Every SMS alert sent to a phone number (compared as digits with an optional leading {@code +}),
   * oldest first: whom an SMS reply comes from.
   */
  List<Notification> smsAlertsTo(String phoneNumber) throws ViewUnavailableException;

  /**
   * The settings of a branch ({@code *}: of every branch without its own), for the zone its people
   * read times in; empty when none were sent.
   */
  Optional<BranchSettings> branchSettings(String branchId) throws ViewUnavailableException;
}
