package io.github.zohokit.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a {@code @Coql} method's arguments are written into the statement. */
class CoqlLiteralsTest {

  @Test
  void textIsQuotedWithQuotesDoubledAsZohosCoqlFaqSays() {
    assertThat(CoqlLiterals.literal("name", "Sam")).isEqualTo("'Sam'");
    assertThat(CoqlLiterals.literal("name", "O'Brien")).isEqualTo("'O''Brien'");
    assertThat(CoqlLiterals.literal("name", "x' or Last_Name is not null or Email = 'y"))
        .isEqualTo("'x'' or Last_Name is not null or Email = ''y'");
    assertThatThrownBy(() -> CoqlLiterals.literal("name", "a\\' or 1=1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the COQL parameter :name contains a backslash");
  }

  @Test
  void numbersBooleansDatesAndListsHaveTheirOwnForms() {
    assertThat(CoqlLiterals.literal("n", 42)).isEqualTo("42");
    assertThat(CoqlLiterals.literal("n", new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(CoqlLiterals.literal("b", true)).isEqualTo("true");
    assertThat(CoqlLiterals.literal("d", LocalDate.of(2026, 12, 1))).isEqualTo("'2026-12-01'");
    assertThat(CoqlLiterals.literal("t", OffsetDateTime.of(2026, 12, 1, 9, 5, 7, 123, ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo("'2026-12-01T09:05:07+05:30'");
    assertThat(CoqlLiterals.literal("t", OffsetDateTime.of(2026, 12, 1, 9, 5, 7, 0, ZoneOffset.UTC)))
        .isEqualTo("'2026-12-01T09:05:07+00:00'");
    assertThat(CoqlLiterals.literal("ids", List.of("1", "O'B"))).isEqualTo("'1', 'O''B'");
    assertThat(CoqlLiterals.literal("ids", new long[] {1, 2})).isEqualTo("1, 2");
    assertThat(CoqlLiterals.body("select id from Leads")).isEqualTo(Map.of("select_query", "select id from Leads"));
  }

  @Test
  void nullsAndEmptyListsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> CoqlLiterals.literal("email", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the COQL parameter :email is null; COQL has no null literal to compare with: write 'is null' "
            + "in the statement instead");
    assertThatThrownBy(() -> CoqlLiterals.literal("ids", List.of())).hasMessageContaining(":ids is an empty list");
    assertThatThrownBy(() -> CoqlLiterals.literal("ids", java.util.Arrays.asList("a", null)))
        .hasMessageContaining(":ids holds a null element");
  }
}
