package org.librarycampaign.dispatcher;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface (the JDK's own) that records every request and
 * answers each path as told: a status, or no answer at all until the server stops (a peer that
 * hangs, for timeouts).
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String method, String path, Headers headers, byte[] body) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Never answer: the request waits until the server closes. */
  public static final int HANG = -1;

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> countByPath = new ConcurrentHashMap<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile long answerDelayMillis;

  private RecordingHttpServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingHttpServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      RecordingHttpServer recording = new RecordingHttpServer(server);
      server.createContext("/", recording::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return recording;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests to {@code path} with {@code status} (default 200), or {@link #HANG}. */
  public RecordingHttpServer answer(String path, int status) {
    statusByPath.put(path, status);
    return this;
  }

  /** A slow peer: every answer comes this much later. */
  public RecordingHttpServer answerAfter(java.time.Duration delay) {
    this.answerDelayMillis = delay.toMillis();
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public int count(String path) {
    AtomicInteger count = countByPath.get(path);
    return count == null ? 0 : count.get();
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      requests.add(
          new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
      countByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      int status = statusByPath.getOrDefault(path, 200);
      if (status == HANG) {
        stopping.await(60, TimeUnit.SECONDS);
        return;
      }
      if (answerDelayMillis > 0 && stopping.await(answerDelayMillis, TimeUnit.MILLISECONDS)) {
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A loopback port nothing listens on: connecting to it is refused. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stopping.countDown();
    server.stop(0);
  }
}
