package io.github.zohokit.store;

import io.github.zohokit.spi.JdbcTransactions;
import io.github.zohokit.spi.LimitsLedger;
import io.github.zohokit.spi.TokenStoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One organisation's API-limit permits, credits and cool-down in the database of a {@link JdbcTokenStore}, shared by
 * every process using it. A permit is a row per slot, taken by a compare-and-set {@code UPDATE ... WHERE expires_at
 * < now} in its own short transaction, so a holder that dies frees it when its lease ends and no lock is held across
 * a call to Zoho. Credits are reserved under a lock on the organisation's state row ({@code SELECT ... FOR UPDATE}),
 * so reservations of all processes never pass the ceiling together.
 */
final class JdbcLimitsLedger implements LimitsLedger {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final Jdbc jdbc;
  private final String table;
  private final String permits;
  private final String credits;
  private final String state;
  private final String org;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();
  private final Set<String> readyPools = ConcurrentHashMap.newKeySet();
  private volatile boolean stateReady;

  JdbcLimitsLedger(Jdbc jdbc, String table, String org, Clock clock) {
    this.jdbc = jdbc;
    this.table = table;
    this.permits = table + "_permits";
    this.credits = table + "_credits";
    this.state = table + "_limits";
    this.org = org;
    this.clock = clock;
  }

