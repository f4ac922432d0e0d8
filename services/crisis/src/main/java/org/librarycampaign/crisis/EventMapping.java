package org.librarycampaign.crisis;

import java.util.List;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.ResponseChannel;
import library.campaign.events.ResponsePlan;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.Notice;
import org.librarycampaign.crisis.response.NoticeKind;
import org.librarycampaign.crisis.response.NoticeText;
import org.librarycampaign.crisis.response.Notified;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.Recipient;
import org.librarycampaign.crisis.response.Resolution;
import org.librarycampaign.crisis.response.Responder;
import org.librarycampaign.crisis.response.Tier;

/** Between the Avro events of the topics and the crisis rules' own types. */
final class EventMapping {

  private EventMapping() {}

  /** The plan published under {@code key} (a branch id or {@code *}). */
  static Plan plan(String key, ResponsePlan plan) {
    List<Tier> tiers =
        plan.getTiers().stream()
            .map(
                tier ->
                    new Tier(
                        tier.getAckTimeoutMinutes(),
                        tier.getResponders().stream()
                            .map(
                                r ->
                                    new Responder(
                                        r.getResponderId(),
                                        r.getName(),
                                        r.getRole(),
                                        r.getMinSeverity(),
                                        r.getContacts().stream()
                                            .map(c -> new Contact(c.getChannel(), c.getAddress()))
                                            .toList()))
                            .toList()))
            .toList();
    return new Plan(key, plan.getSteps(), tiers);
  }

  static IncidentReport report(IncidentReported reported) {
    return new IncidentReport(
        reported.getIncidentId(),
        reported.getBranchId(),
        reported.getSeverity(),
        reported.getCategory(),
        reported.getSummary(),
        reported.getReportedBy(),
        reported.getReportedAt());
  }

  static Resolution resolution(IncidentResolved resolved) {
    return new Resolution(resolved.getBy(), resolved.getAt(), resolved.getResolution());
  }

  static Notification notification(Incident incident, Notice notice, NoticeText text) {
    Recipient recipient = notice.recipient();
    boolean alert = notice.kind() == NoticeKind.ALERT;
    return Notification.newBuilder()
        .setNotificationId(notice.notificationId())
        .setIncidentId(incident.incidentId())
        .setBranchId(incident.branchId())
        .setKind(alert ? NotificationKind.ALERT : NotificationKind.RESOLUTION)
        .setTier(notice.tier())
        .setSeverity(incident.report().severity())
        .setRecipient(
            new library.campaign.events.Recipient(
                recipient.responderId(), recipient.name(), recipient.role()))
        .setChannel(recipient.contact().channel())
        .setAddress(recipient.contact().address())
        .setSubject(text.subject(incident, notice))
        .setBody(text.body(incident, notice))
        .setSummary(incident.report().summary())
        .setSteps(incident.plan().steps())
        .setAcknowledgeUrl(alert ? text.acknowledgeUrl(incident.incidentId()) : null)
        .setAckUrl(alert ? text.ackUrl(incident, notice) : null)
        .setCreatedAt(notice.createdAt())
        .build();
  }

  static IncidentStatus status(Incident incident) {
    List<NotifiedContact> notified =
        incident.notified().stream().map(EventMapping::notifiedContact).toList();
    return IncidentStatus.newBuilder()
        .setIncidentId(incident.incidentId())
        .setBranchId(incident.branchId())
        .setState(IncidentState.valueOf(incident.stage().name()))
        .setSeverity(incident.report().severity())
        .setSummary(incident.report().summary())
        .setTier(incident.tier())
        .setNotifiedCount(notified.size())
        .setNotified(notified)
        .setAcknowledgedBy(incident.acknowledgedBy())
        .setAcknowledgedAt(incident.acknowledgedAt())
        .setAcknowledgedVia(
            incident.acknowledgedVia() == null
                ? null
                : ResponseChannel.valueOf(incident.acknowledgedVia()))
        .setResolvedBy(incident.resolution() == null ? null : incident.resolution().by())
        .setResolvedAt(incident.resolution() == null ? null : incident.updatedAt())
        .setReportedAt(incident.report().reportedAt())
        .setUpdatedAt(incident.updatedAt())
        .build();
  }

  private static NotifiedContact notifiedContact(Notified notified) {
    Recipient recipient = notified.recipient();
    return new NotifiedContact(
        notified.notificationId(),
        notified.tier(),
        recipient.responderId(),
        recipient.name(),
        recipient.contact().channel());
  }
}
