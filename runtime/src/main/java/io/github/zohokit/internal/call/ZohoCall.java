package io.github.zohokit.internal.call;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.zohokit.FilePart;
import io.github.zohokit.Operation;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoDownload;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.Records;
import io.github.zohokit.internal.http.ZohoErrorDecoder;
import io.github.zohokit.internal.http.ZohoJson;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.scope.Scope;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Not API: may change in any release. One call of a generated method: the arguments bound fluently, then sent and
 * decoded by its last method. Generated code reads like hand-written code:
 *
 * <pre>{@code
 * return this.calls.start(GET).module("module", module).path("id", id).fetchOptional(this.recordDecoder);
 * }</pre>
 *
 * Binding checks each argument at once (a bad path value, a module the declared scopes do not cover, a null body
 * throw before anything is sent); the user's token is read, and the URL built on its API base, by the last method.
 * Not thread-safe; one instance per call.
 */
public final class ZohoCall {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final ZohoCalls calls;
  private final Route route;
  /** The bound path values, by the route's variable index; null when the path has none. */
  private final String[] pathValues;
  /** The query parameters and the headers, each as name, value pairs in the order bound; null until one is. */
  private String[] query;
  private int queryLength;
  private String[] headers;
  private int headersLength;
  private ObjectWriter bodyWriter;
  /** The JSON body with {@link #bodyWriter}; the multipart form ({@code MultipartBody.Builder}) without one. */
  private Object body;

  ZohoCall(ZohoCalls calls, Route route) {
    this.calls = calls;
    this.route = route;
    this.pathValues = route.variables.length == 0 ? null : new String[route.variables.length];
  }

  /**
   * Binds the {@code @Path} value of {@code {name}}, checked: not null, and not a dot segment ({@code .} or
   * {@code ..}, also percent-encoded) that would move the call to another endpoint, past the compile-time scope
   * check.
   *
   * @param name the variable, as the path template names it
   * @param value the argument; collections are joined with commas
   * @return this call
   * @throws IllegalArgumentException naming the parameter and the operation; nothing is sent
   */
  public ZohoCall path(String name, Object value) {
    pathValues[route.variable(name)] = PathValues.check(name, value, route.operation);
    return this;
  }

  /**
   * {@link #path} for the variable holding the module ({@code /crm/v8/{module}/...}), after checking that the
   * declared scopes cover the call on that module where Zoho documents it (custom and unknown modules are not
   * checked; each module is judged once per method).
   *
   * @param name the variable, as the path template names it
   * @param value the module's API name (its {@code toString()})
   * @return this call
   * @throws io.github.zohokit.ScopeMismatchException (status 0) naming the scopes Zoho documents; nothing is sent
   * @throws IllegalArgumentException as {@link #path}
   */
  public ZohoCall module(String name, Object value) {
    route.checkModule(value);
    return path(name, value);
  }

  /**
   * Adds a query parameter unless {@code value} is null (then Zoho's default applies); collections are joined with
   * commas.
   *
   * @param name the parameter
   * @param value the argument
   * @return this call
   */
  public ZohoCall query(String name, Object value) {
    String text = text(value);
    if (text != null) {
      query = append(query, queryLength, name, text);
      queryLength += 2;
    }
    return this;
  }

  /**
   * Sets a header unless {@code value} is null.
   *
   * @param name the header
   * @param value the argument
   * @return this call
   */
  public ZohoCall header(String name, Object value) {
    String text = text(value);
    if (text != null) {
      headers = append(headers, headersLength, name, text);
      headersLength += 2;
    }
    return this;
  }

  /**
   * Sets the JSON body, written when the call is sent.
   *
   * @param writer writes the body's type
   * @param value the {@code @Body} argument
   * @return this call
   * @throws NullPointerException naming the operation when {@code value} is null; nothing is sent
   */
  public ZohoCall body(ObjectWriter writer, Object value) {
    if (value == null) {
      throw new NullPointerException("the @Body argument of " + route.operation + " is null");
    }
    this.bodyWriter = writer;
    this.body = value;
    return this;
  }

