package io.github.zohokit.examples.sync;

import io.github.zohokit.sync.DeletedRecord;
import io.github.zohokit.sync.LiveIds;
import io.github.zohokit.sync.SyncBatch;
import io.github.zohokit.sync.SyncHandler;
import io.github.zohokit.sync.SyncRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One module's table: {@code id} (the key), {@code modified_time} (Zoho's, ISO 8601), {@code version_key}
 * ({@link SyncRecord#versionKey()}) and {@code data} (the copied fields as Zoho's JSON). Written through the batch's
 * connection, so the rows and the sync's cursor commit together.
 */
final class TableCopy implements SyncHandler {
  private final String name;
  private final List<String> fields;

  TableCopy(String name, List<String> fields) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("table name " + name + ": letters, digits and _ only");
    }
    this.name = name;
    this.fields = List.copyOf(fields);
  }

  String name() {
    return name;
  }

  /** Creates the table unless it exists; the JSON column's type is the database's large text type. */
  void create(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String text = product.contains("h2") ? "CLOB" : product.contains("postgres") ? "TEXT" : "LONGTEXT";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + name + " (id VARCHAR(40) PRIMARY KEY, modified_time VARCHAR(40) "
          + "NOT NULL, version_key VARCHAR(64) NOT NULL, data " + text + " NOT NULL)");
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + name)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void handle(SyncBatch batch) throws SQLException {
    Connection c = batch.connection();                  // the cursor's transaction: do not commit or close it
    try (PreparedStatement update = c.prepareStatement("UPDATE " + name
            + " SET modified_time = ?, version_key = ?, data = ? WHERE id = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO " + name
            + " (id, modified_time, version_key, data) VALUES (?, ?, ?, ?)");
        PreparedStatement delete = c.prepareStatement("DELETE FROM " + name + " WHERE id = ?")) {
      for (SyncRecord r : batch.upserts()) {
        String data = r.data().toString();
        update.setString(1, r.modifiedTime().toString());
        update.setString(2, r.versionKey());
        update.setString(3, data);
        update.setString(4, r.id());
        if (update.executeUpdate() == 0) {
          insert.setString(1, r.id());
          insert.setString(2, r.modifiedTime().toString());
          insert.setString(3, r.versionKey());
          insert.setString(4, data);
          insert.executeUpdate();
        }
      }
      for (DeletedRecord d : batch.deletes()) {
        delete.setString(1, d.id());
        delete.executeUpdate();
      }
      if (batch.reconciliation().isPresent()) {
        LiveIds live = batch.reconciliation().get();
        List<String> gone = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet ids = s.executeQuery("SELECT id FROM " + name)) {
          while (ids.next()) {
            if (!live.contains(ids.getString(1))) {
              gone.add(ids.getString(1));
            }
          }
        }
        for (String id : gone) {
          delete.setString(1, id);
          delete.executeUpdate();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "TableCopy[" + name + ", fields " + fields + "]";
  }
}
