package io.github.zohokit.bench;

import io.github.zohokit.crm.RecordPage;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The same call declared for Retrofit. */
public interface RetrofitLeadsApi {
  @GET("crm/v8/Leads")
  Call<RecordPage<BenchLead>> list(@Query("fields") String fields, @Query("per_page") int perPage);
}
