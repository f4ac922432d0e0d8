package org.librarycampaign.ingest.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.librarycampaign.platform.json.FieldError;

/**
 * A request answered with a 4xx or 5xx status. 400 and 403 answer with the list of field errors
 * ({@code [{"field": ..., "message": ...}]}); the others with {@code {"error": ..., "message":
 * ...}}.
 */
final class ApiProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Object body;
  private final transient Map<String, String> headers;

  private ApiProblem(int status, String message, Object body, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  static ApiProblem fieldErrors(int status, List<FieldError> errors) {
    return new ApiProblem(
        status,
        errors.size() + " field errors",
        errors.stream().map(e -> ordered("field", e.field(), "message", e.message())).toList(),
        Map.of());
  }

  static ApiProblem of(int status, String error, String message) {
    return of(status, error, message, Map.of());
  }

  static ApiProblem of(int status, String error, String message, Map<String, String> headers) {
    return new ApiProblem(status, message, Map.of("error", error, "message", message), headers);
  }

  /** A two-member JSON object with its members in this order. */
  static Map<String, String> ordered(String key1, String value1, String key2, String value2) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(key1, value1);
    map.put(key2, value2);
    return map;
  }

  int status() {
    return status;
  }

  Object body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }
}
