package io.github.zohokit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataCenterTest {

  @Test
  void everyDataCentreHasAnAccountsServerAndAnApiDomain() {
    assertThat(DataCenter.values()).extracting(DataCenter::location)
        .containsExactly("us", "eu", "in", "au", "cn", "jp", "ca", "sa", "uk");
    for (DataCenter dc : DataCenter.values()) {
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
}
