package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Bulk Read row put into a list page's shape, the kinds taken from the list's values, else the fields metadata. */
class ListShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("Account_Name", "Opt_Out", "Employees", "Revenue", "Interests",
      "Tag", "Parent", "Unknown");

  private static BulkRow row(String... cells) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < FIELDS.size(); i++) {
      columns.put(FIELDS.get(i), i);
    }
    columns.put("id", FIELDS.size());
    return new BulkRow("job1", 2, columns, List.of(cells));
  }

  @Test
  void kindsComeFromTheListsValuesElseFromJsonTypeElseFromDataTypeAndArraysStayTheCellsText() throws Exception {
    ListShape shape = new ListShape(FIELDS, List.of(), JSON);
    // the list gave Parent as an object, though the metadata below calls it text: the list's value wins
    shape.learn(JSON.readTree("{\"Parent\": {\"id\": \"7\", \"name\": \"P\"}, \"Account_Name\": null}"));
    assertThat(shape.complete()).isFalse();
    shape.describe(JSON.readTree("{\"fields\": ["
        + "{\"api_name\": \"Account_Name\", \"data_type\": \"lookup\", \"json_type\": \"jsonobject\"},"
        + "{\"api_name\": \"Opt_Out\", \"data_type\": \"boolean\", \"json_type\": \"boolean\"},"
        + "{\"api_name\": \"Employees\", \"data_type\": \"integer\"},"
        + "{\"api_name\": \"Revenue\", \"data_type\": \"formula\", \"json_type\": \"double\"},"
        + "{\"api_name\": \"Interests\", \"data_type\": \"multiselectpicklist\", \"json_type\": \"jsonarray\"},"
        + "{\"api_name\": \"Tag\", \"data_type\": \"text\", \"json_type\": \"jsonarray\"},"
        + "{\"api_name\": \"Parent\", \"data_type\": \"text\", \"json_type\": \"string\"},"
        + "{\"api_name\": \"Other_Field\", \"data_type\": \"boolean\", \"json_type\": \"boolean\"}]}"));
    assertThat(shape.complete()).isFalse(); // Unknown is in neither

    ObjectNode record = shape.apply(row("41", "true", "12", "2500.75", "Analytics;Big data", "a,b", "7", "x", "99"));

    assertThat(record.get("Account_Name")).isEqualTo(JSON.createObjectNode().put("id", "41"));
    assertThat(record.get("Opt_Out").isBoolean()).isTrue();
    assertThat(record.get("Employees")).isEqualTo(JSON.readTree("12")); // by data_type: no json_type sent
    assertThat(record.get("Revenue")).isEqualTo(JSON.readTree("2500.75"));
    assertThat(record.get("Interests").isTextual()).isTrue(); // Zoho does not document how the CSV joins arrays
    assertThat(record.get("Interests").asText()).isEqualTo("Analytics;Big data");
    assertThat(record.get("Tag").asText()).isEqualTo("a,b");
    assertThat(record.get("Parent")).isEqualTo(JSON.createObjectNode().put("id", "7"));
    assertThat(record.get("Unknown").asText()).isEqualTo("x");
    assertThat(record.get("id").asText()).isEqualTo("99");
    JsonNode empty = shape.apply(row("", "", "", "", "", "", "", "", "100")).get("Account_Name");
    assertThat(empty.isNull()).isTrue();
  }
}
