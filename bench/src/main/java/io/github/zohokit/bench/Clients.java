package io.github.zohokit.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Feign;
import feign.jackson.JacksonDecoder;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.DataCenter;
import io.github.zohokit.auth.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.store.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The four ways to make the same call, on one shared {@link OkHttpClient} (one connection pool) and one mapper:
 * zohokit's generated client, hand-written OkHttp + Jackson (the floor), Retrofit, OpenFeign.
 */
final class Clients {
  static final String CLIENT_ID = "1000.BENCHCLIENT0000000000000000000";
  static final String ACCESS = "1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa";

  final OkHttpClient http = new OkHttpClient();
  final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  final BenchLeadsApi zohokit;
  final ZohoOAuth oauth;
  final RetrofitLeadsApi retrofit;
  final FeignLeadsApi feign;
  private final HttpUrl handWrittenUrl;
  private final ObjectReader handWrittenReader;

  Clients(String baseUrl) {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder().accessToken(Secret.of(ACCESS))
        .refreshToken(Secret.of(ACCESS)).expiresAt(Instant.now().plusSeconds(36_000)).apiDomain(baseUrl).build());
    oauth = ZohoOAuth.selfClient(CLIENT_ID, "0123456789abcdef0123456789abcdef0123456789")
        .endpoints(ZohoEndpoints.zoho().withApiUrl(DataCenter.US, baseUrl)).tokenStore(store).httpClient(http)
        .objectMapper(mapper).build();
    zohokit = Zoho.connect(oauth).client(BenchLeadsApi.class);

    handWrittenUrl = HttpUrl.get(baseUrl).newBuilder().addPathSegments("crm/v8/Leads").build();
    handWrittenReader = mapper.readerFor(new TypeReference<RecordPage<BenchLead>>() { });

    OkHttpClient authorized = http.newBuilder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
        .header("Authorization", "Zoho-oauthtoken " + ACCESS).build())).build();
    retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(authorized)
        .addConverterFactory(JacksonConverterFactory.create(mapper)).build().create(RetrofitLeadsApi.class);
    feign = Feign.builder().client(new feign.okhttp.OkHttpClient(http)).decoder(new JacksonDecoder(mapper))
        .requestInterceptor(template -> template.header("Authorization", "Zoho-oauthtoken " + ACCESS))
        .target(FeignLeadsApi.class, baseUrl.substring(0, baseUrl.length() - 1));
  }

  RecordPage<BenchLead> zohokit() {
    return zohokit.list(LeadsPageServer.FIELDS, 200);
  }

  /**
   * What a careful developer writes by hand: base URL and reader prepared once; the arguments (fields, page size)
   * and the header bound per call, as they vary.
   */
  RecordPage<BenchLead> handWritten() {
    HttpUrl url = handWrittenUrl.newBuilder().addQueryParameter("fields", LeadsPageServer.FIELDS)
        .addQueryParameter("per_page", "200").build();
    Request request = new Request.Builder().url(url).header("Authorization", "Zoho-oauthtoken " + ACCESS).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      return handWrittenReader.readValue(response.body().byteStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordPage<BenchLead> retrofit() {
    try {
      return retrofit.list(LeadsPageServer.FIELDS, 200).execute().body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordPage<BenchLead> feign() {
    return feign.list(LeadsPageServer.FIELDS, 200);
  }
}
