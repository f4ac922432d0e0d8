package org.librarycampaign.reliability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook endpoint as an on-call tool runs it: answers 200 to every POST and drops a repeat by
 * its {@code Idempotency-Key} (the notification id), counting how often each key arrived and how
 * many requests it acted on (the first of each key).
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong actedOn = new AtomicLong();
  private final AtomicLong withoutKey = new AtomicLong();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange;
              InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null) {
              withoutKey.incrementAndGet();
            } else if (arrivals.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet()
                == 1) {
              actedOn.incrementAndGet(); // the receiver's dedup: only the first is acted on
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** How often each idempotency key arrived. */
  Map<String, Long> arrivals() {
    Map<String, Long> copy = new TreeMap<>();
    arrivals.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  long actedOn() {
    return actedOn.get();
  }

  long withoutKey() {
    return withoutKey.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
