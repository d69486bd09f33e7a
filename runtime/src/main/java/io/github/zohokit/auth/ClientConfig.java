package io.github.zohokit.auth;

import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** One client registered in Zoho's API Console, validated for its type. */
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
      throw invalid("the client id is missing; copy it from the API Console (it looks like 1000.XXXX...)");
    }
    if (!clientId.equals(clientId.strip()) || clientId.chars().anyMatch(Character::isWhitespace)) {
      throw invalid("the client id '" + clientId.strip() + "' contains whitespace; copy it again without spaces");
    }
    this.clientId = clientId;
    if (type.hasClientSecret() && clientSecret == null) {
      throw invalid("a " + type.displayName() + " client needs its client secret (API Console > Client Secret)");
    }
    if (!type.hasClientSecret() && clientSecret != null) {
      throw invalid("a client-based app has no client secret and must not send one; remove it");
    }
    this.clientSecret = clientSecret;
    if (type.usesRedirectUri()) {
      this.redirectUri = validRedirectUri(type, redirectUri);
    } else if (redirectUri != null) {
      throw invalid("a " + type.displayName() + " client has no redirect URI; remove it");
    } else {
      this.redirectUri = null;
    }
  }

  private static String validRedirectUri(ClientType type, String redirectUri) {
    if (redirectUri == null || redirectUri.isBlank()) {
      throw invalid("a " + type.displayName() + " client needs the redirect URI registered in the API Console");
    }
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      throw invalid("the redirect URI '" + redirectUri + "' is not a valid URI: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw invalid("the redirect URI '" + redirectUri + "' must be absolute, for example https://app.example.com/callback");
    }
    boolean web = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    if (type != ClientType.MOBILE && !web) {
      throw invalid("the redirect URI '" + redirectUri + "' of a " + type.displayName()
          + " client must start with http:// or https://");
    }
    if (type == ClientType.MOBILE && !web && !scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      throw invalid("the custom scheme of the redirect URI '" + redirectUri
          + "' must be lower case, as Zoho registers it (for example com.example.app://callback)");
    }
    if (uri.getFragment() != null) {
      throw invalid("the redirect URI '" + redirectUri + "' must not contain a fragment (#...)");
    }
    return redirectUri;
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("Invalid Zoho client configuration: " + message);
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
