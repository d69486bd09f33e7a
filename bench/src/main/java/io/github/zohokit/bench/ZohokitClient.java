package io.github.zohokit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import okhttp3.OkHttpClient;

/**
 * zohokit set up as a user would for the benchmarks: a self client whose valid token is already stored, on the
 * caller's {@link OkHttpClient} and mapper, calling the local {@link LeadsPageServer}. Only zohokit and its own
 * dependencies are touched here, so a class path without Retrofit and Feign runs it.
 */
final class ZohokitClient {
  static final String CLIENT_ID = "1000.BENCHCLIENT0000000000000000000";
  static final String ACCESS = "1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa";

  final ZohoOAuth oauth;
  final BenchLeadsApi api;

  ZohokitClient(String baseUrl, OkHttpClient http, ObjectMapper mapper) {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder().accessToken(Secret.of(ACCESS))
        .refreshToken(Secret.of(ACCESS)).expiresAt(Instant.now().plusSeconds(36_000)).apiDomain(baseUrl).build());
    oauth = ZohoOAuth.selfClient(CLIENT_ID, "0123456789abcdef0123456789abcdef0123456789")
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, baseUrl)).tokenStore(store).httpClient(http)
        .objectMapper(mapper).build();
    api = Zoho.connect(oauth).api(BenchLeadsApi.class);
  }
}
