package org.librarycampaign.dashboard.facts;

/**
 * What a record does to a store of facts: put a fact under a key, or (fact {@code null}) remove the
 * key.
 */
public record Change<F>(String key, F fact) {

  public static <F> Change<F> put(String key, F fact) {
    return new Change<>(key, fact);
  }

  public static <F> Change<F> delete(String key) {
    return new Change<>(key, null);
  }

  public boolean isDelete() {
    return fact == null;
  }
}
