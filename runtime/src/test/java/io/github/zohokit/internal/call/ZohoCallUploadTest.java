package io.github.zohokit.internal.call;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoApiException;
import io.github.zohokit.annotation.ZohoHost;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.Calls;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Uploads: a route on the file-upload host, and a one-shot upload whose token Zoho rejects. */
class ZohoCallUploadTest {
  private static final Route UPLOAD = Calls.route("POST", "/crm/v8/upload", "ZohoFiles.files.ALL",
      "ZohoCRM.bulk.CREATE");

  /** The calls of a user of {@code dc} whose requests are answered 200 by the last interceptor, into {@code sent}. */
  private static ZohoCalls callsOf(DataCenter dc, List<Request> sent) {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(Instant.now().plusSeconds(3600))
        .apiDomain(dc.apiDomain()).accountsServer(dc.accountsUrl()).dataCenter(dc).build());
    SessionHttp connection = SessionHttp.of(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).dataCenter(dc)
        .endpoints(ZohoEndpoints.zoho()).tokenStore(store).build());
    OkHttpClient answering = connection.callHttp().newBuilder().addInterceptor(chain -> {
      sent.add(chain.request());
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create("{}", MediaType.get("application/json"))).build();
    }).build();
    return new ZohoCalls(answering, connection.objectMapper(), connection.session(TokenKey.DEFAULT_USER));
  }

  @ParameterizedTest
  @EnumSource(value = DataCenter.class, mode = EnumSource.Mode.EXCLUDE, names = "CUSTOM")
  void aRouteOnTheFileUploadHostGoesToTheContentHostOfTheUsersDataCentre(DataCenter dc) {
    List<Request> sent = new ArrayList<>();
    ZohoCalls calls = callsOf(dc, sent);

    calls.start(UPLOAD.on(ZohoHost.FILE_UPLOAD)).part("file", new byte[] {'P', 'K'}).fetch(Decoder.bytes());
    calls.start(UPLOAD).part("file", new byte[] {'P', 'K'}).fetch(Decoder.bytes());

    assertThat(sent).hasSize(2);
    String domain = dc.apiDomain().substring("https://www.zohoapis.".length());
    assertThat(sent.get(0).url().toString()).isEqualTo("https://content.zohoapis." + domain + "/crm/v8/upload");
    assertThat(sent.get(0).header("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    assertThat(sent.get(1).url().toString()).as("without @Host: the API base")
        .isEqualTo("https://www.zohoapis." + domain + "/crm/v8/upload");
  }

  @Test
  void aRejectedTokenOnAOneShotUploadSaysTheRequestWasNotRenewedNorResent() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      api.enqueue(json(401, "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\","
          + "\"status\":\"error\"}"));
      ZohoCalls calls = Calls.against(api.url("/").toString());

      assertThatThrownBy(() -> calls.start(UPLOAD.on(ZohoHost.FILE_UPLOAD))
          .part("file", new ByteArrayInputStream(new byte[] {'P', 'K'})).fetch(Decoder.bytes()))
          .isInstanceOf(ZohoApiException.class)
          .hasMessageContaining("INVALID_TOKEN")
          .hasMessageContaining("zohokit did not renew it and resend this request, whose body can be read only once")
          .hasMessageNotContaining("renewed it once");
      assertThat(api.getRequestCount()).isEqualTo(1);
    }
  }
}
