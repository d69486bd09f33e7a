package io.github.zohokit.internal.http;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.testing.CannedAnswer;
import io.github.zohokit.testing.Untrusted;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Zoho's error bodies (and whatever a proxy answers in their place): whatever the status, content type and body,
 * {@link ZohoErrorDecoder#decode(Response, String, java.util.Collection, java.util.Collection)} returns one of the
 * four exceptions it documents — it never throws — with a message, and when the body is not a Zoho error it quotes
 * nothing of it (an access token a misconfigured proxy echoes stays out of the logs).
 *
 * <p>Inputs are {@link CannedAnswer}s; {@code {token}} in the body is replaced by an access token. Seeds:
 * {@code src/test/resources/io/github/zohokit/internal/http/ZohoErrorDecoderFuzzTestInputs/errorBody/}, Zoho's
 * documented error bodies.
 */
class ZohoErrorDecoderFuzzTest {
  private static final List<String> REQUIRED = List.of("ZohoCRM.modules.leads.READ");
  private static final List<Scope> GRANTED = List.of(Scope.parse("ZohoCRM.modules.contacts.ALL"));

  @FuzzTest
  void errorBody(byte[] input) {
    CannedAnswer canned = CannedAnswer.of(input);
    String body = canned.body().replace("{token}", ACCESS_TOKEN);
    Request request = new Request.Builder().url("https://www.zohoapis.com/crm/v8/Leads?fields=Email").build();
    Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(canned.status())
        .message("x").body(ResponseBody.create(body, canned.contentType() == null ? null
            : MediaType.parse(canned.contentType()))).build();
    ZohoException e = ZohoErrorDecoder.decode(response, "GET /crm/v8/Leads", REQUIRED, GRANTED);
    assertThat(e).isInstanceOfAny(ScopeMismatchException.class, RateLimitException.class,
        ZohoUnavailableException.class, ZohoApiException.class);
    assertThat(e.getMessage()).startsWith("GET /crm/v8/Leads failed: HTTP " + canned.status());
    // the message names the content type: the token counts when only the body carried it
    Untrusted.assertNoSecretIn(e, Arrays.asList(ZohoErrorDecoder.errorCode(body) == null
        ? Untrusted.unlessIn(String.valueOf(canned.contentType()), ACCESS_TOKEN) : null));
  }
}
