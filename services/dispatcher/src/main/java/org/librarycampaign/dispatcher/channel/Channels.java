package org.librarycampaign.dispatcher.channel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.Notification;
import org.librarycampaign.platform.config.Secret;
import org.librarycampaign.platform.mail.SmtpSettings;

/**
 * The channel for each kind of contact: the real one where it is configured, else the local outbox
 * (labelled with the setting that is missing).
 */
public final class Channels {

  private final Map<ContactChannel, Channel> byKind;

  public Channels(Map<ContactChannel, Channel> byKind) {
    this.byKind = new EnumMap<>(byKind);
  }

  public static Channels configured(
      Optional<SmtpSettings> smtp,
      Optional<Secret> webhookSecret,
      Optional<SmsSettings> sms,
      Duration timeout,
      Outbox outbox) {
    Map<ContactChannel, Channel> channels = new EnumMap<>(ContactChannel.class);
    channels.put(
        ContactChannel.EMAIL,
        smtp.<Channel>map(s -> new EmailChannel(s, timeout))
            .orElseGet(
                () ->
                    outbox.channel(
                        "EMAIL has no configuration (set campaign.dispatcher.smtp.host)",
                        MessageText::body)));
    channels.put(
        ContactChannel.WEBHOOK,
        webhookSecret
            .<Channel>map(s -> new WebhookChannel(s, timeout))
            .orElseGet(
                () ->
                    outbox.channel(
                        "WEBHOOK has no configuration (set campaign.dispatcher.webhook.secret)",
                        MessageText::chat)));
    channels.put(
        ContactChannel.SMS,
        sms.<Channel>map(s -> new SmsChannel(s, timeout))
            .orElseGet(
                () ->
                    outbox.channel(
                        "SMS has no configuration (set campaign.dispatcher.sms.url)",
                        MessageText::sms)));
    return new Channels(channels);
  }

  /** Tries once on the notification's channel; never throws. */
  public DeliveryOutcome deliver(Notification notification) {
    Channel channel = byKind.get(notification.getChannel());
    if (channel == null) {
      return DeliveryOutcome.permanentFailure(
          "no way to deliver on channel " + notification.getChannel());
    }
    try {
      return channel.deliver(notification);
    } catch (RuntimeException e) {
      return DeliveryOutcome.transientFailure(
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
