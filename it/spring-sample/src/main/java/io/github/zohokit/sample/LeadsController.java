package io.github.zohokit.sample;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.Zoho;
import io.github.zohokit.spring.ZohoUserKeyResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page (Login with Zoho) and the signed-in user's leads. Each connected user's client is built once and kept
 * in a small bounded map (least recently used out first), so a page view neither reads the token store to learn that
 * the user is connected nor builds a client; a user whose token Zoho no longer accepts is dropped from it.
 */
@Controller
class LeadsController {
  private static final List<String> FIELDS = List.of("First_Name", "Last_Name", "Email", "Company");
  static final int MAX_CACHED_USERS = 1_000;

  private final Map<String, LeadsApi> clients = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LeadsApi> eldest) {
          return size() > MAX_CACHED_USERS;
        }
      });

  private final Zoho zoho;
  private final ZohoUserKeyResolver users;

  LeadsController(Zoho zoho, ZohoUserKeyResolver users) {
    this.zoho = zoho;
    this.users = users;
  }

  @GetMapping("/")
  String home(HttpServletRequest request, Model model) {
    String user = users.userKey(request);
    model.addAttribute("connected", user != null && client(user) != null);
    return "home";
  }

  @GetMapping("/leads")
  String leads(HttpServletRequest request, Model model) {
    String user = users.userKey(request);
    if (user == null) {
      return "redirect:/";
    }
    try {
      // the user's own token and data centre; the LeadsApi bean is the same client for the default user
      LeadsApi leads = client(user);
      if (leads == null) {
        return "redirect:/";
      }
      model.addAttribute("leads", leads.page(FIELDS, 50).data());
    } catch (ReauthorizationRequiredException e) {
      clients.remove(user);
      return "redirect:/";
    }
    return "leads";
  }

  /** The user's client, cached; null (and nothing cached) while no token is stored for the user. */
  LeadsApi client(String user) {
    LeadsApi cached = clients.get(user);
    if (cached != null) {
      return cached;
    }
    if (zoho.oauth().storedToken(user).isEmpty()) {
      return null;
    }
    LeadsApi client = zoho.forUser(user).api(LeadsApi.class);
    clients.put(user, client);
    return client;
  }
}