  /**
   * Sets the JSON body to Zoho's write envelope, {@code {"data": [...]}}, around {@code value}, a list of records.
   *
   * @param writer writes {@code Records} of the body's type
   * @param value the {@code @Body} argument, a {@code List}
   * @return this call
   * @throws NullPointerException naming the operation when {@code value} is null; nothing is sent
   */
  public ZohoCall bodyInRecords(ObjectWriter writer, Object value) {
    if (value == null) {
      throw new NullPointerException("the @Body argument of " + route.operation + " is null");
    }
    return body(writer, Records.of((List<?>) value));
  }

  /**
   * Adds a file part to the multipart form the call sends: its file name and content type from the file.
   *
   * @param name the part's name, such as {@code file}
   * @param file the {@code @Part} argument
   * @return this call
   * @throws NullPointerException naming the part and the operation when {@code file} is null; nothing is sent
   * @throws IllegalArgumentException when {@code file} is not a regular file; nothing is sent
   */
  public ZohoCall part(String name, Path file) {
    return part(name, FilePart.of(requirePart(name, file)));
  }

  /**
   * Adds a file part named as the part, content type {@code application/octet-stream}.
   *
   * @param name the part's name, such as {@code file}, also the file name sent
   * @param content the {@code @Part} argument
   * @return this call
   * @throws NullPointerException naming the part and the operation when {@code content} is null; nothing is sent
   */
  public ZohoCall part(String name, byte[] content) {
    return part(name, FilePart.of(name, requirePart(name, content)));
  }

  /**
   * Adds a file part named as the part, content type {@code application/octet-stream}, read once when sent: the
   * call is then never sent again (not after a rejected token, not after a transient failure).
   *
   * @param name the part's name, such as {@code file}, also the file name sent
   * @param content the {@code @Part} argument
   * @return this call
   * @throws NullPointerException naming the part and the operation when {@code content} is null; nothing is sent
   */
  public ZohoCall part(String name, InputStream content) {
    return part(name, FilePart.of(name, requirePart(name, content)));
  }

  /**
   * Adds a file part with the file name and content type {@code file} gives.
   *
   * @param name the part's name, such as {@code file}
   * @param file the {@code @Part} argument
   * @return this call
   * @throws NullPointerException naming the part and the operation when {@code file} is null; nothing is sent
   */
  public ZohoCall part(String name, FilePart file) {
    requirePart(name, file);
    form().addFormDataPart(name, file.fileName(), file.requestBody());
    return this;
  }

  /**
   * Adds a text part unless {@code value} is null.
   *
   * @param name the part's name
   * @param value the {@code @Part} argument, sent as its {@code toString()}
   * @return this call
   */
  public ZohoCall textPart(String name, Object value) {
    if (value != null) {
      form().addFormDataPart(name, value.toString());
    }
    return this;
  }

  private <V> V requirePart(String name, V value) {
    if (value == null) {
      throw new NullPointerException("the @Part(\"" + name + "\") argument of " + route.operation + " is null");
    }
    return value;
  }

  private MultipartBody.Builder form() {
    if (body == null) {
      body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    }
    return (MultipartBody.Builder) body;
  }

  /**
   * Sends the call; the answer read by {@code decoder}.
   *
   * @param <T> the declared return type
   * @param decoder reads the declared type
   * @return the answer, never null for a decoder of one element
   * @throws ZohoException when the call fails, as {@code ZohoErrorDecoder} classifies it: a {@link ZohoApiException}
   *     for an HTTP error (or no element where the method returns one), a {@code ZohoUnavailableException} for 5xx or
   *     a network error, a {@code ZohoMappingException} for an unreadable body, the token's failure when no token
   *     can be had
   */
  public <T> T fetch(Decoder<T> decoder) {
    return fetch(request(), decoder);
  }

  /**
   * Sends the call; 204, 304 (not modified) and a 404 without a Zoho error body are empty. A 404 with a Zoho error
   * body (for example {@code INVALID_URL_PATTERN}: no such path) is an error.
   *
   * @param <T> the declared element type
   * @param decoder reads the declared type
   * @return the answer, or empty as above or when the body holds nothing
   * @throws ZohoException as {@link #fetch}
   */
  public <T> Optional<T> fetchOptional(Decoder<T> decoder) {
    try (Response response = execute(request())) {
      if (response.code() == 204 || response.code() == 304 || response.code() == 404 && !hasZohoError(response)) {
        return Optional.empty();
      }
      failUnlessSuccessful(response);
      return Optional.ofNullable(decode(response, decoder));
    }
  }

