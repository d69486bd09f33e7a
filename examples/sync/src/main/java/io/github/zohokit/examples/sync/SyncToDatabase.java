package io.github.zohokit.examples.sync;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.sync.IncrementalSync;
import io.github.zohokit.sync.JdbcSyncStateStore;
import io.github.zohokit.sync.SyncReport;
import io.github.zohokit.token.DataCenter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies Zoho CRM modules into tables of a JDBC database with zoho-sync: the first run loads every record, the next
 * ones only what changed and what was deleted. Prints, per module, what the run did.
 *
 * <pre>
 * java -jar examples/sync/target/zoho-sync-example.jar --module Leads --fields Last_Name,Email,Company \
 *     --jdbc jdbc:h2:./crm-copy
 * </pre>
 *
 * The client's id and secret come from the environment ({@code ZOHO_CLIENT_ID}, {@code ZOHO_CLIENT_SECRET}), never
 * from the command line; the token from the file {@code mvn zoho:bootstrap-token} wrote (or the client-credentials
 * grant with {@code --client-credentials}). Run {@code --help} for every option.
 */
public final class SyncToDatabase {
  static final String USAGE = """
      Copies Zoho CRM modules into tables of a JDBC database: a full load the first time, changes and deletes after.

        java -jar zoho-sync-example.jar --module Leads --fields Last_Name,Email,Company --jdbc jdbc:h2:./crm-copy

        --module M[,M...]      the modules' API names (Leads, Contacts, Projects__c); one table each
        --fields F[,F...]      the fields to copy, Zoho's API names (at most 48); id and Modified_Time always come
        --jdbc URL             the database (H2, PostgreSQL, MariaDB/MySQL drivers included); its user with
                               --jdbc-user NAME, its password from the environment variable JDBC_PASSWORD
        --table-prefix P       table name prefix, default zoho_ (zoho_leads); the cursors go to zohokit_sync_cursors
        --data-center DC       us (default), eu, in, au, jp, ca, sa, cn
        --accounts-url URL     Zoho Accounts, default the data centre's (a fake Zoho: its URL)
        --api-url URL          the CRM API base, default the token's (a fake Zoho: its URL)
        --token-store FILE     the token file mvn zoho:bootstrap-token wrote, default $ZOHO_TOKEN_STORE or
                               ~/.zoho/tokens.json (its token needs ZohoCRM.modules.<module>.READ;
                               a mass update's second also ZohoCRM.bulk.read and
                               ZohoCRM.settings.fields.READ)
        --client-credentials SOID
                               instead of a stored token: the self client's client-credentials grant for the
                               organisation SOID (ZohoCRM.<org id>), with each module's READ scope,
                               ZohoCRM.bulk.read and ZohoCRM.settings.fields.READ (a mass update's second
                               is read by a Bulk Read job)
      Environment: ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET (the self client's), JDBC_PASSWORD (optional).
      """;

  private SyncToDatabase() {}

