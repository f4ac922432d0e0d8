package org.librarycampaign.platform.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What must be up before {@code /ready} answers 200: each part registers a check that names its
 * state ("RUNNING", "REBALANCING", ...) and says whether that counts as ready.
 */
public final class Readiness {

  /** A part's state in a word, and whether it is ready. */
  public record State(String name, boolean ready) {}

  private final Map<String, Supplier<State>> checks = new ConcurrentHashMap<>();

  public void register(String part, Supplier<State> check) {
    checks.put(part, check);
  }

  public void unregister(String part) {
    checks.remove(part);
  }

  public Map<String, State> states() {
    Map<String, State> states = new LinkedHashMap<>();
    checks.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> states.put(e.getKey(), e.getValue().get()));
    return states;
  }

  /** Ready when at least one part is registered and every part is ready. */
  public boolean isReady() {
    Map<String, State> states = states();
    return !states.isEmpty() && states.values().stream().allMatch(State::ready);
  }
}
