package org.librarycampaign.platform.service;

import io.javalin.Javalin;

/** A started service: the HTTP routes it serves, and how to stop it. */
public interface RunningService extends AutoCloseable {

  /** Adds its routes to the process's HTTP server, before the server starts. */
  default void addRoutes(Javalin app) {}

  @Override
  void close();
}
