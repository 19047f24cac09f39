package com.example.blog;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;

/**
 * Start-up of the blog application: bring the PostgreSQL database up to date before anything
 * else. The migrations come from the class path, listed by the {@code NanokaMigrations} class the
 * annotation processor generated next to {@code package-info.java}; the history is drizzle's own
 * {@code drizzle.__drizzle_migrations}, so {@code drizzle-kit migrate} and this agree on what is
 * applied.
 */
public final class App {

  private App() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0]
        : "jdbc:postgresql://localhost:5432/blog?user=blog&password=blog";
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.index(NanokaMigrations.INSTANCE))
        .migrate();
    System.out.println("Applied " + result.applied() + "; already applied " + result.upToDate()
        + "; adopted from drizzle-kit " + result.adopted());
  }
}
