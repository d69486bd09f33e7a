package io.github.zohokit.spring;

import io.github.zohokit.notifications.NotificationReceiver;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code POST zoho.notifications.path} (default {@code /zoho/notifications}): hands Zoho's notification to the
 * {@link NotificationReceiver} and answers its status with no body (200 delivered, 400 malformed, 403 unknown
 * channel or wrong token, 413 too large, 500 the listener threw).
 */
@Controller
final class ZohoNotificationsController {
  private final NotificationReceiver receiver;

  ZohoNotificationsController(NotificationReceiver receiver) {
    this.receiver = receiver;
  }

  @PostMapping("${zoho.notifications.path:/zoho/notifications}")
  ResponseEntity<Void> notification(HttpServletRequest request) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    try (InputStream body = request.getInputStream()) {
      return ResponseEntity.status(receiver.handle(headers, body)).build();
    }
  }
}
