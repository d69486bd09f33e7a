package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Zoho's answers from test resources, optionally changed on the way (another user, another order, drift). */
final class CannedSource implements MetadataSource {
  static final ObjectMapper MAPPER = new ObjectMapper();
  final Map<String, JsonNode> answers = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  UnaryOperator<JsonNode> change = UnaryOperator.identity();
  OrgInfo org = new OrgInfo("600000000", "us", null, null, null);

  CannedSource() {
    answers.put("modules", load("modules.json"));
    for (String m : List.of("Leads", "Project_Details", "Leads_X_Products", "Projects__c")) {
      answers.put(m, load("fields-" + m + ".json"));
    }
  }

  static JsonNode load(String name) {
    try (InputStream in = CannedSource.class.getResourceAsStream("/zoho/" + name)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public JsonNode modules() {
    calls.add("modules");
    return change.apply(answers.get("modules").deepCopy());
  }

  @Override
  public JsonNode fields(String module) {
    calls.add("fields?module=" + module);
    JsonNode answer = answers.get(module);
    if (answer == null) {
      throw new IllegalStateException("no canned fields for " + module);
    }
    return change.apply(answer.deepCopy());
  }

  @Override
  public OrgInfo org() {
    return org;
  }

  /** The field {@code apiName} of the canned answer for {@code module}, to change. */
  ObjectNode field(String module, String apiName) {
    for (JsonNode f : answers.get(module).path("fields")) {
      if (f.path("api_name").asText().equals(apiName)) {
        return (ObjectNode) f;
      }
    }
    throw new IllegalArgumentException(module + "." + apiName);
  }
}
