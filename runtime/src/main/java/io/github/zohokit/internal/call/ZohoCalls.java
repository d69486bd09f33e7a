package io.github.zohokit.internal.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Not API: may change in any release. The calls of one user, one per generated API and user: starts each call of a
 * generated method ({@link #start}) and holds what the calls share: the user's {@link Session}, the authorizing
 * HTTP client, the mapper and the URLs prepared on the user's API base.
 */
public final class ZohoCalls {
  /** URLs prepared per route prefix on one API base; replaced whole when the base changes. */
  private record Prefixes(HttpUrl base, ConcurrentHashMap<String, HttpUrl> urls) {}

  final OkHttpClient http;
  final Session session;
  private final ObjectMapper objectMapper;
  private volatile Prefixes prefixes;

  /**
   * The calls of {@code session}'s user.
   *
   * @param http the client the calls go through; it authorizes each request from its {@link Authorization} tag
   * @param objectMapper the mapper the generated APIs read and write with
   * @param session the user the calls are made as
   */
  public ZohoCalls(OkHttpClient http, ObjectMapper objectMapper, Session session) {
    this.http = Objects.requireNonNull(http, "http");
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
    this.session = Objects.requireNonNull(session, "session");
  }

  /**
   * The mapper a generated API builds its decoders and writers from, in its constructor.
   *
   * @return the mapper, shared by every generated API of the same {@code ZohoOAuth}
   */
  public ObjectMapper objectMapper() {
    return objectMapper;
  }

  /**
   * Starts a call of {@code route}: nothing is sent, and the user's token is not read, until its last method.
   *
   * @param route the generated method's route
   * @return the call, to bind the arguments to and send
   */
  public ZohoCall start(Route route) {
    return new ZohoCall(this, route);
  }

  /**
   * A builder of the URL of {@code route} on {@code authorization}'s API base: its literal prefix (such as
   * {@code crm/v8/Leads}) prepared once per base.
   */
  HttpUrl.Builder url(Authorization authorization, Route route) {
    HttpUrl base = authorization.apiBase();
    Prefixes current = prefixes;
    if (current == null || current.base() != base && !current.base().equals(base)) {
      current = new Prefixes(base, new ConcurrentHashMap<>());
      prefixes = current;
    }
    HttpUrl prepared = current.urls().get(route.prefix);
    if (prepared == null) {
      prepared = route.prefix.isEmpty() ? base : base.newBuilder().addPathSegments(route.prefix).build();
      current.urls().putIfAbsent(route.prefix, prepared);
    }
    return prepared.newBuilder();
  }
}
