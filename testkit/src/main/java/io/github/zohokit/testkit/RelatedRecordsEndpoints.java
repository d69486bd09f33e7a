package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Related records of one record: {@code /crm/v8/{module}/{id}/{related_list}[/{related_id}]}
 * (get-related-records.html, related_records.json). The related lists are those the related-lists metadata names
 * for the module ({@link CrmMetadata#relatedListsOf}). Notes are implemented as Zoho does them (notes.json): list,
 * get, create, update and delete the record's notes, which are records of the Notes module whose {@code Parent_Id}
 * is the record. Every other related list is empty in the fake (no record links to another): a list answers 204
 * with no body and one related record 204, as Zoho answers an empty related list; linking and delinking them are
 * endpoints the fake lacks. Never the parent record in place of its related records.
 */
final class RelatedRecordsEndpoints {
  private final Crm crm;

  RelatedRecordsEndpoints(Crm crm) {
    this.crm = crm;
  }

  void handle(DataCenter dc, Http http, RecordsEndpoints records, Crm.Module module, String id, String relatedList,
      String relatedId) throws IOException {
    String[] list = null;
    for (String[] r : CrmMetadata.relatedListsOf(module)) {
      if (r[0].equals(relatedList)) {
        list = r;
      }
    }
    // a related list the module does not have, or a record it does not have: INVALID_DATA naming the path segment
    // (common.json #/components/schemas/InvalidUrlError: code INVALID_DATA, details.resource_path_index)
    if (list == null) {
      throw new ZohoError(400, "INVALID_DATA", "the related list name given seems to be invalid",
          Http.JSON.createObjectNode().put("resource_path_index", 2));
    }
    if (crm.record(module, id) == null) {
      throw new ZohoError(400, "INVALID_DATA", "the given id seems to be invalid",
          Http.JSON.createObjectNode().put("resource_path_index", 1));
    }
    if (!relatedList.equals("Notes")) {
      if (http.method.equals("GET")) {
        http.empty(204);
        return;
      }
      throw ZohoError.invalidUrl();
    }
    notes(dc, http, records, module, id, relatedId);
  }

  private void notes(DataCenter dc, Http http, RecordsEndpoints records, Crm.Module parent, String parentId,
      String noteId) throws IOException {
    Crm.Module notes = crm.requireModule(dc, "Notes");
    switch (http.method) {
      case "GET":
        if (noteId == null) {
          listNotes(http, notes, parentId);
        } else {
          ObjectNode note = noteOf(notes, parentId, noteId);
          if (note == null) {
            http.empty(204);
            return;
          }
          ObjectNode body = Http.JSON.createObjectNode();
          body.putArray("data").add(note);
          http.json(200, body, ZohoShapes.NOTE_ANSWER);
        }
        return;
      case "POST":
        if (noteId != null) {
          throw ZohoError.methodNotAllowed();
        }
        // create-notes.html: the parent is the record of the URL; each note gets it as Parent_Id and $se_module
        records.write(dc, http, notes, Crm.Write.INSERT, null, item -> parentOf(parent, parentId, item));
        return;
      case "PUT":
        if (noteId == null || noteOf(notes, parentId, noteId) == null) {
          throw ZohoError.invalidParam("id", "the related id given seems to be invalid");
        }
        records.write(dc, http, notes, Crm.Write.UPDATE, noteId, item -> { });
        return;
      case "DELETE":
        if (noteId == null) {
          throw ZohoError.missingParam("ids");
        }
        if (noteOf(notes, parentId, noteId) == null) {
          throw ZohoError.invalidParam("id", "the related id given seems to be invalid");
        }
        records.delete(http, notes, noteId);
        return;
      default:
        throw ZohoError.methodNotAllowed();
    }
  }

  private void listNotes(Http http, Crm.Module notes, String parentId) throws IOException {
    List<ObjectNode> found = crm.matching(notes, n -> parentId.equals(n.path("Parent_Id").path("id").asText()));
    // the newest first, as Zoho lists notes (sort_by Modified_Time desc by default; notes.json parameters)
    found.sort(Comparator.comparing((ObjectNode n) -> ChangeEndpoints.time(n.path("Modified_Time").asText()))
        .thenComparing(n -> n.path("id").asText()).reversed());
    if (found.isEmpty()) {
      http.empty(204);
      return;
    }
    List<String> fields = RecordsEndpoints.fields(http, false);
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode data = body.putArray("data");
    found.forEach(n -> data.add(fields.isEmpty() ? n : RecordsEndpoints.project(n, fields)));
    body.putObject("info").put("per_page", 200).put("count", found.size()).put("page", 1)
        .put("more_records", false);
    http.json(200, body, fields.isEmpty() ? ZohoShapes.NOTES_PAGE : ZohoShapes.RELATED_PAGE);
  }

  private ObjectNode noteOf(Crm.Module notes, String parentId, String noteId) {
    ObjectNode note = crm.record(notes, noteId);
    return note != null && parentId.equals(note.path("Parent_Id").path("id").asText()) ? note : null;
  }

  private void parentOf(Crm.Module parent, String parentId, JsonNode item) {
    if (!item.isObject()) {
      return;
    }
    ObjectNode record = crm.record(parent, parentId);
    ObjectNode ref = ((ObjectNode) item).putObject("Parent_Id");
    ref.putObject("module").put("api_name", parent.apiName).put("id", parent.id);
    ref.put("id", parentId);
    JsonNode name = record == null ? null : record.get(parent.mandatory.get(0));
    ref.put("name", name == null || !name.isTextual() ? null : name.asText());
    ((ObjectNode) item).put("$se_module", parent.apiName);
  }
}
