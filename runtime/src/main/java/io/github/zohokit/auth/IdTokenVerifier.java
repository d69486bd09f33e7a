package io.github.zohokit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import java.io.IOException;
import java.security.Key;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Verifies Zoho id_tokens with the Nimbus JOSE + JWT library: an RS256 signature by a key of Zoho's JSON Web Key
 * Set, and the claims — {@code iss} one of the expected issuers, {@code aud} the client id, {@code exp} present and
 * in the future, {@code iat} and {@code nbf} (when present) not in the future, and the {@code nonce} the
 * authorization request sent. Two minutes of clock skew are allowed. Zoho names the signing key in a non-standard
 * {@code key_id} header instead of {@code kid}, and types its tokens {@code JWS}; both are accepted.
 *
 * <pre>{@code
 * IdTokenVerifier verifier = IdTokenVerifier.fromJwksUrl(http, "https://accounts.zoho.com/oauth/v2/keys");
 * IdToken id = verifier.verify(token.idToken().reveal(), clientId, List.of("https://accounts.zoho.com"), nonce);
 * }</pre>
 *
 * zohokit's flows verify id_tokens themselves (against {@code <accounts server>/oauth/v2/keys}); use this class
 * for id_tokens that reach the application some other way. Thread-safe.
 */
final class IdTokenVerifier {
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  /** A key set larger than this is refused: Zoho's holds a handful of keys, a few kilobytes. */
  static final long MAX_JWKS_BYTES = 64 * 1024;
  /** After a fetch, the key set is fetched again for an unknown key id at most this often. */
  static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);
  private static final JOSEObjectType JWS = new JOSEObjectType("JWS");

  private final KeySource keys;
  private final Clock clock;

  private IdTokenVerifier(KeySource keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * A verifier for the keys of a JWKS document ({@code {"keys": [{"kty": "RSA", "kid", "n", "e"}]}}), fixed: it
   * never fetches anything.
   *
   * @param jwksJson the key set's JSON
   * @return a verifier that never fetches
   * @throws IllegalArgumentException when {@code jwksJson} is not a key set with an RSA key
   */
  static IdTokenVerifier fromJwks(String jwksJson) {
    return fromJwks(jwksJson, Clock.systemUTC());
  }

  static IdTokenVerifier fromJwks(String jwksJson, Clock clock) {
    JWKSet set = parseKeySet(jwksJson, "the JWKS", IllegalArgumentException::new);
    return new IdTokenVerifier(new FixedKeys(set), clock);
  }

  /** The most fetching the key set may take, answer included (as for every Zoho Accounts call). */
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A verifier for the key set at {@code url} (Zoho's is {@code <accounts server>/oauth/v2/keys}), fetched on first
   * use and again, at most once a minute, when a token names a key it does not hold (Zoho rotated its keys).
   * Fetched without following redirects; at most 64 KiB.
   *
   * @param http the client to fetch with; a copy that follows no redirects and has a 30-second call timeout is used
   * @param url the key set's URL
   * @return a verifier; nothing is fetched before the first {@link #verify}
   * @throws IllegalArgumentException unless {@code url} is https (or http on a loopback address, for a test double)
   */
  static IdTokenVerifier fromJwksUrl(OkHttpClient http, String url) {
    return fromJwksUrl(http, url, Clock.systemUTC());
  }

  static IdTokenVerifier fromJwksUrl(OkHttpClient http, String url, Clock clock) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null || !parsed.isHttps() && !ZohoEndpoints.isLoopback(parsed.host())) {
      throw new IllegalArgumentException("the JWKS URL '" + url + "' must be an https URL (or http on a loopback "
          + "address, for a test double)");
    }
    // bounded like every Zoho Accounts call: a trickling key-set server cannot hold verifications (and the lock) longer
    OkHttpClient noRedirects = http.newBuilder().followRedirects(false).followSslRedirects(false)
        .callTimeout(FETCH_TIMEOUT).build();
    return new IdTokenVerifier(new RemoteKeys(noRedirects, parsed, clock), clock);
  }

  /**
   * Verifies {@code jwt}.
   *
   * @param jwt the id_token as sent
   * @throws IllegalArgumentException when {@code issuers} is null or empty
   * @throws NullPointerException when {@code clientId} is null
   * @throws io.github.zohokit.ZohoException when the key set cannot be fetched
   * @param clientId the client the token must be issued to ({@code aud})
   * @param issuers the accepted {@code iss} values (an accounts server URL; a trailing {@code /} is ignored)
   * @param nonce the nonce the authorization request sent, which the token must carry; null when none was sent
   * @return the verified token
   * @throws ZohoAuthException {@code invalid_id_token}, saying which check failed
   */
  IdToken verify(String jwt, String clientId, Collection<String> issuers, String nonce) {
    Objects.requireNonNull(clientId, "clientId");
    if (issuers == null || issuers.isEmpty()) {
      throw new IllegalArgumentException("name at least one accepted issuer (the accounts server URL)");
    }
    SignedJWT signed = IdToken.parse(jwt);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, JWS, null));
    processor.setJWSKeySelector((header, context) -> select(header));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(clientId), null,
        Set.of("iss", "exp", "sub"), null) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
    claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    JWTClaimsSet verified;
    try {
      verified = processor.process(signed, null);
    } catch (BadJWSException e) {
      throw IdToken.invalid("the signature does not match any key of the key set (" + e.getMessage() + ")");
    } catch (BadJWTException e) {
      throw IdToken.invalid(e.getMessage() + " (expected audience " + clientId + ")");
    } catch (BadJOSEException | JOSEException e) {
      if (e.getCause() instanceof ZohoException) {
        throw (ZohoException) e.getCause();
      }
      throw IdToken.invalid(e.getMessage());
    }
    checkIssuer(verified.getIssuer(), issuers);
    Instant now = clock.instant();
    Date issuedAt = verified.getIssueTime();
    if (issuedAt != null && issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw IdToken.invalid("issued in the future (iat " + issuedAt.toInstant() + ", now " + now + "); check the "
          + "system clock");
    }
    if (nonce != null) {
      Object actual = verified.getClaim("nonce");
      if (actual == null) {
        throw IdToken.invalid("it carries no nonce, but the authorization request sent one: it was not issued for "
            + "this login");
      }
      if (!MessageDigest.isEqual(actual.toString().getBytes(StandardCharsets.UTF_8),
          nonce.getBytes(StandardCharsets.UTF_8))) {
        throw IdToken.invalid("its nonce is not the one this login's authorization request sent: it was issued for "
            + "another login (a replayed or injected token)");
      }
    }
    return IdToken.verified(signed, verified);
  }

  private static void checkIssuer(String issuer, Collection<String> accepted) {
    for (String candidate : accepted) {
      if (candidate != null && stripSlash(candidate).equals(stripSlash(issuer))) {
        return;
      }
    }
    throw IdToken.invalid("issued by '" + issuer + "', not by the accounts server the login used " + accepted);
  }

  private static String stripSlash(String url) {
    String s = url.trim();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The RS256 keys that may have signed a token with {@code header}: by key id, refreshing once if unknown. */
  private List<Key> select(JWSHeader header) throws KeySourceException {
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new KeySourceException("algorithm '" + header.getAlgorithm() + "' is not accepted; Zoho signs with RS256");
    }
    String kid = IdToken.keyId(header);
    JWKMatcher matcher = new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid).keyUses(KeyUse.SIGNATURE, null)
        .algorithms(JWSAlgorithm.RS256, null).build();
    List<JWK> found;
    try {
      found = keys.select(new JWKSelector(matcher), kid);
    } catch (ZohoException e) {
      throw new KeySourceException(e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new KeySourceException(kid != null ? "signed with key '" + kid + "', which the key set does not hold "
          + "(keys: " + keys.keyIds() + ")" : "no RS256 signing key in the key set");
    }
    List<Key> result = new ArrayList<>();
    for (JWK jwk : found) {
      try {
        result.add(((RSAKey) jwk).toRSAPublicKey());
      } catch (JOSEException e) {
        throw new KeySourceException("the key '" + jwk.getKeyID() + "' of the key set is not a valid RSA key", e);
      }
    }
    return result;
  }

  private interface Failure<E extends RuntimeException> {
    E make(String message);
  }

  private static <E extends RuntimeException> JWKSet parseKeySet(String json, String what, Failure<E> failure) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      throw failure.make(what + " is not a JSON Web Key Set: " + e.getMessage());
    }
    if (set.getKeys().stream().noneMatch(k -> k instanceof RSAKey)) {
      throw failure.make(what + " holds no RSA keys");
    }
    return set;
  }

  /** Where the keys come from. */
  private interface KeySource {
    List<JWK> select(JWKSelector selector, String kid);

    Set<String> keyIds();
  }

  private static final class FixedKeys implements KeySource {
    private final JWKSet set;

    FixedKeys(JWKSet set) {
      this.set = set;
    }

    @Override
    public List<JWK> select(JWKSelector selector, String kid) {
      return selector.select(set);
    }

    @Override
    public Set<String> keyIds() {
      return ids(set);
    }
  }

  private static Set<String> ids(JWKSet set) {
    Set<String> ids = new HashSet<>();
    set.getKeys().forEach(k -> ids.add(k.getKeyID()));
    return ids;
  }

  /** A key set fetched over HTTP: on first use, and again for an unknown key id at most once a minute. */
  private static final class RemoteKeys implements KeySource {
    private final OkHttpClient http;
    private final HttpUrl url;
    private final Clock clock;
    private JWKSet set;
    private Instant fetchedAt;

    RemoteKeys(OkHttpClient http, HttpUrl url, Clock clock) {
      this.http = http;
      this.url = url;
      this.clock = clock;
    }

    @Override
    public synchronized List<JWK> select(JWKSelector selector, String kid) {
      if (set == null) {
        fetch();
      }
      List<JWK> found = selector.select(set);
      if (found.isEmpty() && kid != null && !clock.instant().isBefore(fetchedAt.plus(MIN_REFRESH_INTERVAL))) {
        fetch();
        found = selector.select(set);
      }
      return found;
    }

    @Override
    public synchronized Set<String> keyIds() {
      return set == null ? Set.of() : ids(set);
    }

    /** Where a redirect pointed, without its query or fragment (they may carry anything). */
    private String location(Response response) {
      String location = response.header("Location");
      HttpUrl target = location == null ? null : url.resolve(location);
      return target != null ? target.newBuilder().query(null).fragment(null).build().toString()
          : location == null ? "no Location" : "an unparseable Location";
    }

    private void fetch() {
      Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
      fetchedAt = clock.instant();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new ZohoException("fetching Zoho's key set at " + url + " failed with HTTP " + response.code()
              + (response.isRedirect() ? " (a redirect to " + location(response) + ", not followed)" : "")
              + "; the id_token cannot be verified");
        }
        BufferedSource source = response.body().source();
        if (source.request(MAX_JWKS_BYTES + 1)) {
          throw new ZohoException("Zoho's key set at " + url + " is larger than " + MAX_JWKS_BYTES + " bytes; "
              + "refused. Check the accounts URL");
        }
        set = parseKeySet(source.getBuffer().readUtf8(), "the key set at " + url, ZohoException::new);
      } catch (IOException e) {
        throw new ZohoException("could not fetch Zoho's key set at " + url + ": " + e.getMessage()
            + "; the id_token cannot be verified. Check the network and try again", e);
      }
    }
  }
}
