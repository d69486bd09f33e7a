package io.github.zohokit.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** How {@code Zoho} finds the HTTP side of a {@code ZohoOAuth}: registered by its owner, found by it, nothing else. */
class SessionHttpTest {
  private static ZohoOAuth oauth() {
    return ZohoOAuth.selfClient("1000.CLIENT", "secret").tokenStore(TokenStores.inMemory()).build();
  }

  @Test
  void eachZohoOAuthHasItsOwnHttpSideAndSessions() {
    ZohoOAuth first = oauth();
    ZohoOAuth second = oauth();
    assertThat(SessionHttp.of(first)).isSameAs(SessionHttp.of(first)).isNotSameAs(SessionHttp.of(second));
    assertThat(SessionHttp.of(first).session("alice")).isSameAs(SessionHttp.of(first).session("alice"));
    assertThat(SessionHttp.of(first).session("alice").userKey()).isEqualTo("alice");
  }

  @Test
  void anObjectThatIsNoZohoOAuthHasNone() {
    assertThatThrownBy(() -> SessionHttp.of("not an oauth")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a ZohoOAuth: java.lang.String");
  }

  @Test
  void anOwnerCannotBeGivenASecondOne() {
    ZohoOAuth oauth = oauth();
    SessionHttp other = new SessionHttp(new OkHttpClient(), new ObjectMapper(), SessionHttp.of(oauth)::session);
    assertThatThrownBy(() -> other.ownedBy(oauth)).isInstanceOf(IllegalStateException.class);
    assertThat(SessionHttp.of(oauth)).isNotSameAs(other);
  }
}
