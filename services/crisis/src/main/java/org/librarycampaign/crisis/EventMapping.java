package org.librarycampaign.crisis;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.RepeatPolicy;
import library.campaign.events.ResponseChannel;
import library.campaign.events.ResponsePlan;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.Notice;
import org.librarycampaign.crisis.response.NoticeText;
import org.librarycampaign.crisis.response.Notified;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.Recipient;
import org.librarycampaign.crisis.response.Repeat;
import org.librarycampaign.crisis.response.Resolution;
import org.librarycampaign.crisis.response.Responder;
import org.librarycampaign.crisis.response.Rotation;
import org.librarycampaign.crisis.response.RotationOverride;
import org.librarycampaign.crisis.response.Tier;
import org.librarycampaign.platform.events.EventType;

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
                        tier.getResponders().stream().map(EventMapping::responder).toList()))
            .toList();
    RepeatPolicy repeat = plan.getRepeat();
    return new Plan(
        key,
        plan.getSteps(),
        tiers,
        repeat == null ? null : new Repeat(repeat.getEveryMinutes(), repeat.getTimes()));
  }

  private static Responder responder(library.campaign.events.Responder r) {
    return new Responder(
        r.getResponderId(),
        r.getName(),
        r.getRole(),
        r.getMinSeverity(),
        contacts(r.getContacts()),
        r.getRotation() == null ? null : rotation(r.getRotation()));
  }

  private static Rotation rotation(library.campaign.events.Rotation rotation) {
    return new Rotation(
        rotation.getMembers().stream()
            .map(
                m ->
                    new Rotation.Member(m.getResponderId(), m.getName(), contacts(m.getContacts())))
            .toList(),
        DayOfWeek.valueOf(rotation.getHandoffDay().name()),
        LocalTime.parse(rotation.getHandoffTime()),
        ZoneId.of(rotation.getZone()),
        rotation.getStartDate());
  }

  private static List<Contact> contacts(List<library.campaign.events.Contact> contacts) {
    return contacts.stream().map(c -> new Contact(c.getChannel(), c.getAddress())).toList();
  }

  static RotationOverride rotationOverride(library.campaign.events.RotationOverride override) {
    return new RotationOverride(
        override.getRotationId(),
        override.getOverrideId(),
        override.getResponderId(),
        override.getFrom(),
        override.getUntil());
  }

  /** The incident id of any incident event. */
  static String incidentId(EventType.Incident type, Object event) {
    return switch (type) {
      case REPORTED -> ((IncidentReported) event).getIncidentId();
      case ACKNOWLEDGED -> ((IncidentAcknowledged) event).getIncidentId();
      case RESOLVED -> ((IncidentResolved) event).getIncidentId();
      case ESCALATION_REQUESTED -> ((IncidentEscalationRequested) event).getIncidentId();
    };
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
    boolean alert = notice.kind().asksToAct();
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
        .setSteps(incident.plan() == null ? List.of() : incident.plan().steps())
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
