package org.librarycampaign.platform.ops;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a process: {@code /live}, {@code /ready} (200 only while every registered part
 * is ready), {@code /metrics} (Prometheus text), plus the routes other modules add (the ingest API,
 * the dashboard) before it starts. The health routes are also served on an ops listener of their
 * own when {@link HttpOptions#opsPort()} names one. A connection that sends nothing for the read
 * timeout, or a body slower than {@link HttpOptions#MIN_UPLOAD_BYTES_PER_SECOND}, is closed.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(OpsServer.class);
  private static final PrometheusMeterRegistry PROMETHEUS = createPrometheusRegistry();

  /** Enough for health checks and scrapes; a small pool, so it cannot starve the main one. */
  private static final int OPS_MAX_THREADS = 8;

  private static final int OPS_MIN_THREADS = 2;

  private final Javalin app;
  private final Javalin ops;
  private final Readiness readiness;

  private OpsServer(Javalin app, Javalin ops, Readiness readiness) {
    this.app = app;
    this.ops = ops;
    this.readiness = readiness;
  }

  /**
   * The process-wide registry behind {@code /metrics}; also added to Micrometer's global one. It
   * leaves out the store gauges that read RocksDB ({@link NativeStoreGauges}).
   */
  public static PrometheusMeterRegistry prometheus() {
    return PROMETHEUS;
  }

  private static PrometheusMeterRegistry createPrometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // before any meter is registered: a filter does not apply to meters already there
    registry.config().meterFilter(new NativeStoreGauges());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }

  /**
   * Starts on the port (0 = any free one) with the given extra routes; see {@link
   * HttpOptions#onPort}.
   */
  public static OpsServer start(
      int port, Readiness readiness, List<Consumer<RoutesConfig>> extraRoutes) {
    return start(HttpOptions.onPort(port), readiness, extraRoutes);
  }

  /**
   * Starts the main listener with the health routes and the given extra routes, and, when the
   * options name an ops port, a second server with a small thread pool of its own that serves only
   * the health routes: slow or many API requests can use up the main server's threads, never its.
   */
  public static OpsServer start(
      HttpOptions options, Readiness readiness, List<Consumer<RoutesConfig>> extraRoutes) {
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, options.bindAddress(), options.port(), options.readTimeout());
              healthRoutes(config.routes, readiness);
              extraRoutes.forEach(route -> route.accept(config.routes));
            });
    Javalin ops = null;
    try {
      app.start();
      if (options.opsPort().isPresent()) {
        ops =
            Javalin.create(
                config -> {
                  configure(
                      config,
                      options.bindAddress(),
                      options.opsPort().getAsInt(),
                      options.readTimeout());
                  QueuedThreadPool threads = new QueuedThreadPool(OPS_MAX_THREADS, OPS_MIN_THREADS);
                  threads.setName("ops-http");
                  config.jetty.threadPool = threads;
                  healthRoutes(config.routes, readiness);
                });
        ops.start();
      }
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    LOGGER
        .atInfo()
        .addKeyValue("address", options.bindAddress())
        .addKeyValue("port", app.port())
        .addKeyValue("opsPort", ops == null ? "none" : Integer.toString(ops.port()))
        .addKeyValue("readTimeout", options.readTimeout())
        .log("HTTP server started");
    return new OpsServer(app, ops, readiness);
  }

  private static void configure(
      JavalinConfig config, String bindAddress, int port, Duration readTimeout) {
    config.startup.showJavalinBanner = false;
    config.concurrency.useVirtualThreads = false;
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setIdleTimeout(readTimeout.toMillis());
          http.setMinRequestDataRate(HttpOptions.MIN_UPLOAD_BYTES_PER_SECOND);
        });
    config.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(bindAddress);
          connector.setPort(port);
          connector.setIdleTimeout(readTimeout.toMillis());
          return connector;
        });
  }

  private static void healthRoutes(RoutesConfig routes, Readiness readiness) {
    routes.get("/live", ctx -> ctx.json(Map.of("status", "UP")));
    routes.get(
        "/ready",
        ctx -> {
          boolean ready = readiness.isReady();
          ctx.status(ready ? 200 : 503).json(Map.of("ready", ready, "parts", readiness.states()));
        });
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(PROMETHEUS.scrape()));
  }

  public int port() {
    return app.port();
  }

  /** The port of the health-only listener, when there is one. */
  public OptionalInt opsPort() {
    return ops == null ? OptionalInt.empty() : OptionalInt.of(ops.port());
  }

  public Readiness readiness() {
    return readiness;
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      if (ops != null) {
        ops.stop();
      }
    }
  }
}
