package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Which accounts servers an offline build ({@code -o}) may still talk to: only this machine's. */
class LoopbackTest {

  @Test
  void loopbackAddressesAreLocal() {
    for (String url : new String[] {"http://localhost:8080/", "http://127.0.0.1:41329/", "http://127.1.2.3/",
        "http://[::1]:9000/"}) {
      assertThat(AbstractZohoMojo.isLoopback(HttpUrl.get(url).host())).as(url).isTrue();
    }
  }

  @Test
  void everythingElseIsTheNetwork() {
    for (String url : new String[] {"https://accounts.zoho.com/", "https://127.example.com/", "http://10.0.0.1/",
        "http://[::2]/", "http://localhost.example.com/"}) {
      assertThat(AbstractZohoMojo.isLoopback(HttpUrl.get(url).host())).as(url).isFalse();
    }
  }
}
