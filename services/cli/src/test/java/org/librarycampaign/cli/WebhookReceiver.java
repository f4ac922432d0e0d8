package org.librarycampaign.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on localhost, as a receiver would run one: it checks the dispatcher's
 * signature ({@code X-Campaign-Signature}, HMAC-SHA256 of the body), answers 200 and counts each
 * notification by its {@code Idempotency-Key}; a request with a bad signature gets 401 and is
 * counted apart.
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final byte[] secret;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger badSignatures = new AtomicInteger();

  private WebhookReceiver(String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/hook", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static WebhookReceiver start(String secret) throws IOException {
    return new WebhookReceiver(secret);
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/hook";
  }

  /** Deliveries per notification id (more than one: delivered again after a crash). */
  Map<String, Integer> received() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    received.forEach((id, count) -> copy.put(id, count.get()));
    return copy;
  }

  int badSignatures() {
    return badSignatures.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String signature = exchange.getRequestHeaders().getFirst("X-Campaign-Signature");
      String id = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (signature == null || id == null || !signatureMatches(body, signature)) {
        badSignatures.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private boolean signatureMatches(byte[] body, String signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
