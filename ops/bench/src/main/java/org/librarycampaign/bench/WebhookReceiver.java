package org.librarycampaign.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook endpoint in this JVM, as a chat tool or an on-call system would run it: answers 200 to
 * every POST, counts the distinct notifications delivered (a retried delivery counts once), and
 * tells a listener the incident and the time of each first delivery.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final Pattern NOTIFICATION_ID =
      Pattern.compile("\"notificationId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final Map<String, Boolean> delivered = new ConcurrentHashMap<>();
  private final AtomicLong distinct = new AtomicLong();

  WebhookReceiver(BiConsumer<String, Long> onFirstDelivery) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/hook",
        exchange -> {
          long at = System.nanoTime();
          try (exchange;
              InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher notification = NOTIFICATION_ID.matcher(body);
            Matcher incident = INCIDENT_ID.matcher(body);
            if (notification.find()
                && incident.find()
                && delivered.putIfAbsent(notification.group(1), Boolean.TRUE) == null) {
              distinct.incrementAndGet();
              onFirstDelivery.accept(incident.group(1), at);
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  long delivered() {
    return distinct.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
