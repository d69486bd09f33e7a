package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and authenticates tokens at rest with AES-GCM under a key the application supplies (from a secrets
 * manager, an environment variable, never the database itself).
 *
 * <p>A store with a cipher keeps each token as one sealed value: every field (access, refresh and id token, expiry,
 * scopes, accounts server, API domain, data centre), the key it belongs to (client id and user key) and the format
 * version, encrypted together under a fresh 96-bit nonce, with the key and format version also bound as associated
 * data. Changing any byte, copying a value to another row or file entry, or putting a plaintext token into an
 * encrypted store makes the store refuse the token with a {@link TokenStoreException}; it is never used.
 *
 * <p>The sealed record also carries the store's version of the record and the time it was sealed, which only moves
 * forward for a key: a store refuses a record whose version is not the one it is stored under, and a record sealed
 * earlier than one it has already read or written for that key (a writer without the key put an older sealed value
 * back). That knowledge is the store instance's, in memory: a process started after such a rollback cannot see it.
 *
 * <p>Stored form: {@code enc:v2:} followed by base64 of nonce and ciphertext-with-tag. Earlier forms are read while
 * a store migrates: values of the first form ({@code enc:v1:}, only the three token strings encrypted) and sealed
 * records without a version. Each is rewritten in the current form on the next write of that key (the file store
 * rewrites every entry on any write). Once a store instance has read or written the current form for a key, it
 * refuses the earlier forms for that key (a downgrade); {@link #refusingEarlierFormats()} refuses them for every key,
 * in every process, for stores that have finished migrating.
 */
public final class TokenCipher {
  static final String PREFIX = "enc:v1:";
  static final String SEALED_PREFIX = "enc:v2:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final boolean earlierFormatsRefused;

  private TokenCipher(byte[] key, boolean earlierFormatsRefused) {
    this.key = new SecretKeySpec(key, "AES");
    this.earlierFormatsRefused = earlierFormatsRefused;
  }

  /**
   * A cipher with a 128-, 192- or 256-bit AES key.
   *
   * @param key the raw key bytes, not null; copied, so later changes to the array do not reach the cipher
   * @return the cipher
   * @throws NullPointerException when {@code key} is null
   * @throws IllegalArgumentException for any other key length
   */
  public static TokenCipher aesGcm(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, this one has " + key.length
          + "; generate one with: openssl rand -base64 32");
    }
    return new TokenCipher(Arrays.copyOf(key, key.length), false);
  }

  /**
   * This cipher, refusing the earlier encrypted forms (the first form's per-field values, sealed records without a
   * version) for every key, even in a process that has not read the key before: a writer without the key can then
   * no longer put an old record of an earlier form back. Use it once the store has migrated: every record rewritten
   * by this zohokit (a file store on its first write; a JDBC row on the next renewal of its token, so after every
   * user's token was renewed once). A record still in an earlier form is then refused; its user authorizes again.
   *
   * @return a cipher with the same key that reads only the current form
   */
  public TokenCipher refusingEarlierFormats() {
    return new TokenCipher(key.getEncoded(), true);
  }

  /** Whether records in an earlier form are refused for every key ({@link #refusingEarlierFormats()}). */
  boolean earlierFormatsRefused() {
    return earlierFormatsRefused;
  }

  /**
   * {@link #aesGcm(byte[])} with a base64-encoded key, as {@code openssl rand -base64 32} prints.
   *
   * @param base64Key the key in standard base64, not null; surrounding whitespace is ignored
   * @return the cipher
   * @throws IllegalArgumentException when {@code base64Key} is not base64 or does not decode to 16, 24 or 32 bytes
   */
  public static TokenCipher aesGcm(String base64Key) {
    try {
      return aesGcm(Base64.getDecoder().decode(base64Key.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the token encryption key is not valid base64 of 16, 24 or 32 bytes: "
          + e.getMessage());
    }
  }

  String encrypt(String plaintext, String context) {
    return encrypt(PREFIX, plaintext, context);
  }

  /** Seals a whole record of {@code key}: {@code enc:v2:} and base64 of nonce and ciphertext, {@code aad} bound. */
  String seal(String plaintext, String aad) {
    return encrypt(SEALED_PREFIX, plaintext, aad);
  }

  /** Opens what {@link #seal} produced; throws {@link TokenStoreException} naming {@code key} if it does not open. */
  String unseal(String sealed, String aad, TokenKey key) {
    if (sealed == null || !sealed.startsWith(SEALED_PREFIX)) {
      throw new TokenStoreException("the token of " + key + " is not a sealed " + SEALED_PREFIX + " value; it was "
          + "changed by hand, so it is not used. Delete this token and authorize again");
    }
    return decrypt(SEALED_PREFIX, sealed, aad, key.toString());
  }

  private String encrypt(String prefix, String plaintext, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return prefix + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** Decrypts a stored value; throws {@link TokenStoreException} when the key or the row does not match. */
  String decrypt(String stored, String context) {
    return decrypt(PREFIX, stored, context, context);
  }

  private String decrypt(String prefix, String stored, String aad, String context) {
    byte[] in;
    try {
      in = Base64.getDecoder().decode(stored.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw new TokenStoreException("an encrypted token of " + context + " is not valid base64");
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new TokenStoreException("an encrypted token of " + context + " is too short to be one (" + in.length
          + " bytes); the store was tampered with or truncated. Delete this token and authorize again");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new TokenStoreException("the tokens of " + context + " cannot be decrypted: the encryption key is not the "
          + "one they were stored with, or the stored value was changed or copied from another token. It was not used. "
          + "Configure the original key, or delete this token and authorize again");
    }
  }

  static boolean isEncrypted(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  @Override
  public String toString() {
    return "TokenCipher{AES-GCM, " + key.getEncoded().length * 8 + "-bit key"
        + (earlierFormatsRefused ? ", current form only" : "") + "}";
  }
}
