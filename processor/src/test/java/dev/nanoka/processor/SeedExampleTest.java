package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;
import static dev.nanoka.processor.SchemaCompiler.withoutHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Generated Drizzle Schema Example": a User model with typical fields gives exactly
 * the schema.ts the Nanoka documentation shows.
 */
class SeedExampleTest {

  /** The Java form of the seed's User model. */
  static final String USER = """
      package com.example;

      import dev.nanoka.Field;
      import dev.nanoka.Model;
      import java.time.Instant;

      @Model("users")
      public record User(
          @Field(primaryKey = true) String id,
          @Field(unique = true) String email,
          String name,
          String passwordHash,
          Instant createdAt) {}
      """;

  /** The seed's text, character for character as the documentation page renders it. */
  private static final String SEED_AS_SCRAPED = """
      import { integer, text, sqliteTable } from 'drizzle-orm/sqlite-core'
      export const users = sqliteTable('users', {
      id: text('id').primaryKey().notNull(),
      email: text('email').notNull().unique(),
      name: text('name').notNull(),
      passwordHash: text('passwordHash').notNull(),
      createdAt: integer('createdAt', { mode: 'timestamp_ms' }).notNull(),
      })
      """;

  /**
   * The same file with the layout the copy above lost (the page drops indentation and blank
   * lines): two-space indent, a blank line between imports and tables.
   */
  private static final String EXPECTED = """
      import { integer, text, sqliteTable } from 'drizzle-orm/sqlite-core'

      export const users = sqliteTable('users', {
        id: text('id').primaryKey().notNull(),
        email: text('email').notNull().unique(),
        name: text('name').notNull(),
        passwordHash: text('passwordHash').notNull(),
        createdAt: integer('createdAt', { mode: 'timestamp_ms' }).notNull(),
      })
      """;

  @Test
  void userModelGivesTheSeedSchema() {
    String schema = schemaOf(source("com.example.User", USER));

    assertEquals(EXPECTED, withoutHeader(schema));
  }

  @Test
  void expectedTextIsTheSeedWithItsLayout() {
    String flattened = EXPECTED.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n", "", "\n"));

    assertEquals(SEED_AS_SCRAPED, flattened);
  }
}
