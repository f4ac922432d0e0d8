package org.librarycampaign.dispatcher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import library.campaign.events.Notification;
import org.librarycampaign.dispatcher.channel.Channel;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;

/**
 * A peer whose answers the test writes down per address: a list of outcomes played in order, the
 * last one repeated; any other address is delivered. Records every attempt it sees.
 */
final class ScriptedChannel implements Channel {

  private final Map<String, Deque<DeliveryOutcome>> scripts = new ConcurrentHashMap<>();
  private final List<String> attempts = new CopyOnWriteArrayList<>();

  ScriptedChannel answer(String address, DeliveryOutcome... outcomes) {
    scripts.put(address, new ArrayDeque<>(List.of(outcomes)));
    return this;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    attempts.add(notification.getNotificationId());
    Deque<DeliveryOutcome> script = scripts.get(notification.getAddress());
    if (script == null) {
      return new DeliveryOutcome.Delivered(false, null);
    }
    synchronized (script) {
      return script.size() > 1 ? script.poll() : script.peek();
    }
  }

  List<String> attempts() {
    return List.copyOf(attempts);
  }
}
