package com.example.proto;

import dev.nanoka.runtime.Seeder;
import java.sql.Connection;
import java.sql.Statement;

/** Development data for {@code nanoka reset --seed-class com.example.proto.DevSeed}. */
public final class DevSeed implements Seeder {
  @Override
  public void seed(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO users (name, jobTitle) VALUES ('Eloise', 'Programmer')");
      statement.execute("INSERT INTO posts (title, description, content, authorId)"
          + " VALUES ('How to create a MySQL database', 'A how-to', 'Some content', 1)");
    }
  }
}
