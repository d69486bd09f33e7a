package io.github.zohokit.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every fuzz target checks of the exception a rejected input raised: no secret the input carried (a token, a
 * code, a client secret, an encryption key) appears in its message, its {@code toString()}, or those of its causes
 * and suppressed exceptions, which is what reaches a log.
 */
public final class Untrusted {
  private Untrusted() {}

  /**
   * Fails naming the secret and where it showed, when {@code e} or a cause of it tells one of {@code secrets}.
   *
   * @param e the exception the code under test threw
   * @param secrets the secrets the input carried; null entries are ignored
   */
  public static void assertNoSecretIn(Throwable e, Collection<String> secrets) {
    List<Throwable> seen = new ArrayList<>();
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || seen.stream().anyMatch(s -> s == t)) {
        continue;
      }
      seen.add(t);
      for (String secret : secrets) {
        if (secret != null && !secret.isEmpty()
            && (contains(t.getMessage(), secret) || contains(t.toString(), secret))) {
          throw new AssertionError("a secret of the input (" + secret.length() + " characters, starting "
              + secret.substring(0, Math.min(6, secret.length())) + ") appears in " + t.getClass().getName()
              + ": " + t.getMessage(), e);
        }
      }
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
  }

  /**
   * {@code secret} when every occurrence of it in {@code input} follows a match of {@code before} (a regular
   * expression, such as {@code (^|[?&#])code=}), so it was sent where a secret belongs; otherwise null: the fuzzer also
   * put it where zohokit rightly quotes what it got (an error code, a parameter name, an untrusted host, a malformed
   * scope), which is no leak.
   *
   * @param input the whole input
   * @param before what precedes the secret where it belongs, matched against the text just before it
   * @param secret the secret
   * @return the secret to check for, or null
   */
  public static String onlyAfter(String input, String before, String secret) {
    Pattern precedes = Pattern.compile("(?:" + before + ")$");
    boolean any = false;
    for (int i = input.indexOf(secret); i >= 0; i = input.indexOf(secret, i + 1)) {
      any = true;
      if (!precedes.matcher(input.substring(Math.max(0, i - 80), i)).find()) {
        return null;
      }
    }
    return any ? secret : null;
  }

  /**
   * {@code secret} when every occurrence of it in the URL or parameter string {@code callback} is the whole start of
   * the value of parameter {@code name}: after {@code name=} at the start, after {@code &}, or after the first
   * {@code #} or the first {@code ?} before it (a later one is part of another parameter's value), and the callback
   * spells it nowhere else with percent escapes (decoded, that copy is a value zohokit rightly quotes; such an input
   * is not checked for this secret at all); otherwise null.
   *
   * @param callback the callback's text
   * @param name the parameter that carries the secret
   * @param secret the secret
   * @return the secret to check for, or null
   */
  public static String onlyAsParameter(String callback, String name, String secret) {
    int fragment = callback.indexOf('#');
    int query = callback.indexOf('?');
    if (fragment >= 0 && query > fragment) {
      query = -1; // a '?' inside the fragment is part of a value, as RedirectParameters reads it
    }
    boolean any = false;
    for (int i = callback.indexOf(secret); i >= 0; i = callback.indexOf(secret, i + 1)) {
      any = true;
      int at = i - name.length() - 1;
      if (at < 0 || !callback.startsWith(name + "=", at)) {
        return null;
      }
      boolean separated = at == 0 || callback.charAt(at - 1) == '&' || at - 1 == query || at - 1 == fragment;
      if (!separated) {
        return null;
      }
    }
    return any && !encodedElsewhere(callback, secret) ? secret : null;
  }

  /**
   * {@code secret} unless {@code input} holds it: for a secret the input never carries (a client secret, a code the
   * target sends itself), whose copy the fuzzer may still write into a field zohokit rightly quotes.
   *
   * @param input the whole input
   * @param secret the secret
   * @return the secret to check for, or null
   */
  public static String unlessIn(String input, String secret) {
    return input.contains(secret) ? null : secret;
  }

  /**
   * {@link #unlessIn}, for a URL or parameter string, whose values zohokit reads percent-decoded: {@code secret}
   * unless {@code callback} holds it as is or with percent escapes (see {@link #decodings}).
   *
   * @param callback the callback's text
   * @param secret the secret
   * @return the secret to check for, or null
   */
  public static String unlessInUrl(String callback, String secret) {
    return decodings(callback).stream().anyMatch(text -> text.contains(secret)) ? null : secret;
  }

  /**
   * Whether a decoding of {@code input} holds {@code secret} more often than its text does: the fuzzer also spelled it
   * with escapes (seen: a client secret with one hex digit written {@code %34}, inside an accounts server the message
   * quotes decoded), somewhere the placement checks above cannot see.
   */
  private static boolean encodedElsewhere(String input, String secret) {
    int plain = count(input, secret);
    return decodings(input).stream().anyMatch(text -> count(text, secret) > plain);
  }

  /**
   * {@code input} and what the parsers under test may decode it to: percent escapes (OkHttp decodes a callback's
   * parameters, then a URL's host again), applied up to three times, leniently (a malformed escape stays as it is).
   */
  static List<String> decodings(String input) {
    List<String> all = new ArrayList<>(List.of(input));
    for (int round = 0; round < 3; round++) {
      all.add(percentDecoded(all.get(all.size() - 1)));
    }
    return all;
  }

  private static String percentDecoded(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 2;
        continue;
      }
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
      out.append(c);
    }
    return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static boolean contains(String text, String secret) {
    return text != null && text.contains(secret);
  }
}
