package io.github.zohokit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.internal.http.ZohoErrorDecoder;
import io.github.zohokit.internal.http.ZohoJson;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.crm.RecordPage;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Not API: may change in any release. What generated clients call, one per client and user: hands out the user's
 * {@link Authorization}, prepares URLs on its API base, sends a prepared request through the shared authorizing
 * client and reads the answer. Everything about a method (URL template, readers, writers, scopes) is prepared once
 * in the generated class; this class only executes and decodes.
 */
public final class ZohoCalls {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** URLs prepared per leading literal path on one API base; replaced whole when the base changes. */
  private record Prefixes(HttpUrl base, ConcurrentHashMap<String, HttpUrl> urls) {}

  private final Connection connection;
  private final Session session;
  private volatile Prefixes prefixes;

  /**
   * The calls of {@code session}'s user through {@code connection}.
   *
   * @param connection the connection of the {@code ZohoOAuth} the calls are made with
   * @param session the user the calls are made as
   */
  public ZohoCalls(Connection connection, Session session) {
    this.connection = connection;
    this.session = session;
  }

  /**
   * The mapper the client's readers and writers are built from.
   *
   * @return the connection's mapper, shared by every client of the same {@code ZohoOAuth}
   */
  public ObjectMapper objectMapper() {
    return connection.objectMapper();
  }

  /**
   * The authorization of the user's current token, renewed first when it is missing or expired; a call builds its
   * URL on it and tags its request with it.
   *
   * @return the authorization to build the call's URL on and tag its request with
   * @throws ZohoException when no token can be obtained
   */
  public Authorization authorization() {
    return session.authorization();
  }

  /**
   * A URL builder for {@code segments} (a literal path such as {@code crm/v8/Leads}) on {@code authorization}'s API
   * base, prepared once: generated code adds the variable segments and the query.
   *
   * @param authorization the authorization the call is made with; its API base is where the URL points
   * @param segments the literal leading path, without a leading slash; empty for the API base itself
   * @return a new builder, the caller's to change
   * @throws ZohoException when {@code authorization} must not be used (an untrusted API domain)
   */
  public HttpUrl.Builder url(Authorization authorization, String segments) {
    HttpUrl base = authorization.apiBase();
    Prefixes current = prefixes;
    if (current == null || current.base() != base && !current.base().equals(base)) {
      current = new Prefixes(base, new ConcurrentHashMap<>());
      prefixes = current;
    }
    HttpUrl prepared = current.urls().get(segments);
    if (prepared == null) {
      prepared = segments.isEmpty() ? base : base.newBuilder().addPathSegments(segments).build();
      current.urls().putIfAbsent(segments, prepared);
    }
    return prepared.newBuilder();
  }

  /**
   * Starts the call of {@code operation}: its URL on the user's current authorization (renewed first when the token
   * is missing or expired), with the leading literal {@code segments} of its path prepared once.
   *
   * @param operation the declared operation
   * @param segments the path's leading literal segments, such as {@code crm/v8/Leads}
   * @return the call, to bind the arguments to and send
   * @throws ZohoException when no token can be obtained
   */
  public ZohoCall call(Operation operation, String segments) {
    Authorization authorization = session.authorization();
    return new ZohoCall(this, operation, authorization, url(authorization, segments));
  }

