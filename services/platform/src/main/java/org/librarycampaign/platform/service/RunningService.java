package org.librarycampaign.platform.service;

import io.javalin.config.RoutesConfig;

/** A started service: the HTTP routes it serves, and how to stop it. */
public interface RunningService extends AutoCloseable {

  /** Adds its routes to the process's HTTP server, before the server starts. */
  default void addRoutes(RoutesConfig routes) {}

  /** Lines for the summary {@code campaign up} prints (where to find things); none by default. */
  default java.util.List<String> describe() {
    return java.util.List.of();
  }

  @Override
  void close();
}
