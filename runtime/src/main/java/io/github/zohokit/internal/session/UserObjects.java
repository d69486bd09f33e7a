package io.github.zohokit.internal.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Not API: may change in any release. What {@link SessionHttp} makes for one user besides the token: the user's
 * generated APIs and HTTP client. Each {@link Session} owns one, so they live exactly as long as the session (they
 * reference it, so a map keyed by the session elsewhere would keep every session alive).
 */
public final class UserObjects {
  private final ConcurrentHashMap<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private volatile OkHttpClient http;

  /** Creates an empty holder; a {@link Session} makes one for itself. */
  public UserObjects() {}

  /** The generated API of {@code api}, made by {@code create} on the first call. */
  Object api(Class<?> api, Supplier<Object> create) {
    Object instance = apis.get(api);
    if (instance == null) {
      instance = create.get();
      Object raced = apis.putIfAbsent(api, instance);
      instance = raced != null ? raced : instance;
    }
    return instance;
  }

  /** The user's HTTP client, made by {@code create} on the first call. */
  OkHttpClient http(Supplier<OkHttpClient> create) {
    OkHttpClient known = http;
    if (known == null) {
      synchronized (this) {
        known = http;
        if (known == null) {
          known = create.get();
          http = known;
        }
      }
    }
    return known;
  }
}
