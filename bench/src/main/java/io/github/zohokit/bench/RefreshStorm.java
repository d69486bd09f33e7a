package io.github.zohokit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.v8.UsersApi;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Authenticator;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * 200 concurrent callers hit an access token Zoho no longer accepts (401 {@code INVALID_TOKEN}); how many token
 * requests reach Zoho? zohokit against two OkHttp {@link Authenticator}s as they are usually written: the naive
 * one that refreshes on every 401, and the careful one that synchronizes and skips the refresh when another thread
 * already replaced the token. The fake applies Zoho's limit of 10 access tokens per refresh token per 10 minutes.
 */
public final class RefreshStorm {
  private static final int CALLERS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RefreshStorm() {}

  public static void main(String[] args) throws Exception {
    System.out.println("callers=" + CALLERS);
    System.out.println(run("zohokit", RefreshStorm::zohokit));
    System.out.println(run("okhttp-authenticator-naive", fake -> authenticator(fake, false)));
    System.out.println(run("okhttp-authenticator-synchronized", fake -> authenticator(fake, true)));
  }

  interface Setup {
    Callable<Boolean> caller(FakeZoho fake) throws Exception;
  }

  private static String run(String name, Setup setup) throws Exception {
    try (FakeZoho fake = FakeZoho.builder().dataCenters(DataCenter.US).start()) {
      Callable<Boolean> call = setup.caller(fake);
      call.call();
      fake.expireAccessTokens();
      fake.resetObservations();
      ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        results.add(pool.submit(() -> {
          go.await();
          try {
            return call.call();
          } catch (Exception e) {
            return false;
          }
        }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Boolean> f : results) {
        ok += f.get() ? 1 : 0;
      }
      pool.shutdown();
      return String.format("%-34s token_requests=%d succeeded=%d failed=%d", name, fake.count("token:refresh_token"),
          ok, CALLERS - ok);
    }
  }

  private static Callable<Boolean> zohokit(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.clientId(), client.clientSecret()).endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.users.READ")));
    UsersApi users = Zoho.connect(oauth).api(UsersApi.class);
    return () -> users.currentUser() != null;
  }

  /** The usual hand-written way: an interceptor adds the current token, an Authenticator refreshes on 401. */
  private static Callable<Boolean> authenticator(FakeZoho fake, boolean careful) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth bootstrap = ZohoOAuth.selfClient(client.clientId(), client.clientSecret()).endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory()).build();
    ZohoToken first = bootstrap.selfClientFlow()
        .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.users.READ")));
    String base = fake.baseUrl(DataCenter.US);
    String[] current = {first.accessToken().reveal()};
    OkHttpClient plain = new OkHttpClient();
    Object lock = new Object();
    Authenticator refresh = (route, response) -> {
      String failed = response.request().header("Authorization").substring("Zoho-oauthtoken ".length());
      if (careful) {
        synchronized (lock) {
          if (!failed.equals(current[0])) {
            return retry(response, current[0]);
          }
          current[0] = refresh(plain, base, client, first);
          return retry(response, current[0]);
        }
      }
      current[0] = refresh(plain, base, client, first);
      return retry(response, current[0]);
    };
    OkHttpClient http = plain.newBuilder().authenticator(refresh).addInterceptor(chain -> chain.proceed(
        chain.request().header("Authorization") != null ? chain.request() : chain.request().newBuilder()
            .header("Authorization", "Zoho-oauthtoken " + current[0]).build())).build();
    Request request = new Request.Builder().url(base + "/crm/v8/users?type=CurrentUser").build();
    return () -> {
      try (Response response = http.newCall(request).execute()) {
        return response.isSuccessful();
      }
    };
  }

  private static Request retry(Response response, String token) {
    if (token == null || response.priorResponse() != null) {
      return null;
    }
    return response.request().newBuilder().header("Authorization", "Zoho-oauthtoken " + token).build();
  }

  private static String refresh(OkHttpClient http, String base, FakeClient client, ZohoToken first) throws IOException {
    Request request = new Request.Builder().url(base + "/oauth/v2/token").post(new FormBody.Builder()
        .add("grant_type", "refresh_token").add("client_id", client.clientId())
        .add("client_secret", client.clientSecret()).add("refresh_token", first.refreshToken().reveal()).build())
        .build();
    try (Response response = http.newCall(request).execute()) {
      JsonNode json = JSON.readTree(response.body().string());
      return json.has("access_token") ? json.get("access_token").asText() : null;
    }
  }
}
