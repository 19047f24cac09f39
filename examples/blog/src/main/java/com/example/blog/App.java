package com.example.blog;

import dev.nanoka.runtime.MigrateResult;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;

/**
 * Start-up of the blog application: bring the database up to date before anything else. The
 * migrations come from the class path, listed by the {@code NanokaMigrations} class the
 * annotation processor generated next to {@code package-info.java}.
 */
public final class App {

  private App() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:sqlite:blog.db";
    MigrateResult result = Migrator.forUrl(url)
        .source(MigrationSource.index(NanokaMigrations.INSTANCE))
        .migrate();
    System.out.println("Applied " + result.applied() + "; already applied " + result.upToDate());
  }
}
