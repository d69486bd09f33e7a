package io.github.zohokit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Zoho's price table, per operation. */
class OperationCostsTest {
  private static final MediaType JSON = MediaType.get("application/json");

  private static OperationCosts.Cost cost(String method, String url, String body) {
    return OperationCosts.of(new Request.Builder().url("https://www.zohoapis.com" + url)
        .method(method, body == null ? null : RequestBody.create(body, JSON)).build());
  }

  private static String records(int n) {
    StringBuilder data = new StringBuilder("{\"trigger\":[],\"data\":[");
    for (int i = 0; i < n; i++) {
      data.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"L").append(i).append("\",\"Tags\":[{\"name\":\"x\"}]}");
    }
    return data.append("]}").toString();
  }

  @Test
  void mostCallsCostOneCreditAndAreNotHeavy() {
    assertThat(cost("GET", "/crm/v8/Leads", null)).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("GET", "/crm/v8/Leads/123", null)).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("GET", "/crm/v8/org", null)).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("DELETE", "/crm/v8/Leads?ids=1,2", null)).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("GET", "/crm/bulk/v8/read/55/result", null)).isEqualTo(new OperationCosts.Cost(1, false));
  }

  @Test
  void writesCostOnePerTenRecordsAndAreHeavyPastTen() {
    assertThat(cost("POST", "/crm/v8/Leads", records(1))).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("POST", "/crm/v8/Leads", records(10))).isEqualTo(new OperationCosts.Cost(1, false));
    assertThat(cost("PUT", "/crm/v8/Leads", records(11))).isEqualTo(new OperationCosts.Cost(2, true));
    assertThat(cost("POST", "/crm/v8/Leads/upsert", records(100))).isEqualTo(new OperationCosts.Cost(10, true));
  }

  @Test
  void coqlCostsByItsLimitAndIsHeavy() {
    assertThat(cost("POST", "/crm/v8/coql", "{\"select_query\":\"select id from Leads where id is not null\"}"))
        .isEqualTo(new OperationCosts.Cost(1, true));
    assertThat(cost("POST", "/crm/v8/coql", "{\"select_query\":\"select id from Leads limit 1000\"}"))
        .isEqualTo(new OperationCosts.Cost(2, true));
    assertThat(cost("POST", "/crm/v8/coql", "{\"select_query\":\"select id from Leads LIMIT 200, 2000\"}"))
        .isEqualTo(new OperationCosts.Cost(3, true));
  }

  @Test
  void bulkJobsConvertMailSearchAndCustomViewsArePricedAsZohoSays() {
    assertThat(cost("POST", "/crm/bulk/v8/read", "{}")).isEqualTo(new OperationCosts.Cost(50, true));
    assertThat(cost("POST", "/crm/bulk/v8/write", "{}")).isEqualTo(new OperationCosts.Cost(500, true));
    assertThat(cost("POST", "/crm/v8/Leads/9/actions/convert", "{}")).isEqualTo(new OperationCosts.Cost(5, true));
    assertThat(cost("POST", "/crm/v8/Leads/9/actions/send_mail", "{}")).isEqualTo(new OperationCosts.Cost(1, true));
    assertThat(cost("GET", "/crm/v8/Leads/search?word=x", null)).isEqualTo(new OperationCosts.Cost(1, true));
    assertThat(cost("GET", "/crm/v8/Leads?cvid=77", null)).isEqualTo(new OperationCosts.Cost(3, true));
    assertThat(cost("GET", "/crm/v8/Leads/deleted?type=all", null)).isEqualTo(new OperationCosts.Cost(2, false));
    assertThat(cost("POST", "/crm/v8/__composite_requests", "{}")).isEqualTo(new OperationCosts.Cost(1, true));
    assertThat(cost("POST", "/crm/v8/Leads/actions/add_tags?ids=" + "1,".repeat(60) + "1", "{}"))
        .isEqualTo(new OperationCosts.Cost(2, false));
  }
}
