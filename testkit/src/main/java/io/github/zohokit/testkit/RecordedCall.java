package io.github.zohokit.testkit;

import io.github.zohokit.auth.DataCenter;
import java.util.Map;

/** One request the fake received: the data centre's server, method, path, and query and form parameters. */
public record RecordedCall(DataCenter dataCenter, String method, String path, Map<String, String> params) {
  public RecordedCall {
    params = Map.copyOf(params);
  }
}
