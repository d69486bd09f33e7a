package io.github.zohokit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.zohokit.internal.http.ZohoJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a successful answer as the shape a generated method declares: the whole body, Zoho's envelope unwrapped to
 * its first array member (a list) or that array's first element, or text; an empty answer (204, no content) as
 * the shape's empty value.
 */
final class BodyReader {
  private BodyReader() {}

  @SuppressWarnings("unchecked")
  static <T> T read(Response response, ObjectReader reader, BodyShape shape, Operation operation) {
    ResponseBody body = response.body();
    try {
      if (shape == BodyShape.TEXT) {
        return (T) body.string();
      }
      boolean empty = response.code() == 204 || body.contentLength() == 0;
      if (empty) {
        return emptyValue(reader, shape);
      }
      InputStream in = body.byteStream();
      if (shape == BodyShape.WHOLE) {
        return reader.readValue(in);
      }
      try (JsonParser parser = reader.createParser(in)) {
        if (!toFirstArray(parser)) {
          return emptyValue(reader, shape);
        }
        if (shape == BodyShape.LIST) {
          return reader.readValue(parser);
        }
        return parser.nextToken() == JsonToken.START_OBJECT ? reader.readValue(parser) : null;
      }
    } catch (IOException e) {
      throw ZohoJson.unreadable(operation.toString(), response.code(), reader.getValueType(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T emptyValue(ObjectReader reader, BodyShape shape) throws IOException {
    switch (shape) {
      case LIST:
        return (T) new ArrayList<>();
      case WHOLE:
        return reader.readValue("{}");
      default:
        return null;
    }
  }

  /** Moves {@code parser} onto the start of the body's first array member; false if there is none. */
  private static boolean toFirstArray(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.START_ARRAY) {
      return true;
    }
    if (token != JsonToken.START_OBJECT) {
      return false;
    }
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      if (parser.nextToken() == JsonToken.START_ARRAY) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }
}
