package io.github.zohokit.sample;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.Zoho;
import io.github.zohokit.spring.ZohoUserKeyResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page (Login with Zoho) and the signed-in user's leads. */
@Controller
class LeadsController {
  private static final List<String> FIELDS = List.of("First_Name", "Last_Name", "Email", "Company");

  private final Zoho zoho;
  private final ZohoUserKeyResolver users;

  LeadsController(Zoho zoho, ZohoUserKeyResolver users) {
    this.zoho = zoho;
    this.users = users;
  }

  @GetMapping("/")
  String home(HttpServletRequest request, Model model) {
    String user = users.userKey(request);
    model.addAttribute("connected", user != null && zoho.oauth().storedToken(user).isPresent());
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
      LeadsApi leads = zoho.forUser(user).client(LeadsApi.class);
      model.addAttribute("leads", leads.page(FIELDS, 50).data());
    } catch (ReauthorizationRequiredException e) {
      return "redirect:/";
    }
    return "leads";
  }
}
