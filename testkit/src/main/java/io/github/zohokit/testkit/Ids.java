package io.github.zohokit.testkit;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Identifiers shaped like Zoho's: 19-digit record ids, {@code 1000.} client ids, tokens and codes. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEX = "0123456789abcdef";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private final AtomicLong records = new AtomicLong(1_000_000);

  /** A 19-digit record id such as {@code 4876876000001000001}. */
  String recordId() {
    return "4876876000" + String.format("%09d", records.incrementAndGet());
  }

  static String clientId() {
    return "1000." + random(UPPER, 30);
  }

  static String clientSecret() {
    return random(HEX, 42);
  }

  /** Access and refresh tokens, grant codes: {@code 1000.<32 hex>.<32 hex>}. */
  static String token() {
    return "1000." + random(HEX, 32) + "." + random(HEX, 32);
  }

  static String userCode() {
    return random("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4) + "-" + random("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4);
  }

  static String random(String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
