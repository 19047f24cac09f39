package com.example.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.testing.MigrationTestHelper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 2 added users.displayName, and its migration was edited by hand to start it as
 * the user's name. This proves the edit on real rows, and that the schema is then exactly what
 * the models say.
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
}
