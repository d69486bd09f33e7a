package io.github.zohokit.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;

/**
 * The zohokit start-up variant: a whole process that builds only zohokit's client (no Retrofit, no Feign on its
 * class path) and measures it with {@link StartupMeasure}. The plain OkHttp + Jackson variant is
 * {@link io.github.zohokit.bench.plain.PlainStartup}, run on a class path without zohokit. Argument: the URL of a
 * running {@link LeadsPageServer}.
 */
public final class Startup {
  private Startup() {}

  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    BenchLeadsApi api = new ZohokitClient(args[0], http, mapper).api;
    StartupMeasure.run("zohokit", () -> api.list(LeadsPageServer.FIELDS, 200).data().size());
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    System.exit(0);
  }
}
