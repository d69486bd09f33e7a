package io.github.zohokit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.scope.Scope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZohoErrorDecoderTest {

  private static ZohoException decode(int status, String body) {
    return ZohoErrorDecoder.decode(status, "application/json", body, null, "GET /crm/v8/Leads", List.of(), List.of());
  }

  @Test
  void zohoErrorBodiesBecomeApiExceptionsWithEveryField() {
    ZohoException e = decode(400, "{\"code\":\"REQUIRED_PARAM_MISSING\",\"details\":{\"param_name\":\"fields\"},"
        + "\"message\":\"One of the expected parameter is missing\",\"status\":\"error\"}");
    assertThat(e).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("GET /crm/v8/Leads failed: HTTP 400 REQUIRED_PARAM_MISSING: One of the expected "
            + "parameter is missing {param_name=fields}")
        .hasMessageContaining("Add the parameter 'fields' (mandatory when listing records");
    ZohoApiException api = (ZohoApiException) e;
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.code()).isEqualTo("REQUIRED_PARAM_MISSING");
    assertThat(api.details()).containsEntry("param_name", "fields");
    assertThat(api.zohoMessage()).isEqualTo("One of the expected parameter is missing");
  }

  @Test
  void tooManyRequestsIsARateLimit() {
    ZohoException e = ZohoErrorDecoder.decode(429, "application/json", "{\"code\":\"TOO_MANY_REQUESTS\","
        + "\"details\":{},\"message\":\"too many requests\",\"status\":\"error\"}", Duration.ofSeconds(30),
        "GET /crm/v8/Leads", List.of(), List.of());
    assertThat(e).isInstanceOf(RateLimitException.class).hasMessageContaining("retry after 30s");
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void scopeMismatchWithTheHyphenatedCodeIsRecognised() {
    ZohoException e = ZohoErrorDecoder.decode(401, "application/json", "{\"code\":\"OAUTH-SCOPE-MISMATCH\"}", null,
        "GET /crm/v8/coql", List.of("ZohoCRM.coql.READ"), Scope.parseList("ZohoCRM.modules.ALL"));
    assertThat(e).isInstanceOf(ScopeMismatchException.class).hasMessageContaining(": ZohoCRM.coql.READ");
  }

  @Test
  void scopeMismatchNamesTheScopesZohoDocumentsForTheCallAsSent() {
    ZohoException e = ZohoErrorDecoder.decode(401, "application/json", "{\"code\":\"OAUTH_SCOPE_MISMATCH\","
        + "\"details\":{},\"message\":\"invalid oauth scope\",\"status\":\"error\"}", null,
        "GET /crm/v8/{module}", List.of("ZohoCRM.modules.leads.READ"), Scope.parseList("ZohoCRM.modules.leads.READ"),
        "GET", "/crm/v8/Deals");
    assertThat(e).isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("Zoho documents GET /crm/v8/Deals to need ZohoCRM.modules.deals.READ or "
            + "ZohoCRM.modules.deals.ALL or ZohoCRM.modules.ALL");
  }

  @Test
  void nonJsonErrorsSayWhatCameBack() {
    ZohoException e = ZohoErrorDecoder.decode(502, "text/html", "<html>bad gateway</html>", null,
        "GET /crm/v8/Leads", List.of(), List.of());
    assertThat(e).isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 502 with a body that is not a Zoho error (text/html, 24 characters)")
        .hasMessageContaining("Zoho may be down");
    assertThat(((ZohoUnavailableException) e).status()).hasValue(502);
  }

  @Test
  void errorsWrappedInDataAreRead() {
    ZohoException e = decode(400, "{\"data\":[{\"code\":\"INVALID_DATA\",\"details\":{\"api_name\":\"Email\"},"
        + "\"message\":\"invalid data\",\"status\":\"error\"}]}");
    assertThat(((ZohoApiException) e).code()).isEqualTo("INVALID_DATA");
    assertThat(((ZohoApiException) e).details()).containsEntry("api_name", "Email");
  }

  @Test
  void theRejectedTokenCodesAreTheOnesARenewalCanFix() {
    assertThat(ZohoErrorDecoder.isRejectedToken("INVALID_TOKEN")).isTrue();
    assertThat(ZohoErrorDecoder.isRejectedToken("AUTHENTICATION_FAILURE")).isTrue();
    assertThat(ZohoErrorDecoder.isRejectedToken("OAUTH_SCOPE_MISMATCH")).isFalse();
    assertThat(ZohoErrorDecoder.errorCode("not json")).isNull();
  }
}
