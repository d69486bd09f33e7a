package io.github.zohokit.testkit;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers shaped like Zoho's: 19-digit ids for records, users, roles, profiles and metadata (modules, fields,
 * layouts, related lists, as in every sample of Zoho's v8 pages), {@code 1000.} client ids, tokens and codes.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEX = "0123456789abcdef";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private final AtomicLong records = new AtomicLong(1_000_000);
  private final AtomicLong metadata = new AtomicLong(100_000);

  /** A 19-digit record id such as {@code 4876876000001000001}. */
  String recordId() {
    return "4876876000" + String.format("%09d", records.incrementAndGet());
  }

  /** A 19-digit id of a module, field, layout or related list, such as {@code 4876876000000100001}. */
  String metadataId() {
    return "4876876000000" + String.format("%06d", metadata.incrementAndGet());
  }

  /**
   * The 19-digit CRM user id of a user (the id {@code GET /users} answers and records' {@code Owner} carry), distinct
   * from the user's Accounts ZUID, which Zoho answers as {@code zuid}.
   */
  static String crmUserId(FakeUser user) {
    return "4876876000000" + String.format("%06d", 225_000 + Long.parseLong(user.zuid()) % 100_000);
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
