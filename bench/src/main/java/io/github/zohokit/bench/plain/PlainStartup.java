package io.github.zohokit.bench.plain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.zohokit.bench.StartupMeasure;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The plain start-up variant: hand-written OkHttp + Jackson, the same call as zohokit's variant, measured by
 * {@link StartupMeasure}. It touches no zohokit type, and {@code bench/run.sh} runs it on a class path of OkHttp
 * and Jackson only (no zohokit jar), so its figures are the floor zohokit's are compared with. Argument: the URL
 * of a running {@code LeadsPageServer}.
 */
public final class PlainStartup {
  private static final String FIELDS =
      "First_Name,Last_Name,Email,Company,Lead_Source,Phone,Owner,Created_Time,Modified_Time";
  private static final String ACCESS = "1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa";

  private PlainStartup() {}

  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ObjectReader reader = mapper.readerFor(LeadsPage.class);
    HttpUrl leads = HttpUrl.get(args[0]).newBuilder().addPathSegments("crm/v8/Leads").build();
    StartupMeasure.run("okhttp", () -> {
      HttpUrl url = leads.newBuilder().addQueryParameter("fields", FIELDS).addQueryParameter("per_page", "200")
          .build();
      Request request = new Request.Builder().url(url).header("Authorization", "Zoho-oauthtoken " + ACCESS).build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IllegalStateException("HTTP " + response.code());
        }
        LeadsPage page = reader.readValue(response.body().byteStream());
        return page.data().size();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    System.exit(0);
  }
}
