package io.github.zohokit.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An HTTP client whose every call is answered in-process with the status, content type and body set last: no
 * socket, so fuzz targets reach zohokit's whole reading of an answer at tens of thousands of calls a second, and
 * nothing is ever sent anywhere.
 */
public final class CannedAccounts implements Interceptor {
  private final AtomicReference<Answer> answer =
      new AtomicReference<>(new Answer(200, "application/json", new byte[0]));

  /** One canned answer. */
  private record Answer(int status, String contentType, byte[] body) {}

  /**
   * Answers every following call with this.
   *
   * @param status the HTTP status
   * @param contentType the Content-Type, or null for none
   * @param body the body's bytes
   */
  public void answer(int status, String contentType, byte[] body) {
    answer.set(new Answer(status, contentType, body));
  }

  /**
   * An HTTP client that sends nothing and gets the canned answer.
   *
   * @return the client
   */
  public OkHttpClient http() {
    return new OkHttpClient.Builder().addInterceptor(this).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Answer a = answer.get();
    Response.Builder response = new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
        .code(a.status).message("canned")
        .body(ResponseBody.create(a.body, a.contentType == null ? null : MediaType.parse(a.contentType)));
    if (a.contentType != null && a.contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      response.header("Content-Type", a.contentType);
    }
    return response.build();
  }
}
