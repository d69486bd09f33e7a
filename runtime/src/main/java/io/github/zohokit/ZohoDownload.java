package io.github.zohokit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;

/**
 * A binary answer (a Bulk Read result ZIP, an attachment, a photo) as a stream, with its status and headers. A
 * generated method may return it; the HTTP connection stays open until it is closed, so use it in
 * try-with-resources:
 *
 * <pre>{@code
 * try (ZohoDownload zip = bulk.result(jobId)) {
 *   Files.copy(zip.body(), target.resolve(zip.fileName().orElse(jobId + ".zip")));
 * }
 * }</pre>
 *
 * An error answer never becomes a download: it throws zohokit's usual exception (Zoho answers errors of file
 * endpoints as JSON). 204 No Content and 304 Not Modified (after an {@code If-Modified-Since} header) are not errors:
 * they come with their status and an empty body ({@link #notModified()} tells the second).
 */
public final class ZohoDownload implements AutoCloseable {
  private final int status;
  private final Headers headers;
  private final InputStream body;

  /**
   * A download; generated code creates them, tests of code that uses them may too.
   *
   * @param status the HTTP status, such as 200, 204 or 304
   * @param headers the response headers
   * @param body the body, read once; closing it releases the connection
   */
  public ZohoDownload(int status, Headers headers, InputStream body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
  }

  /**
   * The HTTP status.
   *
   * @return the status, such as 200, 204 or 304
   */
  public int status() {
    return status;
  }

  /**
   * Whether Zoho answered 304 Not Modified: nothing changed since the {@code If-Modified-Since} sent; the body is
   * empty.
   *
   * @return whether the status is 304
   */
  public boolean notModified() {
    return status == 304;
  }

  /**
   * The response headers.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * A header's value, or empty.
   *
   * @param name the header's name, case-insensitive
   * @return the last value of the header, or empty when absent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * The body's media type, from {@code Content-Type}.
   *
   * @return the content type, such as {@code application/zip}, or empty when Zoho sent none
   */
  public Optional<String> contentType() {
    return header("Content-Type");
  }

  /**
   * The body's length, from {@code Content-Length}.
   *
   * @return the length in bytes, or empty when unknown (a chunked answer)
   */
  public OptionalLong contentLength() {
    String value = headers.get("Content-Length");
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The file name from {@code Content-Disposition}: its {@code filename*} (RFC 6266, percent-encoded with its
   * charset) when present, else its {@code filename}; without any path (a name such as {@code ../x} gives {@code x}).
   *
   * @return the file name, or empty when Zoho sent none
   */
  public Optional<String> fileName() {
    String disposition = headers.get("Content-Disposition");
    return disposition == null ? Optional.empty() : Optional.ofNullable(fileName(disposition));
  }

  /**
   * The body, read once; closing it (or this download) releases the connection.
   *
   * @return the body stream; empty for 204 and 304
   */
  public InputStream body() {
    return body;
  }

  /**
   * Reads the rest of the body into memory and closes this download. For large files (a Bulk Read ZIP can be
   * hundreds of megabytes) read {@link #body()} as a stream instead.
   *
   * @return the bytes read
   * @throws ZohoUnavailableException when the connection fails while reading
   */
  public byte[] bytes() {
    try (InputStream in = body) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ZohoUnavailableException("reading a download (HTTP " + status + ") failed: " + e
          + "; the connection broke, download it again", 0, null, e);
    }
  }

  /** Closes the body and releases the connection; closing twice does nothing. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "ZohoDownload[HTTP " + status + contentType().map(t -> ", " + t).orElse("")
        + fileName().map(n -> ", " + n).orElse("") + "]";
  }

  /** The file name of a {@code Content-Disposition} value, or null. */
  static String fileName(String disposition) {
    String plain = null;
    String extended = null;
    for (String parameter : parameters(disposition)) {
      int eq = parameter.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = parameter.substring(eq + 1).trim();
      if (name.equals("filename*")) {
        extended = decodeExtended(value);
      } else if (name.equals("filename")) {
        plain = unquote(value);
      }
    }
    String name = extended != null ? extended : plain;
    if (name == null) {
      return null;
    }
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
  }

  /** The {@code ;}-separated parameters, a {@code ;} inside quotes kept. */
  private static List<String> parameters(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }

  /** {@code UTF-8''na%C3%AFve.zip} (RFC 5987); null when malformed. */
  private static String decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return null;
    }
    try {
      Charset charset = Charset.forName(value.substring(0, first).trim());
      return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