  /**
   * Runs the copy; exits with status 2 on a wrong argument and 1 when a sync fails.
   *
   * @param args the options, see {@code --help}
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("Run with --help for every option.");
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(USAGE);
      return;
    }
    try {
      for (SyncReport report : run(options)) {
        if (!report.ran()) {
          System.exit(3);
        }
      }
    } catch (RuntimeException | SQLException e) {
      System.err.println("The sync failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Syncs every module of {@code options} into its table, printing one report and one table line per module.
   *
   * @param options the parsed options
   * @return one report per module
   * @throws SQLException when the database cannot be written
   */
  static List<SyncReport> run(Options options) throws SQLException {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    if (options.accountsUrl() != null) {
      endpoints = endpoints.withAccountsUrl(options.dataCenter(), options.accountsUrl());
    }
    if (options.apiUrl() != null) {
      endpoints = endpoints.withApiBase(options.dataCenter(), options.apiUrl());
    }
    ZohoOAuth.Builder builder = ZohoOAuth.selfClient(options.clientId(), options.clientSecret())
        .dataCenter(options.dataCenter())
        .endpoints(endpoints);
    if (options.clientCredentialsSoid() != null) {
      builder.clientCredentials(options.clientCredentialsSoid(), Options.clientCredentialsScopes(options.modules()))
          .tokenStore(TokenStores.inMemory());
    } else {
      builder.tokenStore(TokenStores.file(options.tokenStore()));
    }
    Zoho zoho = Zoho.connect(builder.build());
    UrlDataSource database = new UrlDataSource(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
    JdbcSyncStateStore cursors = JdbcSyncStateStore.builder(database).build();
    List<SyncReport> reports = new ArrayList<>();
    for (String module : options.modules()) {
      TableCopy table = new TableCopy(options.tablePrefix() + module.toLowerCase(Locale.ROOT), options.fields());
      try (Connection c = database.getConnection()) {
        table.create(c);
      }
      SyncReport report = IncrementalSync.builder(zoho, module)
          .fields(options.fields())
          .stateStore(cursors)
          .build()
          .run(table);                                  // its writes commit with the cursor, in one transaction
      System.out.println(report);
      try (Connection c = database.getConnection()) {
        System.out.println("  table " + table.name() + ": " + table.count(c) + " rows");
      }
      reports.add(report);
    }
    return reports;
  }

  /** The command line, checked. */
  record Options(List<String> modules, List<String> fields, String jdbcUrl, String jdbcUser, String jdbcPassword,
      String tablePrefix, DataCenter dataCenter, String accountsUrl, String apiUrl, Path tokenStore,
      String clientCredentialsSoid, String clientId, String clientSecret) {

    /** The options of {@code args}, or null for {@code --help}. */
    static Options parse(String[] args, java.util.Map<String, String> env) {
      List<String> modules = null;
      List<String> fields = null;
      String jdbc = null;
      String user = null;
      String prefix = "zoho_";
      DataCenter dc = DataCenter.US;
      String accounts = null;
      String api = null;
      Path store = null;
      String soid = null;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          return null;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value"
              : "unexpected argument " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--module", "--modules" -> modules = names(value, flag);
          case "--fields" -> fields = names(value, flag);
          case "--jdbc" -> jdbc = value;
          case "--jdbc-user" -> user = value;
          case "--table-prefix" -> prefix = value;
          case "--data-center" -> dc = dataCenter(value);
          case "--accounts-url" -> accounts = value;
          case "--api-url" -> api = value;
          case "--token-store" -> store = Path.of(value);
          case "--client-credentials" -> soid = value;
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (modules == null) {
        throw new IllegalArgumentException("name the modules to copy: --module Leads (Zoho's API names, "
            + "comma-separated)");
      }
      if (fields == null) {
        throw new IllegalArgumentException("name the fields to copy: --fields Last_Name,Email (Zoho's API names; "
            + "id and Modified_Time always come)");
      }
      if (jdbc == null || !jdbc.startsWith("jdbc:")) {
        throw new IllegalArgumentException("name the database: --jdbc jdbc:h2:./crm-copy (a JDBC URL; "
            + (jdbc == null ? "none given" : "\"" + jdbc + "\" is not one") + ")");
      }
      if (!prefix.matches("[A-Za-z_][A-Za-z0-9_]{0,20}")) {
        throw new IllegalArgumentException("--table-prefix " + prefix + ": letters, digits and _ only, at most 21");
      }
      String clientId = env.get("ZOHO_CLIENT_ID");
      String clientSecret = env.get("ZOHO_CLIENT_SECRET");
      if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("set the self client's id and secret in the environment variables "
            + "ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET (the API Console's Self Client, Client Secret tab)");
      }
      if (store == null) {
        store = TokenStores.defaultFile();
      }
      if (soid == null && !java.nio.file.Files.isRegularFile(store)) {
        throw new IllegalArgumentException("no token file " + store + ": get a token with mvn zoho:bootstrap-token "
            + "(README, Quick start step 4) and name its file with --token-store, or use --client-credentials "
            + "ZohoCRM.<org id>");
      }
      return new Options(modules, fields, jdbc, user, env.get("JDBC_PASSWORD"), prefix, dc, accounts, api, store,
          soid, clientId, clientSecret);
    }

    private static List<String> names(String value, String flag) {
      List<String> names = new ArrayList<>();
      for (String name : value.split(",")) {
        String n = name.trim();
        if (!n.matches("[A-Za-z][A-Za-z0-9_]{0,99}")) {
          throw new IllegalArgumentException(flag + ": \"" + n + "\" is not a Zoho API name (letters, digits, _)");
        }
        names.add(n);
      }
      return List.copyOf(names);
    }

    private static DataCenter dataCenter(String value) {
      for (DataCenter dc : DataCenter.values()) {
        if (dc.name().equalsIgnoreCase(value)) {
          return dc;
        }
      }
      throw new IllegalArgumentException("--data-center " + value + ": one of "
          + java.util.Arrays.toString(DataCenter.values()).toLowerCase(Locale.ROOT));
    }

    /**
     * What the client-credentials grant asks for: each module's READ scope, and the two scopes of the Bulk Read job
     * {@link IncrementalSync} starts when one second holds more changes than a page token reaches (an import, a mass
     * update), so that rare second does not stop the sync for a missing scope.
     */
    static List<String> clientCredentialsScopes(List<String> modules) {
      List<String> scopes = new ArrayList<>();
      for (String module : modules) {
        if (!scopes.contains(readScope(module))) {
          scopes.add(readScope(module));
        }
      }
      scopes.add("ZohoCRM.bulk.read");
      scopes.add("ZohoCRM.settings.fields.READ");
      return scopes;
    }

    /** The scope that reads {@code module}'s records and deletions. */
    static String readScope(String module) {
      String name = module.endsWith("__c") ? "custom" : module.toLowerCase(Locale.ROOT).replace("_", "");
      return "ZohoCRM.modules." + name + ".READ";
    }

    @Override
    public String toString() {
      return "Options[modules=" + modules + ", jdbc=" + jdbcUrl + ", clientId=" + clientId + "]";
    }
  }
}
