package io.github.zohokit.internal.call;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.Calls;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An asynchronous call reports a missing token through its future; a bad argument still throws at once. */
class ZohoCallAsyncTest {
  private static final Route FIND = Calls.route("GET", "/crm/v8/Leads/{id}", "ZohoCRM.modules.leads.READ");

  /** Calls of a user with no stored token: none can be had without the user authorizing again. */
  private final ZohoCalls calls = Calls.of(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
      .tokenStore(TokenStores.inMemory()).build());

  @Test
  void aFutureFailsInsteadOfThrowingWhenNoTokenCanBeHad() {
    CompletableFuture<String> future = calls.start(FIND).path("id", "1").fetchAsync(Decoder.text());
    CompletableFuture<Void> sent = calls.start(FIND).path("id", "1").sendAsync();

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ZohoException.class);
    assertThat(sent).isCompletedExceptionally();
  }

  @Test
  void aBadPathValueStillThrowsAtOnce() {
    assertThatThrownBy(() -> calls.start(FIND).path("id", "..").fetchAsync(Decoder.text()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@Path(\"id\")");
  }
}
