package dev.nanoka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Java form of {@code nanoka.config.ts}: which models make up one database schema. Put it on
 * any type or on a {@code package-info.java}:
 *
 * <pre>{@code
 * @Schema(models = {User.class, Post.class, Tag.class, PostTag.class})
 * package com.example.blog;
 * }</pre>
 *
 * <p>The list is authoritative. Tables appear in schema.ts in list order, and a model is read
 * through its class literal even when its source is not part of this compilation, so an IDE that
 * recompiles only the edited file still sees every table. Without any {@code @Schema}, the
 * {@code @Model} records being compiled form the schema: fine for {@code javac *.java}, wrong for
 * incremental IDE builds, where tables would seem to vanish.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Schema {

  /** The models of this schema, in the order their tables are written. */
  Class<?>[] models();

  /**
   * Where schema.ts is written. Empty uses the processor option {@code -Ananoka.schemaFile}
   * (older name {@code -Ananoka.output}). A relative path is resolved against the option
   * {@code -Ananoka.projectDir} when given, else against javac's working directory.
   */
  String output() default "";

  /**
   * The schema version, starting at 1. Migrations are cut per version: while you iterate, the
   * current version's migration ({@code NNNN_*.sql} with {@code NNNN = version - 1}) is
   * rewritten from the previous version's snapshot; raising the number starts the next one.
   * Earlier migrations are never touched.
   */
  int version() default 1;

  /**
   * The migrations folder (drizzle-kit's {@code out}). Empty uses the processor option
   * {@code -Ananoka.migrationsDir} (older name {@code -Ananoka.out}); relative paths resolve
   * like {@link #output()}.
   */
  String out() default "";

  /**
   * Whether migrations are written; {@code false} writes schema.ts only (for codegen-only or CI
   * diffing builds). The processor option {@code -Ananoka.migrate=false} turns them off for
   * every schema.
   */
  boolean migrate() default true;

  /**
   * The layout of the migrations folder: drizzle-kit 0.31's (the default) or 1.0's. {@code
   * DEFAULT} uses the processor option {@code -Ananoka.layout} ({@code drizzle-0.31} or
   * {@code drizzle-1}).
   */
  MigrationLayout layout() default MigrationLayout.DEFAULT;

  /**
   * Whether schema.ts declares the relations of Drizzle's relational queries
   * ({@code db.query.users.findMany({ with: { posts: true } })}), derived from the foreign keys:
   * {@code author: one(users, …)} where the key is, {@code posts: many(posts)} where it points.
   * {@code false} leaves them out, for projects that declare their own. The processor option
   * {@code -Ananoka.relations=false} leaves them out of every schema.
   */
  boolean relations() default true;

  /**
   * Tables of the previous version removed on purpose. Without this, a table that vanishes while
   * another appears is a compile error (was it renamed?); a table that only vanishes is dropped
   * with a warning.
   *
   * <pre>{@code @Schema(models = {...}, droppedTables = {"legacy_sessions"})}</pre>
   */
  String[] droppedTables() default {};

  /**
   * The database this schema is written for. {@link Dialect#POSTGRESQL} writes a pg-core
   * schema.ts and drizzle-kit's {@code postgresql} migrations folder from the same records.
   * Changing it on an existing schema is refused: start a new migrations folder.
   */
  Dialect dialect() default Dialect.SQLITE;
}
