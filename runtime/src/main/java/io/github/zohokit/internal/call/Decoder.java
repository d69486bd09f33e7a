package io.github.zohokit.internal.call;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Not API: may change in any release. Reads a successful answer as one return type of a generated method, prepared
 * once per type in the generated class's constructor: the whole body ({@link #whole}), the body's first array member
 * ({@link #list}), that array's first element ({@link #single}), the text ({@link #text}) or the bytes
 * ({@link #bytes}). Readers are lenient about fields the type does not declare (Zoho adds fields over time).
 *
 * <p>Adding a way to read an answer is a subclass here and one factory method; the processor names the factory.
 *
 * @param <T> the value read
 */
public abstract class Decoder<T> {
  private static final Decoder<String> TEXT = new Decoder<>(null, false) {
    @Override
    String read(Response response) throws IOException {
      return response.body().string();
    }
  };

  private static final Decoder<byte[]> BYTES = new Decoder<>(null, false) {
    @Override
    byte[] read(Response response) throws IOException {
      return response.body().bytes();
    }
  };

  /** The reader of the value's type; null for text and bytes. */
  final ObjectReader reader;
  /** Whether an answer that holds no value is an error for a method that returns the value itself. */
  final boolean required;

  private Decoder(ObjectReader reader, boolean required) {
    this.reader = reader;
    this.required = required;
  }

  /**
   * Reads {@code response}, a success; null when the answer holds no value where the type has no empty form.
   *
   * @throws IOException when the body cannot be read as the type
   */
  abstract T read(Response response) throws IOException;

  /**
   * The whole body is the value: a {@code ZohoEnvelope} such as {@code RecordPage}, a {@code JsonNode}, a map. An
   * empty answer reads as {@code {}}.
   *
   * @param <T> the value's type
   * @param mapper the mapper of the generated API
   * @param type the value's type, such as {@code types.constructParametricType(RecordPage.class, Lead.class)}
   * @return the decoder
   */
  public static <T> Decoder<T> whole(ObjectMapper mapper, JavaType type) {
    return new Decoder<>(reader(mapper, type), false) {
      @Override
      T read(Response response) throws IOException {
        if (isEmpty(response)) {
          return reader.readValue("{}");
        }
        return reader.readValue(response.body().byteStream());
      }
    };
  }

  /**
   * The body's first array member ({@code data}, {@code users}, ...) is the value, a {@code List}; an answer without
   * one is an empty list.
   *
   * @param <T> the list's type
   * @param mapper the mapper of the generated API
   * @param type the list's type, such as {@code types.constructParametricType(List.class, Lead.class)}
   * @return the decoder
   */
  public static <T> Decoder<T> list(ObjectMapper mapper, JavaType type) {
    return new Decoder<>(reader(mapper, type), false) {
      @Override
      @SuppressWarnings("unchecked")
      T read(Response response) throws IOException {
        if (!isEmpty(response)) {
          try (JsonParser parser = reader.createParser(response.body().byteStream())) {
            if (toFirstArray(parser)) {
              return reader.readValue(parser);
            }
          }
        }
        return (T) new ArrayList<>();
      }
    };
  }

  /**
   * The first element of the body's first array member is the value: one record, user, org; none is no value
   * (an error for a method that returns the type itself, empty for an {@code Optional}).
   *
   * @param <T> the value's type
   * @param mapper the mapper of the generated API
   * @param type the value's type, such as {@code types.constructParametricType(RecordPage.class, Lead.class)}
   * @return the decoder
   */
  public static <T> Decoder<T> single(ObjectMapper mapper, JavaType type) {
    return new Decoder<>(reader(mapper, type), true) {
      @Override
      T read(Response response) throws IOException {
        if (isEmpty(response)) {
          return null;
        }
        try (JsonParser parser = reader.createParser(response.body().byteStream())) {
          if (!toFirstArray(parser)) {
            return null;
          }
          return parser.nextToken() == JsonToken.START_OBJECT ? reader.readValue(parser) : null;
        }
      }
    };
  }

  /**
   * {@link #whole(ObjectMapper, JavaType)} for a non-generic class.
   *
   * @param <T> the value's type
   * @param mapper the mapper of the generated API
   * @param type the value's class
   * @return the decoder
   */
  public static <T> Decoder<T> whole(ObjectMapper mapper, Class<?> type) {
    return whole(mapper, mapper.constructType(type));
  }

  /**
   * {@link #single(ObjectMapper, JavaType)} for a non-generic class.
   *
   * @param <T> the value's type
   * @param mapper the mapper of the generated API
   * @param type the value's class
   * @return the decoder
   */
  public static <T> Decoder<T> single(ObjectMapper mapper, Class<?> type) {
    return single(mapper, mapper.constructType(type));
  }

  /**
   * The body text is the value.
   *
   * @return the decoder, shared
   */
  public static Decoder<String> text() {
    return TEXT;
  }

  /**
   * The body's bytes are the value, read whole into memory (an empty array for 204). For files of any size a
   * generated method returns {@code InputStream} or {@code ZohoDownload} instead, which stream.
   *
   * @return the decoder, shared
   */
  public static Decoder<byte[]> bytes() {
    return BYTES;
  }

  private static ObjectReader reader(ObjectMapper mapper, JavaType type) {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A 204, or an answer that says it has no content. */
  static boolean isEmpty(Response response) {
    return response.code() == 204 || response.body().contentLength() == 0;
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
