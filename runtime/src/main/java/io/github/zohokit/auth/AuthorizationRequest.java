package io.github.zohokit.auth;

import io.github.zohokit.token.Secret;
import io.github.zohokit.scope.Scope;
import java.util.List;
import java.util.Objects;

/**
 * One authorization the application started: the URL to send the user to, and what is needed to check and
 * complete the callback — the {@code state}, the {@code nonce} the id_token must echo and, with PKCE, the code
 * verifier. Keep it (in the user's session) until the callback arrives; {@link #resume} rebuilds it from those
 * strings if it had to be stored elsewhere.
 */
public final class AuthorizationRequest {
  private final String url;
  private final String state;
  private final Secret codeVerifier;
  private final String nonce;
  private final List<Scope> scopes;

  AuthorizationRequest(String url, String state, Secret codeVerifier, String nonce, List<Scope> scopes) {
    this.url = url;
    this.state = state;
    this.codeVerifier = codeVerifier;
    this.nonce = nonce;
    this.scopes = List.copyOf(scopes);
  }

  /**
   * Rebuilds a request from its stored {@link #state()} and {@link #codeVerifier()} (null without PKCE), without a
   * nonce: an id_token in the answer is then verified without the nonce check. Prefer
   * {@link #resume(String, String, String)}.
   *
   * @param state the stored state, not null
   * @param codeVerifier the stored code verifier, or null
   * @return a request to pass to the flow's {@code complete} method; its {@link #url()} is null
   * @throws NullPointerException when {@code state} is null
   */
  public static AuthorizationRequest resume(String state, String codeVerifier) {
    return resume(state, codeVerifier, null);
  }

  /**
   * Rebuilds a request from its stored {@link #state()}, {@link #codeVerifier()} and {@link #nonce()}.
   *
   * @param state the stored state, not null
   * @param codeVerifier the stored code verifier, or null
   * @param nonce the stored nonce, or null to skip the nonce check
   * @return a request to pass to the flow's {@code complete} method; its {@link #url()} is null
   * @throws NullPointerException when {@code state} is null
   */
  public static AuthorizationRequest resume(String state, String codeVerifier, String nonce) {
    Objects.requireNonNull(state, "state");
    return new AuthorizationRequest(null, state, Secret.ofNullable(codeVerifier), nonce, List.of());
  }

  /**
   * The Zoho URL to redirect the user's browser to.
   *
   * @return the authorization URL, or null for a {@linkplain #resume resumed} request
   */
  public String url() {
    return url;
  }

  /**
   * The random {@code state} value; the callback must echo it.
   *
   * @return the state, never null
   */
  public String state() {
    return state;
  }

  /**
   * The random {@code nonce} sent with the request; the id_token of the answer must carry it.
   *
   * @return the nonce, or null when none was sent
   */
  public String nonce() {
    return nonce;
  }

  /**
   * The PKCE code verifier, or {@code null} when PKCE is not used.
   *
   * @return the verifier, or null
   */
  public Secret codeVerifier() {
    return codeVerifier;
  }

  /**
   * The scopes requested.
   *
   * @return the scopes, unmodifiable; empty for a resumed request
   */
  public List<Scope> scopes() {
    return scopes;
  }

  @Override
  public String toString() {
    return "AuthorizationRequest{url=" + url + ", scopes=" + scopes + "}";
  }
}
