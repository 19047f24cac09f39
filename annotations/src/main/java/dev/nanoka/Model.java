package dev.nanoka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a database table. Every record component becomes a column; {@link Field}
 * refines a column, {@link Index} adds indexes.
 *
 * <pre>{@code
 * @Model("users")
 * public record User(@Field(primaryKey = true) String id,
 *                    @Field(unique = true) String email,
 *                    String name,
 *                    Instant createdAt) {}
 * }</pre>
 *
 * <p>Without a {@link #value()}, the table name is derived from the record's simple name: split
 * at camel-case humps, joined by {@code _}, lower-cased, and the last word made plural by the
 * plain English rules ({@code User} → {@code users}, {@code BlogPost} → {@code blog_posts},
 * {@code Category} → {@code categories}, {@code Address} → {@code addresses}). Irregular plurals
 * are not guessed: name the table explicitly when the rule reads wrong.
 *
 * <p>Retention is {@code CLASS} so that a model compiled earlier (another module, a jar) is still
 * readable when a {@link Schema} lists it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {

  /** The table name; empty derives it from the record name (see the class documentation). */
  String value() default "";

  /**
   * A composite primary key, as record component names in key order, e.g.
   * {@code @Model(value = "post_tags", primaryKey = {"postId", "tagId"})}. Leave empty when one
   * component carries {@code @Field(primaryKey = true)}.
   */
  String[] primaryKey() default {};

  /**
   * The table's previous name, when it was renamed: the migration renames the table (keeping its
   * rows) instead of dropping one table and creating another. Ignored once the old name is no
   * longer in the previous version's schema, so it can stay.
   *
   * <pre>{@code @Model(value = "members", renamedFrom = "users")}</pre>
   */
  String renamedFrom() default "";

  /**
   * Columns of the previous version removed on purpose, by their old column names. Without this,
   * a column that vanishes while another appears is a compile error (was it renamed?); a column
   * that only vanishes is dropped with a warning.
   *
   * <pre>{@code @Model(value = "users", droppedColumns = {"legacyId"})}</pre>
   */
  String[] droppedColumns() default {};
}
