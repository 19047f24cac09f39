package dev.nanoka.runtime.push;

import java.sql.Connection;

/**
 * Fills a freshly reset database with development data. Implement it with a public no-argument
 * constructor and name the class with {@code nanoka reset --seed-class}.
 */
@FunctionalInterface
public interface Seeder {
  void seed(Connection connection) throws Exception;
}
