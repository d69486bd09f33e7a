package io.github.zohokit.auth;
import io.github.zohokit.scope.Scope;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TokenResponsesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final ClientConfig CLIENT =
      new ClientConfig(ClientType.SELF_CLIENT, CLIENT_ID, Secret.of(CLIENT_SECRET), null, DataCenter.US);

  private static AccountsHttp.Answer answer(int status, String json) throws Exception {
    return new AccountsHttp.Answer(HttpUrl.get("https://accounts.zoho.com/oauth/v2/token"), status,
        MAPPER.readTree(json));
  }

  private static ZohoToken parse(String json, OAuthErrors.Request request) throws Exception {
    return TokenResponses.parse(answer(200, json), request, CLIENT, NOW, "https://accounts.zoho.com/", DataCenter.US);
  }

  @Test
  void expiresInIsSecondsInCurrentAnswers() throws Exception {
    ZohoToken token = parse("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}",
        OAuthErrors.Request.REFRESH);
    assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void expiresInInMillisecondsIsRecognised() throws Exception {
    assertThat(TokenResponses.lifetime(json("{\"expires_in\":3600000}"))).isEqualTo(Duration.ofHours(1));
    assertThat(TokenResponses.lifetime(json("{\"expires_in\":3600000,\"expires_in_sec\":3600}")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(TokenResponses.lifetime(json("{}"))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void scopesInAnswersAreSpaceSeparated() throws Exception {
    ZohoToken token = parse("{\"access_token\":\"" + ACCESS_TOKEN
        + "\",\"scope\":\"ZohoCRM.modules.ALL ZohoCRM.settings.fields.READ\",\"api_domain\":\"https://www.zohoapis.eu\"}",
        OAuthErrors.Request.GRANT_TOKEN);
    assertThat(token.scopes()).extracting(Scope::toString)
        .containsExactly("ZohoCRM.modules.ALL", "ZohoCRM.settings.fields.READ");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(token.apiDomain()).isEqualTo("https://www.zohoapis.eu");
    assertThat(token.hasRefreshToken()).isFalse();
  }

  @Test
  void errorsWithHttp200AreErrors() {
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_code\"}", OAuthErrors.Request.GRANT_TOKEN))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("'invalid_code'")
        .hasMessageContaining("already used or has expired")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("invalid_code"));
  }

  @Test
  void invalidCodeOnRefreshMeansReauthorize() {
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_code\"}", OAuthErrors.Request.REFRESH))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining("no longer accepts the refresh token")
        .hasMessageContaining("zohokit marked it dead and will not send it again")
        .hasMessageContaining("mvn zoho:bootstrap-token -Dzoho.grantToken=<code>");
  }

  @Test
  void accessDeniedWithASpaceIsZohosThrottle() throws Exception {
    String body = "{\"error_description\":\"You have made too many requests continuously. Please try again after "
        + "some time.\",\"error\":\"Access Denied\",\"status\":\"failure\"}";
    assertThatThrownBy(() -> TokenResponses.parse(answer(400, body), OAuthErrors.Request.REFRESH, CLIENT, NOW,
        "https://accounts.zoho.com/", DataCenter.US))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("too many requests continuously")
        .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofMinutes(10)));
  }

  @Test
  void eachDocumentedErrorSaysWhatToDo() {
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_client\"}", OAuthErrors.Request.GRANT_TOKEN))
        .hasMessageContaining("Multi DC");
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_client_secret\"}", OAuthErrors.Request.GRANT_TOKEN))
        .hasMessageContaining("client secret is wrong");
    assertThatThrownBy(() -> parse("{\"error\":\"missing_org_info\"}", OAuthErrors.Request.CLIENT_CREDENTIALS))
        .hasMessageContaining("soid as ZohoCRM.<orgId>");
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_org_info\"}", OAuthErrors.Request.CLIENT_CREDENTIALS))
        .hasMessageContaining("soid as ZohoCRM.<orgId>").hasMessageContaining("Company Details");
    assertThatThrownBy(() -> parse("{\"error\":\"invalid_redirect_uri\"}", OAuthErrors.Request.AUTHORIZATION_CODE))
        .hasMessageContaining("not registered");
  }

  @Test
  void anAnswerWithoutTokenOrErrorIsExplained() {
    assertThatThrownBy(() -> parse("{\"status\":\"ok\"}", OAuthErrors.Request.REFRESH))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("without an access_token or an error")
        .hasMessageContaining("fields present: status");
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }
}
