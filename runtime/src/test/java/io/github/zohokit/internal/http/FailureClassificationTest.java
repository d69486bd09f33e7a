package io.github.zohokit.internal.http;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoMappingException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.internal.call.Decoder;
import io.github.zohokit.internal.call.Route;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.Calls;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every API call reports a failure the same way, as the README's "When Zoho fails" says (issue 26 items 11 and 12):
 * HTTP 5xx and I/O failures are {@link ZohoUnavailableException}, 429 is {@link RateLimitException}, Zoho's other
 * errors {@link ZohoApiException}, and a body the declared type cannot read a {@link ZohoMappingException}.
 */
class FailureClassificationTest {
  private static final Route GET_LEADS = Calls.route("GET", "/crm/v8/Leads", "ZohoCRM.modules.leads.READ");
  private static final Route POST_LEADS = Calls.route("POST", "/crm/v8/Leads", "ZohoCRM.modules.leads.CREATE");
  private static final String INTERNAL_ERROR = "{\"code\":\"INTERNAL_ERROR\",\"details\":{},"
      + "\"message\":\"Internal Server Error\",\"status\":\"error\"}";

  /** A record as a user declares it. */
  record Lead(@JsonProperty("Last_Name") String lastName, @JsonProperty("Modified_Time") OffsetDateTime modifiedTime,
      @JsonProperty("Date_of_Birth") LocalDate dateOfBirth) {}

  private final MockWebServer api = new MockWebServer();
  private final Decoder<JsonNode> json = Decoder.whole(new ObjectMapper(), JsonNode.class);

