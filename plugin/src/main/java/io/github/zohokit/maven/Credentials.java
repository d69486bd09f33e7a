package io.github.zohokit.maven;

import io.github.zohokit.token.Secret;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The client id and secret, from the first source that has each:
 *
 * <ol>
 *   <li>the properties {@code zoho.clientId} / {@code zoho.clientSecret} ({@code -D} on the command line);
 *   <li>the environment variables {@code ZOHO_CLIENT_ID} / {@code ZOHO_CLIENT_SECRET};
 *   <li>a {@code settings.xml} {@code <server>} (username = client id, password = client secret, which Maven may
 *       store encrypted).
 * </ol>
 *
 * The secret is never read from the POM, so it cannot end up in a repository or in {@code mvn -X} output.
 */
record Credentials(String clientId, String clientSecret, String source) {

  /** A {@code settings.xml} server's decrypted username and password; null fields when absent. */
  record Server(String id, String username, String password) {
    @Override
    public String toString() {
      return "Server{id=" + id + ", username=" + username + ", password="
          + (password == null ? "none" : Secret.redact(password)) + "}";
    }
  }

  static Credentials resolve(Function<String, String> properties, Function<String, String> environment,
      Server server) {
    String id = first(properties.apply("zoho.clientId"), environment.apply("ZOHO_CLIENT_ID"),
        server == null ? null : server.username());
    String secret = first(properties.apply("zoho.clientSecret"), environment.apply("ZOHO_CLIENT_SECRET"),
        server == null ? null : server.password());
    String source = properties.apply("zoho.clientId") != null ? "-Dzoho.clientId"
        : environment.apply("ZOHO_CLIENT_ID") != null ? "ZOHO_CLIENT_ID"
        : server != null && server.username() != null ? "settings.xml server '" + server.id() + "'" : "nowhere";
    return new Credentials(id, secret, source);
  }

  /** Fails unless a client id (and, when {@code secretNeeded}, a secret) was found, saying where to put them. */
  Credentials require(boolean secretNeeded, String serverId) throws MojoFailureException {
    if (clientId == null || secretNeeded && clientSecret == null) {
      String missing = clientId == null && secretNeeded && clientSecret == null ? "client id and client secret"
          : clientId == null ? "client id" : "client secret";
      throw new MojoFailureException("No Zoho " + missing + " found. Give them in one of:\n"
          + "  - a <server> in ~/.m2/settings.xml with <id>" + serverId + "</id>, <username>CLIENT_ID</username> and "
          + "<password>CLIENT_SECRET</password> (encrypt it with mvn --encrypt-password);\n"
          + "  - the environment variables ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET;\n"
          + "  - -Dzoho.clientId=... -Dzoho.clientSecret=... on the command line.\n"
          + "They are on the Client Secret tab of your client in the Zoho API Console.");
    }
    return this;
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Credentials{clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? "none" : Secret.redact(clientSecret)) + ", from " + source + "}";
  }
}
