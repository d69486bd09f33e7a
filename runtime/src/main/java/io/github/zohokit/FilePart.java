package io.github.zohokit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file sent as one part of a multipart upload ({@link io.github.zohokit.annotation.Part @Part}), with the file name
 * and content type Zoho is told. A {@code @Part} parameter may also be a {@link Path}, {@code byte[]} or
 * {@link InputStream} directly; use this type to name the file or set its content type:
 *
 * <pre>{@code
 * bulk.upload(FilePart.of("Leads.zip", zipBytes).withContentType("application/zip"), "bulk-write", orgId);
 * }</pre>
 *
 * A part from a file or bytes can be sent again (after a rejected token, a transient failure); one from a stream is
 * read once, so a call with it is never sent again. Immutable.
 */
public final class FilePart {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final String fileName;
  private final String contentType;
  private final Path path;
  private final byte[] bytes;
  private final InputStream stream;

  private FilePart(String fileName, String contentType, Path path, byte[] bytes, InputStream stream) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.path = path;
    this.bytes = bytes;
    this.stream = stream;
  }

  /**
   * The file at {@code file}, read when the call is sent; its name is the file's name, its content type guessed from
   * the extension ({@code .zip}, {@code .csv}, {@code .json}, {@code .txt}, {@code .pdf}, {@code .png},
   * {@code .jpg}/{@code .jpeg}, {@code .gif}), else {@code application/octet-stream}.
   *
   * @param file a readable file
   * @return the part
   * @throws NullPointerException when {@code file} is null
   * @throws IllegalArgumentException when {@code file} is not a regular file
   */
  public static FilePart of(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot upload " + file + ": it is not a regular file");
    }
    String name = file.getFileName().toString();
    return new FilePart(name, guess(name), file, null, null);
  }

  /**
   * {@code content} as a file named {@code fileName}, content type {@code application/octet-stream}.
   *
   * @param fileName the file name Zoho is told, such as {@code Leads.zip}
   * @param content the file's bytes, not copied
   * @return the part
   * @throws NullPointerException when an argument is null
   */
  public static FilePart of(String fileName, byte[] content) {
    return new FilePart(Objects.requireNonNull(fileName, "fileName"), OCTET_STREAM, null,
        Objects.requireNonNull(content, "content"), null);
  }

  /**
   * {@code content} as a file named {@code fileName}, content type {@code application/octet-stream}, read once
   * when the call is sent and closed after it (the call is then never sent again).
   *
   * @param fileName the file name Zoho is told, such as {@code Leads.zip}
   * @param content the file's bytes, read to the end
   * @return the part
   * @throws NullPointerException when an argument is null
   */
  public static FilePart of(String fileName, InputStream content) {
    return new FilePart(Objects.requireNonNull(fileName, "fileName"), OCTET_STREAM, null, null,
        Objects.requireNonNull(content, "content"));
  }

  /**
   * This part with another content type.
   *
   * @param contentType a media type such as {@code application/zip}
   * @return a new part with the same content
   * @throws IllegalArgumentException when {@code contentType} is not a media type
   */
  public FilePart withContentType(String contentType) {
    MediaType.get(Objects.requireNonNull(contentType, "contentType"));
    return new FilePart(fileName, contentType, path, bytes, stream);
  }

  /**
   * The file name sent in the part's {@code Content-Disposition}.
   *
   * @return the file name
   */
  public String fileName() {
    return fileName;
  }

  /**
   * The content type of the part.
   *
   * @return a media type, {@code application/octet-stream} unless known or set
   */
  public String contentType() {
    return contentType;
  }

  /**
   * The part's content as OkHttp sends it: replayable for a file or bytes, one-shot for a stream.
   *
   * @return a new request body
   */
  public RequestBody requestBody() {
    MediaType type = MediaType.get(contentType);
    if (path != null) {
      return RequestBody.create(path.toFile(), type);
    }
    if (bytes != null) {
      return RequestBody.create(bytes, type);
    }
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(stream)) {
          sink.writeAll(source);
        }
      }
    };
  }

  private static String guess(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    switch (dot < 0 ? "" : lower.substring(dot + 1)) {
      case "zip":
        return "application/zip";
      case "csv":
        return "text/csv";
      case "json":
        return "application/json";
      case "txt":
        return "text/plain";
      case "pdf":
        return "application/pdf";
      case "png":
        return "image/png";
      case "jpg":
      case "jpeg":
        return "image/jpeg";
      case "gif":
        return "image/gif";
      default:
        return OCTET_STREAM;
    }
  }

  @Override
  public String toString() {
    return "FilePart[" + fileName + ", " + contentType + "]";
  }
}
