package io.github.zohokit.http;

import java.util.List;

/**
 * One declared API operation, prepared once per generated client: its HTTP method, path template and scopes, for
 * error messages and scope checks.
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
