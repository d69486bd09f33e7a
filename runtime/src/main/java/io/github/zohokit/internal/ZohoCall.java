package io.github.zohokit.internal;

import io.github.zohokit.internal.session.Authorization;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.crm.Records;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Not API: may change in any release. One call a generated method makes, bound fluently and sent by its last
 * method: the URL on the user's {@link Authorization}, the query, headers and body, then the answer read as the
 * method declares. Generated code reads like hand-written code:
 *
 * <pre>{@code
 * return calls.call(OP_LIST, "crm/v8/Leads").query("fields", fields).fetch(leadPageReader, BodyShape.WHOLE);
 * }</pre>
 *
 * Not thread-safe; one instance per call.
 */
public final class ZohoCall {
  private final ZohoCalls calls;
  private final Operation operation;
  private final Authorization authorization;
  private final HttpUrl.Builder url;
  private Headers.Builder headers;
  private RequestBody body;

  ZohoCall(ZohoCalls calls, Operation operation, Authorization authorization, HttpUrl.Builder url) {
    this.calls = calls;
    this.operation = operation;
    this.authorization = authorization;
    this.url = url;
  }

  /**
   * Adds a literal path segment.
   *
   * @param segment the segment, as the path template writes it
   * @return this call
   */
  public ZohoCall segment(String segment) {
    url.addPathSegment(segment);
    return this;
  }

  /**
   * Adds a path segment holding a {@code @Path} value, checked by {@link ZohoCalls#pathValue}.
   *
   * @param value the argument
   * @param name the name of its {@code @Path}
   * @return this call
   * @throws IllegalArgumentException when the value is null or is, or decodes to, a dot segment; nothing is sent
   */
  public ZohoCall path(Object value, String name) {
    url.addPathSegment(ZohoCalls.pathValue(value, name, operation));
    return this;
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
    ZohoCalls.addQuery(url, name, value);
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
    String text = ZohoCalls.text(value);
    if (text != null) {
      if (headers == null) {
        headers = new Headers.Builder();
      }
      headers.set(name, text);
    }
    return this;
  }

  /**
   * Sets the JSON body.
   *
   * @param writer writes the body's type
   * @param value the {@code @Body} argument
   * @return this call
   * @throws NullPointerException naming the operation when {@code value} is null; nothing is sent
   */
  public ZohoCall body(ObjectWriter writer, Object value) {
    if (value == null) {
      throw new NullPointerException("the @Body argument of " + operation + " is null");
    }
    body = ZohoCalls.json(writer, value);
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
      throw new NullPointerException("the @Body argument of " + operation + " is null");
    }
    return body(writer, Records.of((List<?>) value));
  }

  /**
   * Sends the call and reads the answer.
   *
   * @param <T> the declared return type
   * @param reader reads the declared type
   * @param shape how the declared type sits in the answer
   * @return the answer
   * @throws ZohoException when the call fails or Zoho answers with an error
   */
  public <T> T fetch(ObjectReader reader, BodyShape shape) {
    return calls.call(request(), operation, reader, shape);
  }

  /**
   * Sends the call; 204, 304 and a bare 404 are empty.
   *
   * @param <T> the declared element type
   * @param reader reads the declared type
   * @param shape how the declared type sits in the answer
   * @return the answer, or empty
   * @throws ZohoException when the call fails or Zoho answers with an error
   */
  public <T> Optional<T> fetchOptional(ObjectReader reader, BodyShape shape) {
    return calls.callOptional(request(), operation, reader, shape);
  }

  /**
   * Sends the call and checks it succeeded.
   *
   * @throws ZohoException when the call fails or Zoho answers with an error
   */
  public void send() {
    calls.callVoid(request(), operation);
  }

  /**
   * Sends the call; the answer with its status and headers.
   *
   * @param <T> the declared body type
   * @param reader reads the declared type
   * @param shape how the declared type sits in the answer
   * @return the answer with status and headers
   * @throws ZohoException when the call fails or Zoho answers with an error
   */
  public <T> ZohoResponse<T> fetchResponse(ObjectReader reader, BodyShape shape) {
    return calls.callResponse(request(), operation, reader, shape);
  }

  /**
   * Sends the call without a thread waiting for it.
   *
   * @param <T> the declared value type
   * @param reader reads the declared type; null when no body is read
   * @param shape how the declared type sits in the answer
   * @return the future answer
   */
  public <T> CompletableFuture<T> fetchAsync(ObjectReader reader, BodyShape shape) {
    return calls.callAsync(request(), operation, reader, shape);
  }

  /**
   * A lazy stream over every record of a paged list, as {@link ZohoCalls#paged}.
   *
   * @param <T> the element type
   * @param pageReader reads a page of the element type
   * @return the records, read page by page as the stream is consumed
   */
  public <T> Stream<T> fetchPages(ObjectReader pageReader) {
    Request first = request();
    return calls.paged(first.url(), pageUrl -> first.newBuilder().url(pageUrl).build(), operation, pageReader);
  }

  /** The request: on the authorization's API base, tagged with it and with the operation. */
  private Request request() {
    Request.Builder request = ZohoCalls.request(authorization, operation, url);
    if (headers != null) {
      request.headers(headers.build());
    }
    String method = operation.httpMethod();
    // a write without @Body sends an empty body, as OkHttp's delete() does; GET and HEAD send none
    RequestBody sent = body != null || method.equals("GET") || method.equals("HEAD") ? body : ZohoCalls.emptyBody();
    return request.method(method, sent).build();
  }
}
