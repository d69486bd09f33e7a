package io.github.zohokit.testkit;

import io.github.zohokit.token.DataCenter;
import java.util.Map;

/**
 * One request the fake received: the data centre's server, method, path, and query and form parameters.
 *
 * <p>The parameters are as sent, client secrets, grant codes and tokens included (a token request's form carries
 * them), and so is {@link #toString()}: assert on them, but keep them out of logs that leave the test.
 *
 * @param dataCenter the data centre whose server received it
 * @param method the HTTP method, such as {@code POST}
 * @param path the path without the query, such as {@code /oauth/v2/token}
 * @param params the query and form parameters, decoded; for a name sent more than once, the first value, and the
 *     query's over the form's
 */
public record RecordedCall(DataCenter dataCenter, String method, String path, Map<String, String> params) {
  /**
   * Copies the parameters, so the record is immutable.
   *
   * @param dataCenter the data centre whose server received it
   * @param method the HTTP method
   * @param path the path without the query
   * @param params the parameters; not null, no null names or values
   * @throws NullPointerException when {@code params} or one of its names or values is null
   */
  public RecordedCall {
    params = Map.copyOf(params);
  }
}
