package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.Revocation;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.time.Duration;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token endpoint: grant codes, refresh, client credentials, Zoho's errors and limits, through real HTTP. */
class AccountsTokenEndpointTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest(b -> b.limits(Limits.zoho()
      .withLiveAccessTokensPerRefreshToken(3).withRefreshTokensPerUser(2)));

  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient();

  static ZohoOAuth.Builder oauth(FakeZoho fake, FakeClient client) {
    return ZohoOAuth.builder(client.type()).clientId(client.clientId()).clientSecret(client.clientSecret())
        .endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory());
  }

  private JsonNode post(String url, RequestBody body) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
      return JSON.readTree(response.body().string());
    }
  }

  @Test
  void aGrantCodeGivesTokensForExactlyItsScopesAndWorksOnce(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    String code = fake.generateGrantCode(client, List.of("ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ"));
    ZohoOAuth oauth = oauth(fake, client).build();

    ZohoToken token = oauth.selfClientFlow().exchangeGrantToken(code);

    assertThat(token.hasRefreshToken()).isTrue();
    assertThat(token.scopes()).extracting(Scope::toString)
        .containsExactly("ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ");
    assertThat(token.apiDomain()).isEqualTo(fake.baseUrl(DataCenter.US));
    assertThat(fake.count("token:authorization_code")).isEqualTo(1);
    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(code))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("'invalid_code'");
  }

  @Test
  void anExpiredGrantCodeIsInvalid(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    String code = fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL"));
    fake.advanceClock(Duration.ofMinutes(3).plusSeconds(1));
    assertThatThrownBy(() -> oauth(fake, client).build().selfClientFlow().exchangeGrantToken(code))
        .hasMessageContaining("'invalid_code'");
  }

  @Test
  void aWrongSecretAndAnUnknownClientAreRefused(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    String code = fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL"));
    assertThatThrownBy(() -> ZohoOAuth.selfClient(client.clientId(), "0000000000000000000000000000000000000000aa")
        .endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build().selfClientFlow()
        .exchangeGrantToken(code)).hasMessageContaining("'invalid_client_secret'");
    assertThatThrownBy(() -> ZohoOAuth.selfClient("1000.UNKNOWNCLIENT0000000000000000", client.clientSecret())
        .endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build().selfClientFlow()
        .exchangeGrantToken(code)).hasMessageContaining("'invalid_client'");
  }

  @Test
  void errorsComeWithHttp200AndJsonBodiesAreRefusedAsZohoDoes(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    String url = fake.baseUrl(DataCenter.US) + "/oauth/v2/token";
    try (Response response = http.newCall(new Request.Builder().url(url + "?grant_type=authorization_code&client_id="
        + client.clientId() + "&client_secret=" + client.clientSecret() + "&code=1000.nope")
        .post(RequestBody.create(new byte[0], null)).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("{\"error\":\"invalid_code\"}");
    }
    JsonNode json = post(url, RequestBody.create("{\"grant_type\":\"refresh_token\"}",
        MediaType.get("application/json")));
    assertThat(json.path("error").asText()).isEqualTo("invalid_client");
    try (Response get = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
      assertThat(get.code()).isEqualTo(500);
    }
  }

  @Test
  void refreshKeepsNoRotationAndThrottlesPastTenPerTenMinutes(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    ZohoToken first = oauth(fake, client).build().selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    FormBody refresh = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", client.clientId())
        .add("client_secret", client.clientSecret()).add("refresh_token", first.refreshToken().reveal()).build();
    String url = fake.baseUrl(DataCenter.US) + "/oauth/v2/token";
    for (int i = 0; i < 10; i++) {
      JsonNode answer = post(url, refresh);
      assertThat(answer.has("access_token")).isTrue();
      assertThat(answer.has("refresh_token")).isFalse();
    }
    try (Response response = http.newCall(new Request.Builder().url(url).post(refresh).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).isEqualTo("{\"error_description\":\"You have made too many requests "
          + "continuously. Please try again after some time.\",\"error\":\"Access Denied\",\"status\":\"failure\"}");
    }
    fake.advanceClock(Duration.ofMinutes(10));
    assertThat(post(url, refresh).has("access_token")).isTrue();
  }

  @Test
  void theOldestLiveAccessTokenIsEvicted(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    ZohoToken token = oauth(fake, client).build().selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    FormBody refresh = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", client.clientId())
        .add("client_secret", client.clientSecret()).add("refresh_token", token.refreshToken().reveal()).build();
    String url = fake.baseUrl(DataCenter.US) + "/oauth/v2/token";
    String second = post(url, refresh).get("access_token").asText();
    post(url, refresh);
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.US)).isTrue();
    post(url, refresh);
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.US)).isFalse();
    assertThat(fake.isValidAccessToken(second, DataCenter.US)).isTrue();
  }

  @Test
  void aThirdRefreshTokenEvictsTheOldestWithItsAccessTokens(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoToken oldest = oauth(fake, client).build().selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    oauth(fake, client).build().selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    assertThat(fake.liveRefreshTokens(client)).isEqualTo(2);
    oauth(fake, client).build().selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));

    assertThat(fake.liveRefreshTokens(client)).isEqualTo(2);
    assertThat(fake.isValidAccessToken(oldest.accessToken().reveal(), DataCenter.US)).isFalse();
    ZohoOAuth stale = oauth(fake, client).build();
    stale.tokenStore().save(new TokenKey(stale.clientId(), TokenKey.DEFAULT_USER), oldest.toBuilder()
        .expiresAt(java.time.Instant.now().minusSeconds(1)).build());
    assertThatThrownBy(() -> stale.token(TokenKey.DEFAULT_USER))
        .isInstanceOf(ReauthorizationRequiredException.class).hasMessageContaining("no longer accepts the refresh");
  }

  @Test
  void grantCodesAreLimitedPerClient(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    for (int i = 0; i < 10; i++) {
      fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL"));
    }
    assertThatThrownBy(() -> fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")))
        .hasMessageContaining("access_denied");
    fake.advanceClock(Duration.ofMinutes(10));
    assertThat(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL"))).startsWith("1000.");
  }

  @Test
  void clientCredentialsNeedTheOrganisationAndGiveNoRefreshToken(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoToken token = oauth(fake, client).build().selfClientFlow()
        .clientCredentials(List.of("ZohoCRM.modules.ALL"), fake.orgId(DataCenter.US), "job");
    assertThat(token.hasRefreshToken()).isFalse();
    assertThat(fake.count("token:client_credentials")).isEqualTo(1);
    assertThatThrownBy(() -> oauth(fake, client).build().selfClientFlow()
        .clientCredentials(List.of("ZohoCRM.modules.ALL"), "ZohoCRM.123", "job"))
        .hasMessageContaining("'invalid_org'");
  }

  @Test
  void missingSoidIsMissingOrgInfo(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    JsonNode answer = post(fake.baseUrl(DataCenter.US) + "/oauth/v2/token", new FormBody.Builder()
        .add("grant_type", "client_credentials").add("client_id", client.clientId())
        .add("client_secret", client.clientSecret()).add("scope", "ZohoCRM.modules.ALL").build());
    assertThat(answer.path("error").asText()).isEqualTo("missing_org_info");
  }

  @Test
  void throttledRefreshIsARateLimitForTheRuntime(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    fake.failNext(Fault.Target.TOKEN, 1, Fault.throttle());
    fake.expireAccessTokens();
    assertThatThrownBy(() -> oauth.refresh(TokenKey.DEFAULT_USER))
        .isInstanceOf(RateLimitException.class);
  }

  @Test
  void revokeKillsTheRefreshTokenAndItsAccessTokens(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = oauth(fake, client).build();
    ZohoToken token = oauth.selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
    assertThat(oauth.revoke(TokenKey.DEFAULT_USER)).isEqualTo(Revocation.REVOKED);
    assertThat(fake.count("revoke")).isEqualTo(1);
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.US)).isFalse();
    assertThat(fake.liveRefreshTokens(client)).isZero();
  }
}