  /**
   * Sends the call and checks it succeeded.
   *
   * @throws ZohoException as {@link #fetch}
   */
  public void send() {
    try (Response response = execute(request())) {
      failUnlessSuccessful(response);
    }
  }

  /**
   * Sends the call; the answer with its status and headers; 304 (not modified) comes with no body.
   *
   * @param <T> the declared body type
   * @param decoder reads the declared type
   * @return the status, the headers and the decoded body (null for 304 or an empty body)
   * @throws ZohoException as {@link #fetch}
   */
  public <T> ZohoResponse<T> fetchResponse(Decoder<T> decoder) {
    try (Response response = execute(request())) {
      if (response.code() == 304) {
        return new ZohoResponse<>(304, response.headers(), null);
      }
      failUnlessSuccessful(response);
      return new ZohoResponse<>(response.code(), response.headers(), decode(response, decoder));
    }
  }

  /**
   * Sends the call; the body as a stream, which the caller closes (closing it releases the connection). 204 is an
   * empty stream; 304 and every other error status throw, the body read as Zoho's error, never returned as the
   * file.
   *
   * @return the open body
   * @throws ZohoException as {@link #fetch}
   */
  public InputStream fetchStream() {
    Response response = execute(request());
    try {
      failUnlessSuccessful(response);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
    if (response.code() == 204) {
      response.close();
      return InputStream.nullInputStream();
    }
    return body(response);
  }

  /**
   * Sends the call; the body as a stream with the status and headers, which the caller closes. 204 and 304 (not
   * modified) come with an empty body; every other error status throws, the body read as Zoho's error.
   *
   * @return the open download
   * @throws ZohoException as {@link #fetch}
   */
  public ZohoDownload fetchDownload() {
    Response response = execute(request());
    if (response.code() == 204 || response.code() == 304) {
      response.close();
      return new ZohoDownload(response.code(), response.headers(), InputStream.nullInputStream());
    }
    try {
      failUnlessSuccessful(response);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
    return new ZohoDownload(response.code(), response.headers(), body(response));
  }

  /** The open body of {@code response}; closing it closes the response, which releases the connection. */
  private static InputStream body(Response response) {
    return new FilterInputStream(response.body().byteStream()) {
      @Override
      public void close() {
        response.close();
      }
    };
  }

  /**
   * Sends the call without a thread waiting for it.
   *
   * @param <T> the declared value type
   * @param decoder reads the declared type
   * @return a future completed with the answer, or exceptionally with the {@link ZohoException} {@link #fetch} would
   *     throw (also when no token can be had); cancelling it cancels the HTTP call
   */
  public <T> CompletableFuture<T> fetchAsync(Decoder<T> decoder) {
    return enqueue(Objects.requireNonNull(decoder, "decoder"));
  }

  /**
   * Sends the call without a thread waiting for it, reading no body.
   *
   * @return a future completed with null, or exceptionally as {@link #fetchAsync}
   */
  public CompletableFuture<Void> sendAsync() {
    return enqueue(null);
  }

  /**
   * A lazy stream over every record of a paged list: reading it sends the calls, the next pages repeating this
   * request on the page's URL with the token of that moment.
   *
   * @param <T> the element type
   * @param decoder reads a page of the element type
   * @return a sequential stream, ended by a page of no records (204) or not modified (304); a failed page throws
   *     the {@link ZohoException} of {@link #fetch}
   * @throws ZohoException when no token can be had for the first page
   */
  public <T> Stream<T> fetchPages(Decoder<RecordPage<T>> decoder) {
    Pages<T> records = new Pages<>(this, request(), decoder);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false);
  }

  private <T> CompletableFuture<T> enqueue(Decoder<T> decoder) {
    Request request;
    try {
      request = request();
    } catch (ZohoException e) {
      // no token for the call (Zoho unreachable, re-authorization needed) fails the future, not the caller
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    Call call = calls.http.newCall(request);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        future.completeExceptionally(failure(e));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          failUnlessSuccessful(response);
          future.complete(decoder == null ? null : decode(response, decoder));
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

  /** The current authorization of the user: renewed first when the token is missing or expired. */
  Authorization authorization() {
    return calls.session.authorization();
  }

  /** Sends {@code request}; the answer read by {@code decoder}, which must hold a value if the decoder says so. */
  <T> T fetch(Request request, Decoder<T> decoder) {
    try (Response response = execute(request)) {
      failUnlessSuccessful(response);
      T value = decode(response, decoder);
      if (value == null && decoder.required) {
        throw new ZohoApiException(route.operation + " answered HTTP " + response.code() + " with nothing to "
            + "return; declare Optional<...> as the return type if that is expected", response.code(), null,
            Map.of(), null);
      }
      return value;
    }
  }

  /** {@link #fetch(Request, Decoder)} for a page of a stream: null for 304 (not modified), which ends it. */
  <T> T fetchPage(Request request, Decoder<T> decoder) {
    try (Response response = execute(request)) {
      if (response.code() == 304) {
        return null;
      }
      failUnlessSuccessful(response);
      return decode(response, decoder);
    }
  }

  /**
   * The request: on the user's current API base, tagged with the {@link Authorization} it was built on (the
   * interceptor sends that token) and with the {@link Operation} (interceptors such as metrics see the template).
   */
  private Request request() {
    Authorization authorization = authorization();
    HttpUrl.Builder url = calls.url(authorization, route);
    for (int i = 0; i < route.tail.length; i++) {
      String[] parts = route.tail[i];
      int[] variables = route.variableIndex[i];
      if (parts.length == 1) {
        url.addPathSegment(variables[0] < 0 ? parts[0] : pathValues[variables[0]]);
      } else {
        StringBuilder segment = new StringBuilder();
        for (int j = 0; j < parts.length; j++) {
          segment.append(variables[j] < 0 ? parts[j] : pathValues[variables[j]]);
        }
        url.addPathSegment(segment.toString());
      }
    }
    for (int i = 0; i < route.constantQuery.length; i += 2) {
      url.addQueryParameter(route.constantQuery[i], route.constantQuery[i + 1]);
    }
    for (int i = 0; i < queryLength; i += 2) {
      url.addQueryParameter(query[i], query[i + 1]);
    }
    Request.Builder request = new Request.Builder().url(url.build()).tag(Authorization.class, authorization)
        .tag(Operation.class, route.operation);
    if (headers != null) {
      Headers.Builder set = new Headers.Builder();
      for (int i = 0; i < headersLength; i += 2) {
        set.set(headers[i], headers[i + 1]);
      }
      request.headers(set.build());
    }
    String method = route.operation.httpMethod();
    // a write without @Body sends an empty body, as OkHttp's delete() does; GET and HEAD send none
    RequestBody sent = body == null ? method.equals("GET") || method.equals("HEAD") ? null : EMPTY
        : bodyWriter != null ? json() : ((MultipartBody.Builder) body).build();
    return request.method(method, sent).build();
  }

  private RequestBody json() {
    try {
      return RequestBody.create(bodyWriter.writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      throw ZohoJson.unwritable(body, e);
    }
  }

  private Response execute(Request request) {
    try {
      return calls.http.newCall(request).execute();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private <T> T decode(Response response, Decoder<T> decoder) {
    try {
      return decoder.read(response);
    } catch (IOException e) {
      throw ZohoJson.unreadable(route.operation.toString(), response.code(),
          decoder.reader == null ? null : decoder.reader.getValueType(), e);
    }
  }

  private ZohoException failure(IOException e) {
    return ZohoErrorDecoder.failure(e, route.operation.toString());
  }

  /** Whether the answer carries a Zoho error body (a {@code code}), read without consuming it. */
  private static boolean hasZohoError(Response response) {
    return ZohoErrorDecoder.hasZohoError(response);
  }

  private void failUnlessSuccessful(Response response) {
    if (!response.isSuccessful()) {
      Authorization used = response.request().tag(Authorization.class);
      List<Scope> granted = used == null ? List.of() : used.token().scopes();
      throw ZohoErrorDecoder.decode(response, route.operation.toString(), route.scopeTexts, granted);
    }
  }

  /** A query, path or header value: Zoho's comma-joined form for iterables, {@code toString()} otherwise. */
  static String text(Object value) {
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

  private static String[] append(String[] pairs, int length, String name, String value) {
    String[] grown = pairs == null ? new String[8] : length == pairs.length ? Arrays.copyOf(pairs, length * 2) : pairs;
    grown[length] = name;
    grown[length + 1] = value;
    return grown;
  }
}