  /**
   * The request of one call: {@code url}, tagged with the {@code authorization} it was built on (the interceptor
   * sends that token) and with its {@code operation} (interceptors such as metrics see the path template).
   *
   * @param authorization the user's authorization the URL was built on
   * @param operation the declared operation
   * @param url the call's URL
   * @return a builder to add the headers and the method with its body to
   */
  public static Request.Builder request(Authorization authorization, Operation operation, HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).tag(Authorization.class, authorization)
        .tag(Operation.class, operation);
  }

  /**
   * A query or path value: Zoho's comma-joined form for collections and iterables; {@code toString()}
   * otherwise; null for null.
   *
   * @param value the argument, or null
   * @return the text to send, or null when {@code value} is null
   */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Iterable) {
      StringBuilder b = new StringBuilder();
      for (Object item : (Iterable<?>) value) {
        b.append(b.length() == 0 ? "" : ",").append(item);
      }
      return b.toString();
    }
    return value.toString();
  }

  /**
   * Adds a query parameter unless {@code value} is null (then Zoho's default applies).
   *
   * @param url the URL being built
   * @param name the query parameter's name
   * @param value the argument; collections are comma-joined, null adds nothing
   */
  public static void addQuery(HttpUrl.Builder url, String name, Object value) {
    String text = text(value);
    if (text != null) {
      url.addQueryParameter(name, text);
    }
  }

  /**
   * The Jackson type of {@code type}, for generated clients' readers and writers (built once per client).
   *
   * @param mapper the client's mapper
   * @param type a non-generic class
   * @return the Jackson type of {@code type}
   */
  public static JavaType type(ObjectMapper mapper, Class<?> type) {
    return mapper.constructType(type);
  }

  /**
   * The Jackson type {@code raw<arguments>}, for generated clients' readers and writers (built once per client).
   *
   * @param mapper the client's mapper
   * @param raw the generic class, such as {@code List} or {@code RecordPage}
   * @param arguments its type arguments, in order
   * @return the parameterised Jackson type
   */
  public static JavaType type(ObjectMapper mapper, Class<?> raw, JavaType... arguments) {
    return mapper.getTypeFactory().constructParametricType(raw, arguments);
  }

  /**
   * The reader of a generated client for {@code type}: lenient about fields the type does not declare (Zoho adds
   * fields over time).
   *
   * @param mapper the client's mapper
   * @param type the type read
   * @return the reader, built once per client
   */
  public static ObjectReader reader(ObjectMapper mapper, Class<?> type) {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * {@link #reader(ObjectMapper, Class)} for a parameterized type.
   *
   * @param mapper the client's mapper
   * @param type the type read, from {@link #type(ObjectMapper, Class, JavaType...)}
   * @return the reader, built once per client
   */
  public static ObjectReader reader(ObjectMapper mapper, JavaType type) {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * A path value, checked: not null, and not a dot segment ({@code .} or {@code ..}, also percent-encoded, or
   * within a value holding {@code /} or a backslash) that would move the call to another endpoint of the API, past
   * the compile-time scope check.
   *
   * @param value the argument
   * @param name the name in the method's {@code @Path}, for the error message
   * @param operation the operation, for the error message
   * @return the argument's text, not yet percent-encoded
   * @throws IllegalArgumentException naming the parameter and the operation, before anything is sent
   */
  public static String pathValue(Object value, String name, Operation operation) {
    return PathValues.check(value, name, operation);
  }

  /**
   * A JSON request body written by {@code writer}.
   *
   * @param writer the writer prepared for the parameter's type
   * @param value the body; null is written as JSON {@code null}
   * @return a body of type {@code application/json; charset=utf-8}
   * @throws ZohoException ({@code ZohoMappingException}) when Jackson cannot write {@code value}
   */
  public static RequestBody json(ObjectWriter writer, Object value) {
    try {
      return RequestBody.create(writer.writeValueAsBytes(value), JSON);
    } catch (IOException e) {
      throw ZohoJson.unwritable(value, e);
    }
  }

  /**
   * Sends {@code request}; returns the body decoded as {@code shape}.
   *
   * @param <T> the method's return type
   * @param request the prepared request, tagged with its {@link Authorization} and {@link Operation}
   * @param operation the operation, for error messages and scope checks
   * @param reader the reader of the return type
   * @param shape where in the body the value is
   * @return the decoded value, never null
   * @throws ZohoException when the call fails, as {@code ZohoErrorDecoder} classifies it: a {@link ZohoApiException}
   *     for an HTTP error (also when {@code shape} is {@link BodyShape#SINGLE} and the body holds nothing), a
   *     {@code ZohoUnavailableException} for 5xx or a network error, a {@code ZohoMappingException} for an
   *     unreadable body
   */
  public <T> T call(Request request, Operation operation, ObjectReader reader, BodyShape shape) {
    try (Response response = send(request, operation)) {
      failUnlessSuccessful(response, operation);
      T value = BodyReader.read(response, reader, shape, operation);
      if (value == null && shape == BodyShape.SINGLE) {
        throw new ZohoApiException(operation + " answered HTTP " + response.code() + " with nothing to return; "
            + "declare Optional<...> as the return type if that is expected", response.code(), null, Map.of(), null);
      }
      return value;
    }
  }

  /**
   * Sends {@code request}; 204, 304 (not modified) and a 404 without a Zoho error body become empty. A 404 with
   * a Zoho error body (for example {@code INVALID_URL_PATTERN}: no such path) is an error.
   *
   * @param <T> the type of the optional's value
   * @param request the prepared request, tagged with its {@link Authorization} and {@link Operation}
   * @param operation the operation, for error messages and scope checks
   * @param reader the reader of the value's type
   * @param shape where in the body the value is
   * @return the decoded value, or empty as above or when the body holds nothing
   * @throws ZohoException when the call fails, as {@link #call}
   */
  public <T> Optional<T> callOptional(Request request, Operation operation, ObjectReader reader, BodyShape shape) {
    try (Response response = send(request, operation)) {
      if (response.code() == 204 || response.code() == 304 || response.code() == 404 && !hasZohoError(response)) {
        return Optional.empty();
      }
      failUnlessSuccessful(response, operation);
      return Optional.ofNullable(BodyReader.read(response, reader, shape, operation));
    }
  }

  /**
   * Sends {@code request} and checks it succeeded.
   *
   * @param request the prepared request, tagged with its {@link Authorization} and {@link Operation}
   * @param operation the operation, for error messages and scope checks
   * @throws ZohoException when the call fails, as {@link #call}
   */
  public void callVoid(Request request, Operation operation) {
    try (Response response = send(request, operation)) {
      failUnlessSuccessful(response, operation);
    }
  }

  /**
   * Sends {@code request}; the body with the status and headers; 304 (not modified) comes with no body.
   *
   * @param <T> the body's type
   * @param request the prepared request, tagged with its {@link Authorization} and {@link Operation}
   * @param operation the operation, for error messages and scope checks
   * @param reader the reader of the body's type
   * @param shape where in the body the value is
   * @return the status, the headers and the decoded body (null for 304 or an empty body)
   * @throws ZohoException when the call fails, as {@link #call}
   */
  public <T> ZohoResponse<T> callResponse(Request request, Operation operation, ObjectReader reader, BodyShape shape) {
    try (Response response = send(request, operation)) {
      if (response.code() == 304) {
        return new ZohoResponse<>(304, response.headers(), null);
      }
      failUnlessSuccessful(response, operation);
      return new ZohoResponse<>(response.code(), response.headers(), BodyReader.read(response, reader, shape, operation));
    }
  }

  /**
   * Sends {@code request} asynchronously (no thread waits); {@code reader} null means no body is read.
   *
   * @param <T> the future's value type
   * @param request the prepared request, tagged with its {@link Authorization} and {@link Operation}
   * @param operation the operation, for error messages and scope checks
   * @param reader the reader of the value's type, or null when the method returns nothing
   * @param shape where in the body the value is
   * @return a future completed with the value (null without a reader), or exceptionally with the {@link ZohoException}
   *     {@link #call} would throw; cancelling it cancels the HTTP call
   */
  public <T> CompletableFuture<T> callAsync(Request request, Operation operation, ObjectReader reader,
      BodyShape shape) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Call call = connection.callClient().newCall(request);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        future.completeExceptionally(failure(e, operation));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          failUnlessSuccessful(response, operation);
          T value = reader == null ? null : BodyReader.read(response, reader, shape, operation);
          future.complete(value);
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  /**
   * A lazy stream over every record of a paged list: the first page on the first element, each further page when
   * the previous one is used up, following {@code info.next_page_token} (or {@code page} where Zoho gives no
   * token) until {@code more_records} is false.
   *
   * @param <T> the record type
   * @param firstPage the URL of the first page (a {@code page} parameter in it is where counting starts)
   * @param operation the operation, for error messages and scope checks
   * @return a sequential stream; reading it sends the calls, and a failed page throws the {@link ZohoException} of
   *     {@link #call}
   * @param requestFor builds the request for a page's URL
   * @param pageReader reads a {@link RecordPage} of the element type
   */
  public <T> Stream<T> paged(HttpUrl firstPage, Function<HttpUrl, Request> requestFor, Operation operation,
      ObjectReader pageReader) {
    Iterator<T> records = new Iterator<>() {
      private HttpUrl next = firstPage;
      private Iterator<T> current = Collections.emptyIterator();
      private int page = firstPageNumber(firstPage);

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next != null) {
          Request request = requestFor.apply(next);
          if (next != firstPage) {
            // the stream may be read long after the first page: a later page carries the token of that moment
            request = request.newBuilder().tag(Authorization.class, session.authorization()).build();
          }
          RecordPage<T> result = call(request, operation, pageReader, BodyShape.WHOLE);
          current = result.data().iterator();
          page++;
          next = result.hasMore() && !result.data().isEmpty() ? nextPage(next, result, page) : null;
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false);
  }

  private static int firstPageNumber(HttpUrl url) {
    String page = url.queryParameter("page");
    try {
      return page == null ? 1 : Integer.parseInt(page);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static HttpUrl nextPage(HttpUrl url, RecordPage<?> result, int page) {
    String token = result.info().nextPageToken();
    HttpUrl.Builder next = url.newBuilder().removeAllQueryParameters("page").removeAllQueryParameters("page_token");
    if (token != null && !token.isEmpty()) {
      next.addQueryParameter("page_token", token);
    } else {
      next.addQueryParameter("page", Integer.toString(page));
    }
    return next.build();
  }

  private Response send(Request request, Operation operation) {
    try {
      return connection.callClient().newCall(request).execute();
    } catch (IOException e) {
      throw failure(e, operation);
    }
  }

  private static ZohoException failure(IOException e, Operation operation) {
    return ZohoErrorDecoder.failure(e, operation.toString());
  }

  /** Whether the answer carries a Zoho error body (a {@code code}), read without consuming it. */
  private static boolean hasZohoError(Response response) {
    return ZohoErrorDecoder.hasZohoError(response);
  }

  private void failUnlessSuccessful(Response response, Operation operation) {
    if (!response.isSuccessful()) {
      Authorization used = response.request().tag(Authorization.class);
      List<Scope> granted = used == null ? List.of() : used.token().scopes();
      throw ZohoErrorDecoder.decode(response, operation.toString(), operation.scopes(), granted);
    }
  }

  /**
   * The body of a POST, PUT or PATCH without {@code @Body}.
   *
   * @return an empty body with no content type
   */
  public static RequestBody emptyBody() {
    return RequestBody.create(new byte[0], null);
  }
}
