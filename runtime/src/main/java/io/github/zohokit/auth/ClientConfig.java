package io.github.zohokit.auth;

import io.github.zohokit.ZohoConfigurationException;
import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One client registered in Zoho's API Console, validated for its type: the rules on the client id, secret and redirect
 * URI live here and nowhere else (the Spring starter and the Maven plugin name the setting of a
 * {@link ZohoConfigurationException} in their own words).
 */
final class ClientConfig {
  private final ClientType type;
  private final String clientId;
  private final Secret clientSecret;
  private final String redirectUri;
  private final DataCenter dataCenter;

  ClientConfig(ClientType type, String clientId, Secret clientSecret, String redirectUri, DataCenter dataCenter) {
    this.type = Objects.requireNonNull(type, "client type");
    this.dataCenter = Objects.requireNonNull(dataCenter, "data centre");
    if (clientId == null || clientId.isBlank()) {
      throw invalid(Setting.CLIENT_ID, "the client id is missing",
          "copy it from the API Console (it looks like 1000.XXXX...)");
    }
    if (!clientId.equals(clientId.strip()) || clientId.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(Setting.CLIENT_ID, "the client id '" + clientId.strip() + "' contains whitespace",
          "copy it again without spaces");
    }
    this.clientId = clientId;
    if (type.hasClientSecret() && clientSecret == null) {
      throw invalid(Setting.CLIENT_SECRET, "a " + type.displayName() + " client needs its client secret",
          "copy it from the API Console (Client Secret tab)");
    }
    if (!type.hasClientSecret() && clientSecret != null) {
      throw invalid(Setting.CLIENT_SECRET, "a client-based app has no client secret and must not send one",
          "remove it");
    }
    this.clientSecret = clientSecret;
    if (type.usesRedirectUri()) {
      this.redirectUri = validRedirectUri(type, redirectUri);
    } else if (redirectUri != null) {
      throw invalid(Setting.REDIRECT_URI, "a " + type.displayName() + " client has no redirect URI", "remove it");
    } else {
      this.redirectUri = null;
    }
  }

  private static String validRedirectUri(ClientType type, String redirectUri) {
    if (redirectUri == null || redirectUri.isBlank()) {
      throw invalid(Setting.REDIRECT_URI, "a " + type.displayName()
          + " client needs the redirect URI registered in the API Console", "copy it from the client's details there");
    }
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      throw invalid(Setting.REDIRECT_URI, "the redirect URI '" + redirectUri + "' is not a valid URI: " + e.getReason(),
          "copy it again from the API Console");
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw invalid(Setting.REDIRECT_URI, "the redirect URI '" + redirectUri + "' must be absolute",
          "use the full URI registered in the API Console, for example https://app.example.com/callback");
    }
    boolean web = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    if (type != ClientType.MOBILE && !web) {
      throw invalid(Setting.REDIRECT_URI, "the redirect URI '" + redirectUri + "' of a " + type.displayName()
          + " client must start with http:// or https://", "register and use a web address (custom schemes are for "
          + "mobile clients)");
    }
    if (type == ClientType.MOBILE && !web && !scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      throw invalid(Setting.REDIRECT_URI, "the custom scheme of the redirect URI '" + redirectUri
          + "' must be lower case, as Zoho registers it", "write it in lower case (for example com.example.app://callback)");
    }
    if (uri.getFragment() != null) {
      throw invalid(Setting.REDIRECT_URI, "the redirect URI '" + redirectUri + "' must not contain a fragment (#...)",
          "remove the fragment");
    }
    return redirectUri;
  }

  private static ZohoConfigurationException invalid(Setting setting, String problem, String fix) {
    return new ZohoConfigurationException(setting, problem, fix);
  }

  ClientType type() {
    return type;
  }

  String clientId() {
    return clientId;
  }

  Secret clientSecret() {
    return clientSecret;
  }

  String redirectUri() {
    return redirectUri;
  }

  String redirectUriOrNone() {
    return redirectUri == null ? "(none)" : redirectUri;
  }

  DataCenter dataCenter() {
    return dataCenter;
  }

  @Override
  public String toString() {
    return type.displayName() + " client " + clientId + " (secret " + (clientSecret == null ? "none" : clientSecret)
        + ", redirect URI " + redirectUriOrNone() + ", data centre " + dataCenter + ")";
  }
}
