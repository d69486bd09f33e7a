package io.github.zohokit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import org.junit.jupiter.api.Test;

/**
 * How a redirect is read, on the forms users paste: a whole URL, a custom-scheme URL, a bare query or fragment, or
 * just the parameters; and which of them are refused rather than guessed at.
 */
class RedirectParametersTest {

  private static void refused(String redirect, String why) {
    assertThatThrownBy(() -> RedirectParameters.parse(redirect)).isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("invalid_callback"));
  }

  @Test
  void aBareQueryOrFragmentIsRead() {
    RedirectParameters query = RedirectParameters.parse("?code=1000.abc&state=s1");
    assertThat(query.get("code")).isEqualTo("1000.abc");
    assertThat(query.get("state")).isEqualTo("s1");
    RedirectParameters fragment = RedirectParameters.parse("#access_token=1000.xyz&state=s2");
    assertThat(fragment.get("access_token")).isEqualTo("1000.xyz");
    assertThat(fragment.get("state")).isEqualTo("s2");
  }

  @Test
  void aQuestionMarkInsideTheFragmentBelongsToTheFragment() {
    RedirectParameters bare = RedirectParameters.parse("#state=abc?code=xyz");
    assertThat(bare.get("state")).isEqualTo("abc?code=xyz");
    assertThat(bare.get("code")).isNull();
    RedirectParameters url = RedirectParameters.parse("https://app.example.com/cb#state=abc?code=xyz");
    assertThat(url.get("state")).isEqualTo("abc?code=xyz");
    assertThat(url.get("code")).isNull();
  }

  @Test
  void parametersWhoseValuesHoldAnUnencodedUrlAreParametersNotAUrl() {
    RedirectParameters params = RedirectParameters.parse(
        "code=1000.abc&state=s1&accounts-server=https://accounts.zoho.eu&location=eu");
    assertThat(params.get("code")).isEqualTo("1000.abc");
    assertThat(params.get("state")).isEqualTo("s1");
    assertThat(params.get("accounts-server")).isEqualTo("https://accounts.zoho.eu");
    assertThat(params.get("location")).isEqualTo("eu");
    assertThat(RedirectParameters.parse("://x=1&state=s").get("state")).as("no scheme before ://").isEqualTo("s");
  }

  @Test
  void anInvalidWebUrlIsRefusedWhetherTheParametersAreInItsQueryOrItsFragment() {
    refused("https://app example.com/cb?code=1000.abc&state=s", "not a valid URL");
    refused("https://app example.com/cb#access_token=1000.abc&state=s", "not a valid URL");
    refused("HTTP://app example.com/cb", "not a valid URL");
    assertThat(RedirectParameters.parse("com.example.app://cb host?code=1").get("code"))
        .as("only http and https URLs are checked by OkHttp's rules").isEqualTo("1");
  }

  @Test
  void aMalformedEscapeIsRefusedWhereverItStands() {
    refused("?%zz=1&state=s", "its query holds a malformed percent escape at character 0");
    refused("#%zz=1&state=s", "its fragment holds a malformed percent escape at character 0");
    refused("state=s&code=ab%4", "malformed percent escape at character 15");
    refused("state=s&code=ab%g0", "malformed percent escape");
    refused("state=s&code=ab%0g", "malformed percent escape");
  }

  @Test
  void escapesOfLowCharactersDecode() {
    RedirectParameters params = RedirectParameters.parse("state=a%0Ab&code=%09x%00");
    assertThat(params.get("state")).isEqualTo("a\nb");
    assertThat(params.get("code")).isEqualTo("\tx\0");
  }

  @Test
  void anEmptyValueReadsAsAbsent() {
    RedirectParameters params = RedirectParameters.parse("state=&code&error=access_denied");
    assertThat(params.get("state")).isNull();
    assertThat(params.get("code")).isNull();
    assertThat(params.get("error")).isEqualTo("access_denied");
  }
}
