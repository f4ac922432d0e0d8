package org.librarycampaign.publisher.remote;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real HTTP server in the JVM (Javalin on a free port of 127.0.0.1) speaking one remote's wire
 * format; every request it judged wrong is kept in {@link #problems}, so a test can assert there
 * were none. It also serves the visuals under {@code /img/}.
 */
abstract class FakeRemote implements AutoCloseable {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

  final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  /** Answer the next this-many calls of the main route with 503. */
  final AtomicInteger failNext = new AtomicInteger();

  /** How long the main route takes to answer: a slow remote. */
  volatile long delayMs;

  private final Javalin app;

  FakeRemote() {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get("/img/{name}", ctx -> ctx.contentType("image/png").result(PNG));
                  routes().accept(config.routes);
                })
            .start("127.0.0.1", 0);
  }

  abstract Consumer<RoutesConfig> routes();

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  String imageUrl(String name) {
    return baseUrl() + "/img/" + name;
  }

  /** Waits {@link #delayMs}, as a slow remote does before it answers. */
  void pause() throws InterruptedException {
    long delay = delayMs;
    if (delay > 0) {
      Thread.sleep(delay);
    }
  }

  public void slowDown(long millis) {
    delayMs = millis;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public String baseUrlForConfig() {
    return baseUrl();
  }

  void problem(String what) {
    problems.add(what);
  }

  @Override
  public void close() {
    app.stop();
  }
}
