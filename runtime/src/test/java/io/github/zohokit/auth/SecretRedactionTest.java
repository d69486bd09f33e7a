package io.github.zohokit.auth;

import io.github.zohokit.token.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where redaction draws its lines: the numeric prefix Zoho puts before a dot, and the length that shows anything. */
class SecretRedactionTest {

  @Test
  void nullRedactsToTheWordNull() {
    assertThat(Secret.redact(null)).isEqualTo("null");
  }

  @Test
  void twelveCharactersAfterThePrefixShowTheirEndsElevenShowNothing() {
    assertThat(Secret.redact("abcdefghijkl")).isEqualTo("ab…kl");
    assertThat(Secret.redact("abcdefghijk")).isEqualTo("…");
    assertThat(Secret.redact("1000.abcdefghijkl")).isEqualTo("1000.ab…kl");
    assertThat(Secret.redact("1000.abcdefghijk")).isEqualTo("1000.…");
  }

  @Test
  void aPrefixIsOneToFiveDigitsBeforeTheFirstDot() {
    assertThat(Secret.redact("1.abcdefghijkl")).isEqualTo("1.ab…kl");
    assertThat(Secret.redact("12345.abcdefghijkl")).isEqualTo("12345.ab…kl");
    assertThat(Secret.redact("123456.abcdefghijkl")).as("six digits are not a prefix").isEqualTo("12…kl");
    assertThat(Secret.redact(".abcdefghijkl")).as("a leading dot is not a prefix").isEqualTo(".a…kl");
    assertThat(Secret.redact("10a0.abcdefghijkl")).as("not all digits").isEqualTo("10…kl");
  }
}
