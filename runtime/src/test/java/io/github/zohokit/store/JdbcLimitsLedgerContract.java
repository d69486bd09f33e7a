package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.spi.LimitsLedger;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do for the governor's shared ledger; one subclass per database. */
abstract class JdbcLimitsLedgerContract {
  private static final Duration LEASE = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:20:00Z"));
  private String table;

  abstract DataSource dataSource();

  @BeforeEach
  void freshTables() {
    table = "zl_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  /** A ledger as one process of the fleet sees it: its own store object on the shared database. */
  private LimitsLedger process() {
    return JdbcTokenStore.builder(dataSource()).table(table).clock(clock).build().limitsLedger("org1");
  }

  @Test
  void aPoolHandsOutItsSizeInPermitsAcrossProcesses() {
    LimitsLedger a = process();
    LimitsLedger b = process();
    List<LimitsLedger.Permit> held = new ArrayList<>();
    Set<Integer> slots = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      LimitsLedger.Permit permit = (i % 2 == 0 ? a : b).tryAcquire("calls", 3, LEASE);
      assertThat(permit).isNotNull();
      held.add(permit);
      slots.add(permit.slot());
    }
    assertThat(slots).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(a.tryAcquire("calls", 3, LEASE)).isNull();
    assertThat(b.tryAcquire("calls", 3, LEASE)).isNull();
    assertThat(a.tryAcquire("heavy", 1, LEASE)).as("another pool is counted apart").isNotNull();

    b.release(held.get(0)); // a process may give back what another took only with its owner: here the same row
    assertThat(a.tryAcquire("calls", 3, LEASE)).isNotNull();
  }

  @Test
  void aDeadHoldersPermitsFreeWhenTheirLeaseEnds() {
    LimitsLedger dead = process();
    LimitsLedger.Permit first = dead.tryAcquire("calls", 2, LEASE);
    assertThat(dead.tryAcquire("calls", 2, LEASE)).isNotNull();
    LimitsLedger survivor = process();
    assertThat(survivor.tryAcquire("calls", 2, LEASE)).isNull();

    clock.advance(LEASE.plusMillis(1));
    assertThat(survivor.tryAcquire("calls", 2, LEASE)).isNotNull();
    assertThat(survivor.tryAcquire("calls", 2, LEASE)).isNotNull();

    dead.release(first); // late: the slot is the survivor's now, which keeps it
    assertThat(survivor.tryAcquire("calls", 2, LEASE)).isNull();
  }

  @Test
  void reservationsOfAllProcessesNeverPassTheCeiling() {
    LimitsLedger a = process();
    LimitsLedger b = process();
    long granted = 0;
    for (int i = 0; i < 20; i++) {
      granted += (i % 2 == 0 ? a : b).reserve(1, 4, 25, 100).granted();
    }
    assertThat(granted).isEqualTo(25);
    LimitsLedger.Grant refused = a.reserve(1, 1, 25, 100);
    assertThat(refused.granted()).isZero();
    assertThat(refused.spent()).isEqualTo(25);
    assertThat(refused.freesUpAt()).isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));

    clock.advance(Duration.ofHours(25));
    assertThat(b.reserve(5, 5, 25, 100).granted()).as("credits free up after Zoho's rolling 24 hours").isEqualTo(5);
  }

  @Test
  void whatZohoReportsRemainingCountsAsSpent() {
    LimitsLedger a = process();
    assertThat(a.reserve(10, 10, 90, 100).granted()).isEqualTo(10);
    process().reconcile(30, 100); // other integrations spent 60 more
    LimitsLedger.Grant grant = a.reserve(1, 100, 90, 100);
    assertThat(grant.granted()).isEqualTo(20);
    assertThat(grant.spent()).isEqualTo(90);
    assertThat(a.reserve(1, 1, 90, 100).granted()).isZero();
  }

  @Test
  void aCoolDownIsSharedAndOnlyEverExtended() {
    LimitsLedger a = process();
    LimitsLedger b = process();
    Instant until = clock.instant().plusSeconds(5);
    a.coolDown(until);
    a.coolDown(until.minusSeconds(3));
    assertThat(b.coolDownUntil()).isEqualTo(until);
    LimitsLedger.Permit permit = b.tryAcquire("calls", 1, LEASE);
    assertThat(permit).isNotNull();
  }
}
