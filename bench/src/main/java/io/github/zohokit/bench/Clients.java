package io.github.zohokit.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Feign;
import feign.jackson.JacksonDecoder;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.RecordPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The ways to make the same call, on one shared {@link OkHttpClient} (one connection pool) and one mapper:
 * zohokit's generated client, hand-written OkHttp + Jackson (the floor, reading bytes; and the same reading
 * characters, as Feign's decoder does), Retrofit, OpenFeign.
 *
 * <p>The peers are configured as their documentation recommends: Retrofit with its Jackson converter as shipped
 * ({@code JacksonConverterFactory.create(mapper)}; 3.0.0 reads the body's {@code byteStream()}, as zohokit and
 * the floor do); OpenFeign with feign-okhttp on the shared client and {@link feign.Request.Options} equal to that
 * client's connect and read timeouts and redirect setting, so feign-okhttp uses the client as it is instead of
 * deriving a new one per call (feign-okhttp 13.12 compares exactly those three), and feign-jackson's
 * {@code JacksonDecoder} as shipped (it reads a {@code Reader}, through a {@code BufferedReader} it marks to
 * detect an empty body).
 */
final class Clients {
  static final String ACCESS = ZohokitClient.ACCESS;

  final OkHttpClient http = new OkHttpClient();
  final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  final BenchLeadsApi zohokit;
  final ZohoOAuth oauth;
  final RetrofitLeadsApi retrofit;
  final FeignLeadsApi feign;
  private final HttpUrl handWrittenUrl;
  private final ObjectReader handWrittenReader;

  Clients(String baseUrl) {
    ZohokitClient client = new ZohokitClient(baseUrl, http, mapper);
    oauth = client.oauth;
    zohokit = client.api;

    handWrittenUrl = HttpUrl.get(baseUrl).newBuilder().addPathSegments("crm/v8/Leads").build();
    handWrittenReader = mapper.readerFor(new TypeReference<RecordPage<BenchLead>>() { });

    OkHttpClient authorized = http.newBuilder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
        .header("Authorization", "Zoho-oauthtoken " + ACCESS).build())).build();
    retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(authorized)
        .addConverterFactory(JacksonConverterFactory.create(mapper)).build().create(RetrofitLeadsApi.class);
    feign = Feign.builder().client(new feign.okhttp.OkHttpClient(http))
        .options(new feign.Request.Options(http.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
            http.readTimeoutMillis(), TimeUnit.MILLISECONDS, http.followRedirects()))
        .decoder(new JacksonDecoder(mapper))
        .requestInterceptor(template -> template.header("Authorization", "Zoho-oauthtoken " + ACCESS))
        .target(FeignLeadsApi.class, baseUrl.substring(0, baseUrl.length() - 1));
  }

  RecordPage<BenchLead> zohokit() {
    return zohokit.list(LeadsPageServer.FIELDS, 200);
  }

  /**
   * What a careful developer writes by hand: base URL and reader prepared once; the arguments (fields, page size)
   * and the header bound per call, as they vary. Jackson reads the body's bytes.
   */
  RecordPage<BenchLead> handWritten() {
    try (Response response = handWrittenCall()) {
      return handWrittenReader.readValue(response.body().byteStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same as {@link #handWritten()}, but Jackson reads characters, as Feign's decoder does. */
  RecordPage<BenchLead> handWrittenCharStream() {
    try (Response response = handWrittenCall()) {
      return handWrittenReader.readValue(response.body().charStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response handWrittenCall() throws IOException {
    HttpUrl url = handWrittenUrl.newBuilder().addQueryParameter("fields", LeadsPageServer.FIELDS)
        .addQueryParameter("per_page", "200").build();
    Request request = new Request.Builder().url(url).header("Authorization", "Zoho-oauthtoken " + ACCESS).build();
    Response response = http.newCall(request).execute();
    if (!response.isSuccessful()) {
      response.close();
      throw new IllegalStateException("HTTP " + response.code());
    }
    return response;
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
