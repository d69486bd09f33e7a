package io.github.zohokit.auth;

import io.github.zohokit.token.DataCenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which hosts zohokit sends secrets to: Zoho's own over https, and what the configuration names. */
class ZohoEndpointsTest {

  @Test
  void endpointsOverrideOneDataCentreAndTrustOnlyKnownAccountsServers() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, "http://localhost:9999/");
    assertThat(endpoints.accountsUrl(DataCenter.EU).toString()).isEqualTo("http://localhost:9999/");
    assertThat(endpoints.accountsUrl(DataCenter.US).toString()).isEqualTo("https://accounts.zoho.com/");
    assertThat(endpoints.dataCenterOfAccountsServer("http://localhost:9999")).contains(DataCenter.EU);
    assertThat(endpoints.dataCenterOfAccountsServer("https://accounts.zoho.in")).contains(DataCenter.IN);
    assertThat(endpoints.dataCenterOfAccountsServer("https://accounts.evil.example")).isEmpty();
  }

  @Test
  void zohosOwnAccountsServerOfAnOverriddenDataCentreIsTrustedAndRoutedToTheOverride() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, "http://127.0.0.1:9999");
    assertThat(endpoints.trustedAccountsServer("https://accounts.zoho.eu")).map(Object::toString)
        .contains("http://127.0.0.1:9999/");
  }

  @Test
  void accountsServersMustBeZohosOverHttpsOrConfigured() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, "http://localhost:8085");
    assertThat(endpoints.trustedAccountsServer("http://accounts.zoho.com")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("https://accounts.zoho.com:8443")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("https://accounts.zoho.com.evil.example")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("http://localhost:8086")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("http://127.0.0.1:8085")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("not a url")).isEmpty();
    assertThat(endpoints.trustedAccountsServer("http://localhost:8085/")).map(Object::toString)
        .contains("http://localhost:8085/");
  }

  @Test
  void apiBaseUsesTheTokensDomainUnlessThatDataCentreIsOverridden() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho().withApiBase(DataCenter.EU, "http://localhost:7777");
    assertThat(endpoints.trustedApiBase("https://www.zohoapis.eu", DataCenter.US)).map(Object::toString)
        .contains("http://localhost:7777/");
    assertThat(endpoints.trustedApiBase("https://www.zohoapis.in", DataCenter.US)).map(Object::toString)
        .contains("https://www.zohoapis.in/");
    assertThat(endpoints.trustedApiBase("sandbox.zohoapis.com", DataCenter.US)).map(Object::toString)
        .contains("https://sandbox.zohoapis.com/");
    assertThat(endpoints.trustedApiBase(null, DataCenter.JP)).map(Object::toString)
        .contains("https://www.zohoapis.jp/");
    assertThat(endpoints.trustedApiBase("http://localhost:7777", DataCenter.US)).map(Object::toString)
        .contains("http://localhost:7777/");
  }

  @Test
  void apiDomainsThatAreNeitherZohosNorConfiguredAreNotTrusted() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho().withApiBase(DataCenter.EU, "http://localhost:7777");
    assertThat(endpoints.trustedApiBase("http://127.0.0.1:5555", DataCenter.US)).isEmpty();
    assertThat(endpoints.trustedApiBase("https://www.zohoapis.com.evil.example", DataCenter.US)).isEmpty();
    assertThat(endpoints.trustedApiBase("http://www.zohoapis.com", DataCenter.US)).isEmpty();
    assertThat(endpoints.trustedApiBase("https://www.zohoapis.com:444", DataCenter.US)).isEmpty();
    assertThat(endpoints.trustedApiBase("https://attacker.example", DataCenter.US)).isEmpty();
  }

  @Test
  void configuredUrlsMustBeHttpsUnlessOnLoopback() {
    assertThatThrownBy(() -> ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, "http://proxy.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http://proxy.example.com'")
        .hasMessageContaining("only https");
    assertThatThrownBy(() -> ZohoEndpoints.zoho().withApiBase(DataCenter.US, "http://127.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ZohoEndpoints.zoho().withApiBase(DataCenter.US, "https://proxy.example.com").apiBase(DataCenter.US)
        .host()).isEqualTo("proxy.example.com");
    assertThat(ZohoEndpoints.zoho().withApiBase(DataCenter.US, "http://[::1]:8080").apiBase(DataCenter.US).host())
        .isEqualTo("::1");
    assertThat(ZohoEndpoints.zoho().withApiBase(DataCenter.US, "http://127.0.0.1:8080").apiBase(DataCenter.US)
        .port()).isEqualTo(8080);
  }
}
