package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A CRM error the fake answers with, as Zoho shapes it: {@code {"code", "details", "message", "status": "error"}}
 * with an HTTP status. Endpoints throw it; {@link CrmEndpoints} writes it once.
 */
final class ZohoError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final transient ObjectNode details;

  ZohoError(int status, String code, String message) {
    this(status, code, message, Http.JSON.createObjectNode());
  }

  ZohoError(int status, String code, String message, ObjectNode details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** {@code INVALID_DATA} naming the parameter that was wrong. */
  static ZohoError invalidParam(String param, String message) {
    return new ZohoError(400, "INVALID_DATA", message, Http.JSON.createObjectNode().put("param_name", param));
  }

  /** {@code REQUIRED_PARAM_MISSING} naming the missing parameter. */
  static ZohoError missingParam(String param) {
    return new ZohoError(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
        Http.JSON.createObjectNode().put("param_name", param));
  }

  /**
   * {@code 404 INVALID_URL_PATTERN}, {@code details} empty: Zoho's answer for a URL it does not serve
   * (status-codes.html; the body's keys: crm-oas v8.0 audit_log_export.json #/components/schemas/InvalidUrlPattern).
   */
  static ZohoError invalidUrl() {
    return new ZohoError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");
  }

  static ZohoError invalidModule(int pathIndex) {
    return new ZohoError(400, "INVALID_MODULE", "the module name given seems to be invalid",
        Http.JSON.createObjectNode().put("resource_path_index", pathIndex));
  }

  static ZohoError methodNotAllowed() {
    return new ZohoError(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");
  }

  /** Writes this error as the answer. */
  void answer(Http http) throws IOException {
    ObjectNode body = Http.JSON.createObjectNode().put("code", code);
    body.set("details", details);
    body.put("message", getMessage()).put("status", "error");
    http.json(status, body, ZohoShapes.ERROR);
  }
}
