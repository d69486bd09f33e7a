package io.github.zohokit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random {@code state} values. */
final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pkce() {}

  /** A code verifier of 64 characters from the unreserved set (RFC 7636 allows 43-128). */
  static String newVerifier() {
    return randomUrlSafe(48);
  }

  /** An unguessable {@code state} value. */
  static String newState() {
    return randomUrlSafe(24);
  }

  /** {@code BASE64URL(SHA256(verifier))} without padding. */
  static String challenge(String verifier) {
    if (verifier.length() < 43 || verifier.length() > 128) {
      throw new IllegalArgumentException("a PKCE code verifier must be 43 to 128 characters, was "
          + verifier.length());
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
