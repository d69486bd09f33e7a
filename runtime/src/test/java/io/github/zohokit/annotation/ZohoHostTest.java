package io.github.zohokit.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.token.DataCenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where {@link ZohoHost#FILE_UPLOAD} is for each API base. */
class ZohoHostTest {
  @ParameterizedTest
  @EnumSource(value = DataCenter.class, mode = EnumSource.Mode.EXCLUDE, names = "CUSTOM")
  void theUploadHostOfEveryDataCentreIsItsContentHost(DataCenter dc) {
    String domain = dc.apiDomain().substring("https://www.zohoapis.".length());   // com, eu, com.au, ...
    assertThat(ZohoHost.FILE_UPLOAD.baseFor(dc.apiDomain())).isEqualTo("https://content.zohoapis." + domain);
    assertThat(ZohoHost.FILE_UPLOAD.baseFor(dc.apiDomain() + "/")).isEqualTo("https://content.zohoapis." + domain
        + "/");
    assertThat(ZohoHost.API.baseFor(dc.apiDomain())).isEqualTo(dc.apiDomain());
  }

  @Test
  void theDataCentresAreTheOnesListed() {
    assertThat(ZohoHost.FILE_UPLOAD.baseFor(DataCenter.AU.apiDomain())).isEqualTo("https://content.zohoapis.com.au");
    assertThat(ZohoHost.FILE_UPLOAD.baseFor(DataCenter.CA.apiDomain())).isEqualTo("https://content.zohoapis.ca");
    assertThat(ZohoHost.FILE_UPLOAD.baseFor("https://www.zohoapis.eu:8443/proxy/"))
        .isEqualTo("https://content.zohoapis.eu:8443/proxy/");
  }

  @Test
  void anyOtherBaseIsItsOwnUploadHost() {
    for (String base : new String[] {"http://127.0.0.1:41234/", "http://localhost:8080/fake-zoho",
        "https://crm-proxy.example.com/", "https://sandbox.zohoapis.com", "https://example.com/?next=://www.zohoapis.com"}) {
      assertThat(ZohoHost.FILE_UPLOAD.baseFor(base)).as(base).isEqualTo(base);
    }
  }

  @Test
  void aMissingBaseIsRefused() {
    assertThatThrownBy(() -> ZohoHost.FILE_UPLOAD.baseFor(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("apiBase");
  }
}