  /**
   * One transaction: reads the free slots, tries to take one of them at random (compare-and-set on its expiry) and
   * reads the cool-down. It tries one slot only: a second attempt in the same transaction could wait for a row
   * another transaction holds while it holds one (a deadlock on MySQL/MariaDB); the governor asks again soon.
   */
  @Override
  public Permit tryAcquire(String pool, int size, Duration lease) {
    ensureSlots(pool, size);
    ensureState();
    String holder = owner + ":" + sequence.incrementAndGet();
    return run("take a permit", connection -> {
      long now = clock.millis();
      List<Integer> free = new ArrayList<>();
      try (PreparedStatement select = jdbc.prepare(connection, "SELECT slot FROM " + permits
          + " WHERE org = ? AND pool = ? AND slot < ? AND expires_at < ?")) {
        select.setString(1, org);
        select.setString(2, pool);
        select.setInt(3, size);
        select.setLong(4, now);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            free.add(rows.getInt(1));
          }
        }
      }
      if (free.isEmpty()) {
        return null;
      }
      int slot = free.get(ThreadLocalRandom.current().nextInt(free.size()));
      long expires = now + lease.toMillis();
      try (PreparedStatement update = jdbc.prepare(connection, "UPDATE " + permits + " SET owner = ?, "
          + "expires_at = ? WHERE org = ? AND pool = ? AND slot = ? AND expires_at < ?")) {
        update.setString(1, holder);
        update.setLong(2, expires);
        update.setString(3, org);
        update.setString(4, pool);
        update.setInt(5, slot);
        update.setLong(6, now);
        if (update.executeUpdate() != 1) {
          return null;
        }
      }
      return new Permit(pool, slot, holder, System.nanoTime(), expires, Instant.ofEpochMilli(coolUntil(connection)));
    });
  }

  @Override
  public void release(Permit permit) {
    run("give back a permit", connection -> {
      try (PreparedStatement update = jdbc.prepare(connection, "UPDATE " + permits + " SET owner = '', "
          + "expires_at = 0 WHERE org = ? AND pool = ? AND slot = ? AND owner = ?")) {
        update.setString(1, org);
        update.setString(2, permit.pool());
        update.setInt(3, permit.slot());
        update.setString(4, permit.owner());
        return update.executeUpdate();
      }
    });
  }

  @Override
  public Grant reserve(long min, long max, long ceiling, long daily) {
    ensureState();
    return run("reserve API credits", connection -> {
      long now = clock.millis();
      long reportedSpent;
      long reportedAt;
      long spentSince;
      try (PreparedStatement lock = jdbc.prepare(connection, "SELECT reported_spent, reported_at, spent_since FROM "
          + state + " WHERE org = ? FOR UPDATE")) {
        lock.setString(1, org);
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          reportedSpent = row.getLong(1);
          reportedAt = row.getLong(2);
          spentSince = row.getLong(3);
        }
      }
      long windowSpent;
      long oldest;
      try (PreparedStatement sum = jdbc.prepare(connection, "SELECT COALESCE(SUM(used), 0), MIN(hour_start) FROM "
          + credits + " WHERE org = ? AND hour_start > ?")) {
        sum.setString(1, org);
        sum.setLong(2, now - DAY - HOUR);
        try (ResultSet row = sum.executeQuery()) {
          row.next();
          windowSpent = row.getLong(1);
          oldest = row.getLong(2);
          if (row.wasNull()) {
            oldest = -1;
          }
        }
      }
      long spent = windowSpent;
      if (reportedSpent >= 0 && now - reportedAt < DAY) {
        spent = Math.max(spent, reportedSpent + spentSince);
      }
      Instant freesUpAt = oldest < 0 ? null : Instant.ofEpochMilli(oldest + DAY + HOUR);
      long grant = Math.min(max, ceiling - spent);
      if (grant < min) {
        return new Grant(0, spent, freesUpAt);
      }
      long hour = now - now % HOUR;
      try (PreparedStatement add = jdbc.prepare(connection, "UPDATE " + credits
          + " SET used = used + ? WHERE org = ? AND hour_start = ?")) {
        add.setLong(1, grant);
        add.setString(2, org);
        add.setLong(3, hour);
        if (add.executeUpdate() == 0) {
          try (PreparedStatement insert = jdbc.prepare(connection, "INSERT INTO " + credits
              + " (org, hour_start, used) VALUES (?, ?, ?)")) {
            insert.setString(1, org);
            insert.setLong(2, hour);
            insert.setLong(3, grant);
            insert.executeUpdate();
          }
          try (PreparedStatement prune = jdbc.prepare(connection, "DELETE FROM " + credits
              + " WHERE org = ? AND hour_start < ?")) {
            prune.setString(1, org);
            prune.setLong(2, now - 2 * DAY);
            prune.executeUpdate();
          }
        }
      }
      try (PreparedStatement since = jdbc.prepare(connection, "UPDATE " + state
          + " SET spent_since = spent_since + ? WHERE org = ?")) {
        since.setLong(1, grant);
        since.setString(2, org);
        since.executeUpdate();
      }
      return new Grant(grant, spent + grant, freesUpAt == null ? Instant.ofEpochMilli(hour + DAY + HOUR)
          : freesUpAt);
    });
  }

  @Override
  public void reconcile(long remaining, long daily) {
    ensureState();
    run("record the credits Zoho reported", connection -> {
      try (PreparedStatement update = jdbc.prepare(connection, "UPDATE " + state
          + " SET reported_spent = ?, reported_at = ?, spent_since = 0 WHERE org = ?")) {
        update.setLong(1, Math.max(0, daily - remaining));
        update.setLong(2, clock.millis());
        update.setString(3, org);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public void coolDown(Instant until) {
    ensureState();
    run("share the cool-down", connection -> {
      try (PreparedStatement update = jdbc.prepare(connection, "UPDATE " + state
          + " SET cool_until = ? WHERE org = ? AND cool_until < ?")) {
        update.setLong(1, until.toEpochMilli());
        update.setString(2, org);
        update.setLong(3, until.toEpochMilli());
        return update.executeUpdate();
      }
    });
  }

  @Override
  public Instant coolDownUntil() {
    return Instant.ofEpochMilli(run("read the cool-down", this::coolUntil));
  }

  private long coolUntil(java.sql.Connection connection) throws SQLException {
    try (PreparedStatement select = jdbc.prepare(connection, "SELECT cool_until FROM " + state
        + " WHERE org = ?")) {
      select.setString(1, org);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /** The slot rows of {@code pool}, 0 to {@code size - 1}, inserted once per process when missing. */
  private void ensureSlots(String pool, int size) {
    if (readyPools.contains(pool + "/" + size)) {
      return;
    }
    Set<Integer> present = new HashSet<>();
    run("read the permit slots", connection -> {
      try (PreparedStatement select = jdbc.prepare(connection, "SELECT slot FROM " + permits
          + " WHERE org = ? AND pool = ?")) {
        select.setString(1, org);
        select.setString(2, pool);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            present.add(rows.getInt(1));
          }
        }
      }
      return null;
    });
    for (int slot = 0; slot < size; slot++) {
      if (!present.contains(slot)) {
        int s = slot;
        insertIgnoringDuplicate("INSERT INTO " + permits + " (org, pool, slot, owner, expires_at) VALUES (?, ?, ?, '', 0)",
            org, pool, s);
      }
    }
    readyPools.add(pool + "/" + size);
  }

  private void ensureState() {
    if (stateReady) {
      return;
    }
    insertIgnoringDuplicate("INSERT INTO " + state + " (org, reported_spent, reported_at, spent_since, cool_until) "
        + "VALUES (?, -1, 0, 0, 0)", org, null, null);
    stateReady = true;
  }

  private void insertIgnoringDuplicate(String sql, String org, String pool, Integer slot) {
    run("create the rows of the API limits", connection -> {
      try (PreparedStatement insert = jdbc.prepare(connection, sql)) {
        insert.setString(1, org);
        if (pool != null) {
          insert.setString(2, pool);
          insert.setInt(3, slot);
        }
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!Jdbc.isDuplicateKey(e)) {
          throw e;
        }
        connection.rollback(); // PostgreSQL aborts the transaction on the failed insert
      }
      return null;
    });
  }

  private <T> T run(String what, JdbcTransactions.Work<T> operation) {
    try {
      return jdbc.transaction(operation);
    } catch (SQLException e) {
      throw new TokenStoreException("The API limits in '" + table + "' could not " + what + ": " + e.getMessage()
          + " (SQLState " + e.getSQLState() + "). Check that the database is reachable and the user may use the "
          + "tables " + permits + ", " + credits + " and " + state, e);
    }
  }

  @Override
  public String toString() {
    return "the database of JDBC token store '" + table + "' (organization " + org + ")";
  }
}
