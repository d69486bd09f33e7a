package io.github.zohokit.maven;

import io.github.zohokit.ZohoConfigurationException;
import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenCipher;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Parameters and wiring every goal shares. Secrets (client secret, grant token) are not parameters: they are read
 * from {@code -D} properties, the environment or {@code settings.xml} only, so that neither a POM nor
 * {@code mvn -X} (which prints every parameter's value) can expose them.
 */
abstract class AbstractZohoMojo extends AbstractMojo {

  /** The {@code settings.xml} {@code <server>} holding the client id (username) and secret (password). */
  @Parameter(property = "zoho.serverId", defaultValue = "zoho")
  protected String serverId;

  /**
   * Zoho data centre of the client: us, eu, in, au, cn, jp, ca, sa, uk or ae; custom (a data centre zohokit does not
   * list) with {@code zoho.accountsUrl}.
   */
  @Parameter(property = "zoho.dataCenter", defaultValue = "us")
  protected String dataCenter;

  /**
   * Sends every request to this server instead of the data centre's accounts server and API domain, for example
   * {@code http://127.0.0.1:8080} for a fake Zoho in tests. With Maven offline ({@code -o}) only a loopback address
   * (localhost, 127.x.y.z, ::1) is contacted; any other fails the goal before a request.
   */
  @Parameter(property = "zoho.accountsUrl")
  protected String accountsUrl;

  /**
   * The token file, shared with the runtime's default. Default: {@code ZOHO_TOKEN_STORE} if set, else
   * {@code ~/.zoho/tokens.json}.
   */
  @Parameter(property = "zoho.tokenStore")
  protected File tokenStore;

  /**
   * The {@code settings.xml} {@code <server>} whose password is the base64 AES key the token store is encrypted
   * with (as the application's {@code TokenCipher}); without it, the environment variable {@code ZOHO_TOKEN_KEY};
   * without either, the store is not encrypted.
   */
  @Parameter(property = "zoho.tokenKeyServerId", defaultValue = "zoho-token-key")
  protected String tokenKeyServerId;

  /** The user key the tokens are stored under. */
  @Parameter(property = "zoho.userKey", defaultValue = TokenKey.DEFAULT_USER)
  protected String userKey;

  /** Scopes to require besides (or, without a manifest, instead of) those of the compiled clients; comma-separated. */
  @Parameter(property = "zoho.scopes")
  protected String scopes;

  /**
   * Read the scope manifests ({@code META-INF/zoho/scopes.json}) of the dependencies too, not only of this project's
   * classes; {@code false} requests only the scopes of this project's own clients.
   */
  @Parameter(property = "zoho.includeDependencies", defaultValue = "true")
  protected boolean includeDependencies;

  /**
   * Which dependency APIs' scopes to request: {@code referenced} (the default: only the dependency APIs whose
   * interfaces this project's compiled classes use, so a library such as zoho-crm does not widen the scopes),
   * {@code all}, or {@code none}. The goals list what they left out.
   */
  @Parameter(property = "zoho.dependencyScopes", defaultValue = "referenced")
  protected String dependencyScopes;

  /** Skips the goal. */
  @Parameter(property = "zoho.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected Settings settings;

  @Inject
  protected SettingsDecrypter decrypter;

  /**
   * Where each runtime setting comes from in the plugin: the parameter (or the other sources) a user changes when the
   * runtime refuses it. The runtime checks the configuration ({@link ZohoConfigurationException}); the plugin only
   * names the setting in its own words, never by reading the message.
   */
  static final Map<Setting, String> PARAMETERS = new EnumMap<>(Setting.class);

  static {
    String notAParameter = " (not a parameter of the plugin: report it as a zohokit bug)";
    PARAMETERS.put(Setting.CLIENT_TYPE, "the client type" + notAParameter);
    PARAMETERS.put(Setting.CLIENT_ID, "the client id (-Dzoho.clientId, ZOHO_CLIENT_ID, or the username of the "
        + "settings.xml <server>)");
    PARAMETERS.put(Setting.CLIENT_SECRET, "the client secret (-Dzoho.clientSecret, ZOHO_CLIENT_SECRET, or the "
        + "password of the settings.xml <server>)");
    PARAMETERS.put(Setting.REDIRECT_URI, "the redirect URI" + notAParameter);
    PARAMETERS.put(Setting.DATA_CENTER, "zoho.dataCenter");
    PARAMETERS.put(Setting.ACCOUNTS_URL, "zoho.accountsUrl");
    PARAMETERS.put(Setting.API_BASE, "zoho.accountsUrl");
    PARAMETERS.put(Setting.REFRESH_MARGIN, "the renewal margin" + notAParameter);
    PARAMETERS.put(Setting.EXPIRY_MARGIN, "the expiry margin" + notAParameter);
    PARAMETERS.put(Setting.ACCOUNTS_TIMEOUT, "the accounts timeout" + notAParameter);
    PARAMETERS.put(Setting.LEASE_TIMEOUT, "the lease timeout" + notAParameter);
    PARAMETERS.put(Setting.CLIENT_CREDENTIALS_SCOPES, "the client-credentials scopes" + notAParameter);
    PARAMETERS.put(Setting.CLIENT_CREDENTIALS_SOID, "the client-credentials soid" + notAParameter);
    PARAMETERS.put(Setting.SESSION_CACHE, "the session cache" + notAParameter);
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping (zoho.skip=true)");
      return;
    }
    try {
      run();
    } catch (ZohoConfigurationException e) {
      throw configuration(e);
    }
  }

  /** The runtime's configuration error as a goal failure naming the parameter the user sets. */
  static MojoFailureException configuration(ZohoConfigurationException e) {
    return new MojoFailureException(PARAMETERS.get(e.setting()) + " is not accepted: " + e.problem() + "; "
        + e.fix());
  }

  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** A secret or other value from {@code -D} properties, then the environment; never from the POM. */
  protected String property(String name) {
    String value = session == null ? null : session.getUserProperties().getProperty(name);
    if (value == null && session != null) {
      value = session.getSystemProperties().getProperty(name);
    }
    if (value == null) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? null : value;
  }

  protected Credentials credentials(boolean secretNeeded) throws MojoFailureException {
    return Credentials.resolve(this::property, System::getenv, server()).require(secretNeeded, serverId);
  }

  private Credentials.Server server() throws MojoFailureException {
    return server(serverId);
  }

  private Credentials.Server server(String id) throws MojoFailureException {
    if (settings == null || id == null) {
      return null;
    }
    Server server = settings.getServer(id);
    if (server == null) {
      return null;
    }
    if (decrypter != null) {
      SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoFailureException("Cannot decrypt the password of <server> '" + id + "' in settings.xml: "
              + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password)");
        }
      }
      server = result.getServer();
    }
    return new Credentials.Server(id, server.getUsername(), server.getPassword());
  }

  protected DataCenter dataCenter() throws MojoFailureException {
    try {
      return DataCenter.parse(dataCenter);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("zoho.dataCenter: " + e.getMessage());
    }
  }

  protected ZohoEndpoints endpoints(DataCenter dc) throws MojoFailureException {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    String url = accountsUrl != null ? accountsUrl : property("zoho.accountsUrl");
    if (url != null && !url.isBlank()) {
      try {
        endpoints = endpoints.withAccountsUrl(dc, url).withApiBase(dc, url);
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("zoho.accountsUrl: " + e.getMessage());
      }
    }
    return endpoints;
  }

  /**
   * Fails before any request when Maven runs offline ({@code -o}) and the accounts server is not on this machine; a
   * fake Zoho on a loopback address is local, so offline builds against it still work.
   */
  protected void requireNetwork(String what) throws MojoFailureException {
    if (session == null || !session.isOffline()) {
      return;
    }
    DataCenter dc = dataCenter();
    String host = endpoints(dc).accountsUrl(dc).host();
    if (!isLoopback(host)) {
      throw new MojoFailureException("Maven runs offline (-o), but " + what + " talks to Zoho (" + host
          + "). Run without -o");
    }
  }

  /** {@code host} as {@link okhttp3.HttpUrl#host()} gives it: a name, an IPv4 literal, or an IPv6 literal unbracketed. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
  }

  protected Path tokenStorePath() {
    if (tokenStore != null) {
      return tokenStore.toPath().toAbsolutePath();
    }
    String fromProperty = property("zoho.tokenStore");
    return (fromProperty != null ? Path.of(fromProperty) : TokenStores.defaultFile()).toAbsolutePath();
  }

  /** The token file, encrypted with the configured key (see {@link StoreEncryption}) when there is one. */
  protected TokenStore store() throws MojoFailureException {
    TokenCipher cipher = StoreEncryption.cipher(server(tokenKeyServerId), System::getenv);
    return cipher == null ? TokenStores.file(tokenStorePath()) : TokenStores.file(tokenStorePath(), cipher);
  }

  protected ZohoOAuth.Builder oauth(ClientType type, Credentials credentials) throws MojoFailureException {
    DataCenter dc = dataCenter();
    try {
      return ZohoOAuth.builder(type).clientId(credentials.clientId()).clientSecret(credentials.clientSecret())
          .dataCenter(dc).endpoints(endpoints(dc)).tokenStore(store());
    } catch (ZohoConfigurationException e) {
      throw configuration(e);
    }
  }

  /** {@link #requiredScopes()}, failing with what to do when there are none. */
  protected RequiredScopes requireScopes() throws MojoExecutionException, MojoFailureException {
    RequiredScopes required = requiredScopes();
    if (required.isEmpty()) {
      throw new MojoFailureException("No scopes to request: no " + io.github.zohokit.scope.ScopeManifest.RESOURCE
          + " was found in this project's classes or dependencies, and zoho.scopes is not set. Compile first "
          + "(mvn compile, with zoho-processor in the compiler's annotationProcessorPaths), or pass "
          + "-Dzoho.scopes=ZohoCRM.modules.ALL,...");
    }
    return required;
  }

  /**
   * The scopes the build's compiled clients declare, plus {@link #scopes}, plus the metadata scopes of the schema
   * goals when the project's POM runs one of them ({@link SchemaGoals}).
   */
  protected RequiredScopes requiredScopes() throws MojoExecutionException {
    File projectClasses = null;
    List<File> dependencies = new ArrayList<>();
    if (project != null && project.getFile() != null) {
      projectClasses = new File(project.getBuild().getOutputDirectory());
      if (includeDependencies && project.getArtifacts() != null) {
        for (Artifact artifact : project.getArtifacts()) {
          if (artifact.getFile() != null) {
            dependencies.add(artifact.getFile());
          }
        }
      }
    }
    try {
      return RequiredScopes.read(projectClasses, dependencies, scopes,
          RequiredScopes.DependencyScopes.parse(dependencyScopes))
          .withSchemaGoals(SchemaGoals.configuredIn(project));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("Cannot read the scope manifests: " + e.getMessage(), e);
    }
  }

}
