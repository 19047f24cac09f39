package com.example.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.RollbackResult;
import dev.nanoka.testing.MigrationTestHelper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 2 added users.displayName, and its migration was edited by hand to start it as
 * the user's name. This proves the edit on real rows, and that the schema is then exactly what
 * the models say; and that the packaged down migration takes the database back to version 1
 * with its rows.
 */
class BlogMigrationTest {

  private final MigrationTestHelper migrations = MigrationTestHelper
      .of(MigrationSource.index(NanokaMigrations.INSTANCE))
      .withModels(NanokaSchema.INSTANCE);

  @TempDir Path dir;

  @Test
  void displayNameStartsAsTheName() throws Exception {
    Path db = dir.resolve("blog.db");
    try (Connection v1 = migrations.createDatabase(db, 1);
        Statement statement = v1.createStatement()) {
      statement.execute("INSERT INTO users (id, email, name, passwordHash, createdAt)"
          + " VALUES ('u1', 'ada@example.com', 'Ada', 'x', 0)");
    }
    try (Connection v2 = migrations.migrateAndValidate(db, 2);
        Statement statement = v2.createStatement();
        ResultSet rows = statement.executeQuery("SELECT displayName FROM users")) {
      rows.next();
      assertEquals("Ada", rows.getString(1));
    }
  }

  /**
   * The build wrote down/0001_add_users_displayname.sql with a review line, since 0001 was
   * edited by hand; it was reviewed (the line replaced by a note) and ships with the app.
   */
  @Test
  void rollingBackToVersion1KeepsTheUsers() throws Exception {
    Path db = dir.resolve("blog.db");
    try (Connection v1 = migrations.createDatabase(db, 1);
        Statement statement = v1.createStatement()) {
      statement.execute("INSERT INTO users (id, email, name, passwordHash, createdAt)"
          + " VALUES ('u1', 'ada@example.com', 'Ada', 'x', 0)");
    }
    migrations.migrateAndValidate(db, 2).close();

    // displayName holds a value: dropping it is data loss, accepted here
    RollbackResult back = Migrator.forUrl("jdbc:sqlite:" + db)
        .source(MigrationSource.index(NanokaMigrations.INSTANCE))
        .acceptDataLoss(true)
        .build()
        .rollback(1);

    assertEquals(List.of("0001_add_users_displayname.sql"), back.rolledBack());
    try (Connection v1 = migrations.migrateAndValidate(db, 1);
        Statement statement = v1.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM users")) {
      rows.next();
      assertEquals("Ada", rows.getString(1));
    }
  }
}