  @BeforeEach
  void start() throws Exception {
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ZohoOAuth oauth(UnaryOperator<ZohoOAuth.Builder> configure) throws Exception {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(Instant.now().plusSeconds(3600))
        .dataCenter(DataCenter.US).build());
    return configure.apply(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store))
        .build();
  }

  private ZohoCalls calls() throws Exception {
    return Calls.of(oauth(b -> b));
  }

  @Test
  void aServerErrorWithZohosBodyIsUnavailableWithItsStatusAndCode() throws Exception {
    api.enqueue(json(500, INTERNAL_ERROR));

    assertThatThrownBy(() -> calls().start(GET_LEADS).fetch(json))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("GET /crm/v8/Leads failed: HTTP 500 INTERNAL_ERROR: Internal Server Error")
        .hasMessageContaining("transient")
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).status()).hasValue(500));
  }

  @Test
  void aGatewayPageIsUnavailableWithTheServersRetryAfter() throws Exception {
    api.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/html")
        .setHeader("Retry-After", "7").body("<html>maintenance</html>").build());

    assertThatThrownBy(() -> calls().start(GET_LEADS).fetchOptional(json))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 503 with a body that is not a Zoho error (text/html")
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void asynchronousCallsAndPagedStreamsClassifyAlike() throws Exception {
    ZohoCalls calls = calls();
    api.enqueue(json(502, INTERNAL_ERROR));
    api.enqueue(json(504, INTERNAL_ERROR));

    assertThatThrownBy(() -> calls.start(GET_LEADS).fetchAsync(json)
        .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ZohoUnavailableException.class);
    ObjectMapper mapper = new ObjectMapper();
    Decoder<RecordPage<JsonNode>> pages = Decoder.whole(mapper,
        mapper.getTypeFactory().constructParametricType(RecordPage.class, JsonNode.class));
    assertThatThrownBy(() -> calls.start(GET_LEADS).fetchPages(pages).count())
        .isInstanceOf(ZohoUnavailableException.class).hasMessageContaining("HTTP 504");
  }

  @Test
  void aDroppedConnectionIsUnavailable() throws Exception {
    // a GET is resent once at once after a dropped connection: drop both
    MockResponse dropped = new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    api.enqueue(dropped);
    api.enqueue(dropped);

    assertThatThrownBy(() -> calls().start(GET_LEADS).fetch(json))
        .isInstanceOf(ZohoUnavailableException.class).hasMessageContaining("GET /crm/v8/Leads failed")
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).status()).isEmpty());
  }

  @Test
  void aTimeoutIsUnavailable() throws Exception {
    ZohoCalls calls = Calls.of(oauth(b -> b.httpClient(new OkHttpClient.Builder()
        .readTimeout(Duration.ofMillis(200)).build())));
    api.enqueue(json("{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    api.enqueue(json("{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> calls.start(GET_LEADS).fetch(json))
        .isInstanceOf(ZohoUnavailableException.class).hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void tooManyRequestsIsARateLimitAndOtherErrorsStayApiErrors() throws Exception {
    ZohoCalls calls = calls();
    api.enqueue(json(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\","
        + "\"status\":\"error\"}"));
    api.enqueue(json(400, "{\"code\":\"INVALID_DATA\",\"details\":{},\"message\":\"invalid data\","
        + "\"status\":\"error\"}"));

    assertThatThrownBy(() -> calls.start(GET_LEADS).fetch(json))
        .isInstanceOf(RateLimitException.class);
    assertThatThrownBy(() -> calls.start(GET_LEADS).fetch(json))
        .isInstanceOf(ZohoApiException.class).isNotInstanceOf(ZohoUnavailableException.class)
        .satisfies(e -> assertThat(((ZohoApiException) e).status()).isEqualTo(400));
  }

  @Test
  void theDefaultMapperReadsARecordWithJavaTimeFields() throws Exception {
    Zoho zoho = Zoho.connect(oauth(b -> b));
    api.enqueue(json("{\"data\":[{\"Last_Name\":\"Ng\",\"Modified_Time\":\"2026-12-01T10:15:30+05:30\","
        + "\"Date_of_Birth\":\"1990-02-28\"}]}"));

    Lead lead = Calls.of(zoho.oauth()).start(GET_LEADS).fetch(Decoder.single(zoho.objectMapper(), Lead.class));

    assertThat(lead.modifiedTime()).isEqualTo(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 0,
        ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat(lead.dateOfBirth()).isEqualTo(LocalDate.of(1990, 2, 28));
  }

  @Test
  void aBodyTheMapperCannotReadIsAMappingErrorNamingTheTypeAndTheFix() throws Exception {
    ObjectMapper plain = new ObjectMapper(); // the user's own, without JavaTimeModule: used as given
    ZohoCalls calls = Calls.of(oauth(b -> b.objectMapper(plain)));
    api.enqueue(json("{\"data\":[{\"Last_Name\":\"Ng\",\"Modified_Time\":\"2026-12-01T10:15:30+05:30\"}]}"));

    assertThatThrownBy(() -> calls.start(GET_LEADS)
        .fetch(Decoder.<Lead>single(calls.objectMapper(), Lead.class)))
        .isInstanceOf(ZohoMappingException.class).isNotInstanceOf(ZohoApiException.class)
        .hasMessageContaining("GET /crm/v8/Leads answered HTTP 200 with a body that cannot be read as "
            + Lead.class.getName())
        .hasMessageContaining("ZohoOAuth.Builder.objectMapper(...)")
        .hasMessageContaining("register Jackson's JavaTimeModule")
        .satisfies(e -> {
          assertThat(((ZohoMappingException) e).status()).isEqualTo(200);
          assertThat(((ZohoMappingException) e).javaType()).isEqualTo(Lead.class.getName());
        });
  }

  @Test
  void aFieldOfTheWrongTypeIsAMappingErrorAtThatField() throws Exception {
    api.enqueue(json("{\"data\":[{\"Last_Name\":\"Ng\",\"Date_of_Birth\":\"not a date\"}]}"));
    ZohoCalls calls = calls();

    assertThatThrownBy(() -> calls.start(GET_LEADS)
        .fetch(Decoder.<Lead>single(calls.objectMapper(), Lead.class)))
        .isInstanceOf(ZohoMappingException.class)
        .hasMessageContaining("Date_of_Birth")
        .hasMessageContaining("check " + Lead.class.getName() + "'s fields against Zoho's JSON")
        .hasMessageNotContaining("JavaTimeModule");
  }

  @Test
  void aRequestBodyTheMapperCannotWriteIsAMappingError() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    ZohoCalls calls = Calls.of(oauth(b -> b.objectMapper(plain)));
    Lead lead = new Lead("Ng", OffsetDateTime.now(), null);

    assertThatThrownBy(() -> calls.start(POST_LEADS).body(plain.writerFor(Lead.class), lead).send())
        .isInstanceOf(ZohoMappingException.class)
        .hasMessageContaining("cannot write the request body (" + Lead.class.getName() + ") as JSON")
        .hasMessageContaining("register Jackson's JavaTimeModule")
        .satisfies(e -> assertThat(((ZohoMappingException) e).status()).isZero());
    assertThat(api.getRequestCount()).isZero();
  }
}
