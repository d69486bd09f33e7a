package io.github.zohokit.token;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataCenterTest {

  @Test
  void everyDataCentreHasAnAccountsServerAndAnApiDomain() {
    assertThat(DataCenter.values()).extracting(DataCenter::location)
        .containsExactly("us", "eu", "in", "au", "cn", "jp", "ca", "sa", "uk", "ae", "custom");
    for (DataCenter dc : DataCenter.values()) {
      if (dc == DataCenter.CUSTOM) {
        assertThat(dc.accountsUrl()).isNull();
        continue;
      }
      assertThat(dc.accountsUrl()).startsWith("https://accounts.");
      assertThat(dc.apiDomain()).startsWith("https://www.zohoapis.");
      assertThat(DataCenter.fromAccountsServer(dc.accountsUrl())).contains(dc);
      assertThat(DataCenter.fromApiDomain(dc.apiDomain())).contains(dc);
      assertThat(DataCenter.fromLocation(dc.location())).contains(dc);
    }
  }

  @Test
  void canadaUsesZohoCloudForAccountsButZohoApisForCalls() {
    assertThat(DataCenter.CA.accountsUrl()).isEqualTo("https://accounts.zohocloud.ca");
    assertThat(DataCenter.CA.apiDomain()).isEqualTo("https://www.zohoapis.ca");
  }

  @Test
  void australiaIsComAu() {
    assertThat(DataCenter.fromAccountsServer("https://accounts.zoho.com.au")).contains(DataCenter.AU);
    assertThat(DataCenter.fromApiDomain("https://www.zohoapis.com.au")).contains(DataCenter.AU);
    assertThat(DataCenter.fromApiDomain("https://www.zohoapis.com")).contains(DataCenter.US);
  }

  @Test
  void sandboxAndDeveloperApiDomainsBelongToTheirDataCentre() {
    assertThat(DataCenter.fromApiDomain("https://sandbox.zohoapis.eu")).contains(DataCenter.EU);
    assertThat(DataCenter.fromApiDomain("developer.zohoapis.in")).contains(DataCenter.IN);
    assertThat(DataCenter.fromApiDomain("https://example.com")).isEmpty();
  }

  @Test
  void locationsAreCaseInsensitiveAndUnknownOnesAreExplained() {
    assertThat(DataCenter.fromLocation("EU")).contains(DataCenter.EU);
    assertThat(DataCenter.parse("jp")).isEqualTo(DataCenter.JP);
    assertThatThrownBy(() -> DataCenter.parse("mars")).hasMessageContaining("'mars'").hasMessageContaining("us, eu");
  }

  @Test
  void theUnitedArabEmiratesAreZohoAe() {
    assertThat(DataCenter.parse("ae")).isEqualTo(DataCenter.AE);
    assertThat(DataCenter.fromAccountsServer("https://accounts.zoho.ae")).contains(DataCenter.AE);
    assertThat(DataCenter.fromApiDomain("https://www.zohoapis.ae")).contains(DataCenter.AE);
    assertThat(ZohoEndpoints.zoho().apiBase(DataCenter.AE).toString()).isEqualTo("https://www.zohoapis.ae/");
  }

  @Test
  void aDataCentreTheEnumDoesNotKnowIsCustomWithConfiguredUrls() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho()
        .withCustomDataCenter("https://accounts.zoho.xx", "https://www.zohoapis.xx");

    assertThat(endpoints.accountsUrl(DataCenter.CUSTOM).toString()).isEqualTo("https://accounts.zoho.xx/");
    assertThat(endpoints.apiBase(DataCenter.CUSTOM).toString()).isEqualTo("https://www.zohoapis.xx/");
    assertThat(endpoints.dataCenterOfAccountsServer("https://accounts.zoho.xx")).contains(DataCenter.CUSTOM);
    assertThat(DataCenter.fromApiDomain("https://www.zohoapis.xx")).isEmpty();
    ZohoOAuth oauth = ZohoOAuth.selfClient("1000.CLIENT", "secret").dataCenter(DataCenter.CUSTOM).endpoints(endpoints)
        .tokenStore(io.github.zohokit.store.TokenStores.inMemory()).build();
    assertThat(oauth.endpoints().accountsUrl(oauth.dataCenter()).host()).isEqualTo("accounts.zoho.xx");
  }

  @Test
  void anUnconfiguredCustomDataCentreIsAClearError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZohoEndpoints.zoho().accountsUrl(DataCenter.CUSTOM))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withCustomDataCenter(accountsUrl, apiBase)");
  }
}
