package io.github.zohokit.token;

import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void zohoTokensRedactToPrefixAndTwoCharactersEachSide() {
    assertThat(Secret.of(REFRESH_TOKEN).toString()).isEqualTo("1000.5e…6f");
  }

  @Test
  void hexSecretsRedactToTwoCharactersEachSide() {
    assertThat(Secret.of(CLIENT_SECRET).toString()).isEqualTo("9f…9f");
  }

  @Test
  void shortSecretsShowNothing() {
    assertThat(Secret.of("abc").toString()).isEqualTo("…");
  }

  @Test
  void revealReturnsTheValue() {
    assertThat(Secret.of(REFRESH_TOKEN).reveal()).isEqualTo(REFRESH_TOKEN);
  }

  @Test
  void whitespaceIsRejectedWithoutShowingTheSecret() {
    assertThatThrownBy(() -> Secret.of(REFRESH_TOKEN + "\n"))
        .hasMessageContaining("whitespace")
        .hasMessageNotContaining(REFRESH_TOKEN);
  }

  @Test
  void equalityIsByValue() {
    assertThat(Secret.of(REFRESH_TOKEN)).isEqualTo(Secret.of(REFRESH_TOKEN)).isNotEqualTo(Secret.of(CLIENT_SECRET));
  }
}
