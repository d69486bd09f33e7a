package io.github.zohokit.demo;

import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeManifest;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.v8.User;
import io.github.zohokit.crm.v8.UsersApi;
import io.github.zohokit.demo.crm.Lead;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of the demo: the application. It reads the tokens {@code zoho:bootstrap-token} stored, calls the
 * generated {@link DemoLeadsApi} client and zoho-crm's {@link UsersApi}, prints what it got, and stops the fake.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    String accounts = System.getProperty("zoho.accountsUrl");
    Path tokens = Path.of(args[0]);
    ZohoOAuth oauth = ZohoOAuth.selfClient(System.getProperty("zoho.clientId"), System.getProperty("zoho.clientSecret"))
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts).withApiBase(DataCenter.US, accounts))
        .tokenStore(TokenStores.file(tokens))
        .build();
    Zoho zoho = Zoho.connect(oauth);

    // What zoho:scopes and zoho:bootstrap-token asked Zoho for: the scopes of the APIs this project uses (its own
    // DemoLeadsApi and zoho-crm's UsersApi), read from the scope manifests, META-INF/zoho/scopes.json. zoho-crm's
    // other APIs are in its manifest too, but this project does not use them, so they were not asked for.
    ScopeManifest manifest = ScopeManifest.load(Demo.class.getClassLoader());
    List<Scope> asked = new ArrayList<>();
    System.out.println();
    System.out.println("Scopes this project asked for (the APIs it uses, from META-INF/zoho/scopes.json):");
    for (Class<?> api : List.of(DemoLeadsApi.class, UsersApi.class)) {
      ScopeManifest.Api client = manifest.api(api).orElseThrow();
      asked.addAll(client.scopes());
      System.out.println("  " + client.interfaceName() + "  " + Scope.join(client.scopes()));
    }
    ZohoToken token = oauth.token(TokenKey.DEFAULT_USER);
    System.out.println("Token from zoho:bootstrap-token (from " + tokens + "): scopes " + Scope.join(token.scopes())
        + (Scope.missing(token.scopes(), asked).isEmpty() ? ", all that were asked for" : ", missing "
        + Scope.join(Scope.missing(token.scopes(), asked))));

    DemoLeadsApi leads = zoho.api(DemoLeadsApi.class);
    // Lead is generated from the org's snapshot (src/main/zoho/schema) by zoho:generate-records: its fields' names
    // are constants, its picklists open value types
    RecordPage<Lead> page = leads.page(List.of(Lead.Fields.FIRST_NAME, Lead.Fields.LAST_NAME, Lead.Fields.EMAIL,
        Lead.Fields.COMPANY, Lead.Fields.LEAD_SOURCE), 5);
    System.out.println();
    System.out.println("First " + page.data().size() + " leads, through the generated DemoLeadsApi client, as the "
        + "Lead record generated from the snapshot:");
    for (Lead lead : page.data()) {
      System.out.printf("  %s  %-16s %-34s %-22s %s%n", lead.id(), lead.firstName() + " " + lead.lastName(),
          lead.email(), lead.company(), lead.leadSource() == null ? "" : lead.leadSource().value());
    }
    long all = leads.all(List.of(Lead.Fields.LAST_NAME)).count();
    System.out.println("All leads, paged lazily: " + all);
    User me = zoho.api(UsersApi.class).currentUser();
    System.out.println("Current user, through zoho-crm's UsersApi: " + me.fullName() + " <" + me.email() + ">");

    HttpClient http = HttpClient.newHttpClient();
    String control = System.getProperty("demo.control");
    String counters = http.send(HttpRequest.newBuilder(URI.create(control + "/counters")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    System.out.println("Requests the fake Zoho saw: " + counters);
    http.send(HttpRequest.newBuilder(URI.create(control + "/shutdown")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("Stopped the fake Zoho. Done.");
    System.out.println();
  }
}
