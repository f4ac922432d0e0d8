package org.librarycampaign.platform.ops;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a process: {@code /live}, {@code /ready} (200 only while every registered part
 * is ready), {@code /metrics} (Prometheus text), plus the routes other modules add (the ingest API,
 * the dashboard) before it starts.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(OpsServer.class);
  private static final PrometheusMeterRegistry PROMETHEUS = createPrometheusRegistry();

  private final Javalin app;
  private final Readiness readiness;

  private OpsServer(Javalin app, Readiness readiness) {
    this.app = app;
    this.readiness = readiness;
  }

  /** The process-wide registry behind {@code /metrics}; also added to Micrometer's global one. */
  public static PrometheusMeterRegistry prometheus() {
    return PROMETHEUS;
  }

  private static PrometheusMeterRegistry createPrometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }

  /** Starts on the port (0 = any free one) with the given extra routes. */
  public static OpsServer start(
      int port, Readiness readiness, List<Consumer<RoutesConfig>> extraRoutes) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.concurrency.useVirtualThreads = false;
              config.jetty.host = "0.0.0.0";
              config.jetty.port = port;
              RoutesConfig routes = config.routes;
              routes.get("/live", ctx -> ctx.json(Map.of("status", "UP")));
              routes.get(
                  "/ready",
                  ctx -> {
                    boolean ready = readiness.isReady();
                    ctx.status(ready ? 200 : 503)
                        .json(Map.of("ready", ready, "parts", readiness.states()));
                  });
              routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(PROMETHEUS.scrape()));
              extraRoutes.forEach(route -> route.accept(routes));
            });
    app.start();
    LOGGER.atInfo().addKeyValue("port", app.port()).log("HTTP server started");
    return new OpsServer(app, readiness);
  }

  public int port() {
    return app.port();
  }

  public Readiness readiness() {
    return readiness;
  }

  @Override
  public void close() {
    app.stop();
  }
}
