package io.github.zohokit.http;

import java.util.List;

/**
 * One declared API operation, prepared once per generated client: its HTTP method, path template and scopes, for
 * error messages and scope checks. Generated clients tag each request with it ({@code request.tag(Operation.class)}),
 * so interceptors (metrics, logs) can name the path template instead of the concrete URL.
 */
public record Operation(String httpMethod, String pathTemplate, List<String> scopes) {
  public Operation {
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return httpMethod + " " + pathTemplate;
  }
}
