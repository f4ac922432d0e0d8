package org.librarycampaign.dispatcher.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import library.campaign.events.Notification;

/**
 * The structured fields of a notification as JSON, in a fixed order: the webhook body and the
 * outbox entries are built from it.
 */
final class NotificationJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private NotificationJson() {}

  /** {@code text} first (what chat tools show as-is), then every field of the notification. */
  static ObjectNode webhookBody(Notification notification) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("text", MessageText.chat(notification));
    fields(body, notification);
    return body;
  }

  static void fields(ObjectNode node, Notification notification) {
    node.put("notificationId", notification.getNotificationId());
    node.put("incidentId", notification.getIncidentId());
    node.put("branchId", notification.getBranchId());
    node.put("kind", notification.getKind().name());
    node.put("tier", notification.getTier());
    node.put("severity", notification.getSeverity().name());
    ObjectNode recipient = node.putObject("recipient");
    recipient.put("responderId", notification.getRecipient().getResponderId());
    recipient.put("name", notification.getRecipient().getName());
    recipient.put("role", notification.getRecipient().getRole());
    node.put("channel", notification.getChannel().name());
    node.put("address", notification.getAddress());
    node.put("subject", notification.getSubject());
    node.put("summary", notification.getSummary());
    node.put("body", notification.getBody());
    var steps = node.putArray("steps");
    notification.getSteps().forEach(steps::add);
    node.put("acknowledgeUrl", notification.getAcknowledgeUrl());
    // the one-tap link: a chat bot or a paging tool can POST it to acknowledge without a token
    node.put("ackUrl", notification.getAckUrl());
    node.put("createdAt", notification.getCreatedAt().toString());
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
