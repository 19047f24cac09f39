package dev.nanoka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refines the column of one record component of a {@link Model}. A component without
 * {@code @Field} is a {@code NOT NULL} column named like the component, typed by its Java type.
 *
 * <pre>{@code
 * @Model("posts")
 * public record Post(
 *     @Field(primaryKey = true, autoIncrement = true) long id,
 *     @Field(references = User.class, onDelete = ReferentialAction.CASCADE, index = true) String authorId,
 *     @Field(defaultValue = "DRAFT") Status status,
 *     @Field(nullable = true) String subtitle,
 *     @Field(json = true) Metadata metadata,
 *     @Field(defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

  /** The value of {@link #defaultValue()} that means "no default". */
  String NO_DEFAULT = "\u0000nanoka:no-default";

  /** The column name; empty keeps the component name as written (camelCase, as in Nanoka). */
  String name() default "";

  /** This column alone is the primary key. For a key of several columns use {@link Model#primaryKey()}. */
  boolean primaryKey() default false;

  /** {@code AUTOINCREMENT} on an integer primary key: ids are never reused. */
  boolean autoIncrement() default false;

  /** A unique index on this column alone, named {@code <table>_<column>_unique}. */
  boolean unique() default false;

  /**
   * The column accepts {@code NULL}. Columns are {@code NOT NULL} unless declared nullable, here
   * or with any annotation named {@code Nullable} (JSpecify, Jakarta, JetBrains…). Primitive
   * components can never be nullable.
   */
  boolean nullable() default false;

  /**
   * A literal default, written as the value's text: {@code "draft"} for a text column,
   * {@code "0"} for a number, {@code "true"} for a boolean, an enum constant's name for an enum,
   * an ISO-8601 instant ({@code "2024-01-01T00:00:00Z"}) for an {@code Instant}. A value that
   * does not fit the column is a compile error.
   */
  String defaultValue() default NO_DEFAULT;

  /** A default computed when the row is inserted; see {@link DefaultFunction}. */
  DefaultFunction defaultFunction() default DefaultFunction.NONE;

  /**
   * A value the column takes whenever its row is updated without setting it; only
   * {@link DefaultFunction#NOW} on an {@code Instant} column. Written twice, so every writer gets
   * it: {@code .$onUpdate(() => new Date())} in schema.ts for Drizzle's client, and an
   * {@code AFTER UPDATE} trigger {@code <table>_<column>_on_update} in the migration for
   * everything else (Java code, {@code wrangler d1 execute}, hand-written SQL). An UPDATE that
   * sets the column keeps the value it sets.
   *
   * <pre>{@code @Field(defaultFunction = NOW, onRowUpdate = NOW) Instant updatedAt}</pre>
   */
  DefaultFunction onRowUpdate() default DefaultFunction.NONE;

  /** Overrides the column type chosen from the Java type; see {@link ColumnType} for what fits. */
  ColumnType type() default ColumnType.AUTO;

  /**
   * Stores the component as JSON text. Required for records, {@code List}, {@code Set},
   * {@code Map} and arrays other than {@code byte[]}; the schema gets a TypeScript type generated
   * from the Java type: {@code text('address', { mode: 'json' }).$type<Address>()}.
   */
  boolean json() default false;

  /** A foreign key to another {@code @Model} of the schema; {@code void.class} means none. */
  Class<?> references() default void.class;

  /**
   * The component of {@link #references()} this column points at, by its Java name; empty means
   * the referenced model's primary key. The target must be its primary key or unique.
   */
  String referencesField() default "";

  /** What the database does to this row when the referenced row is deleted. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** What the database does to this row when the referenced key changes. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** A (non-unique) index on this column alone, named {@code <table>_<column>_idx}. */
  boolean index() default false;

  /**
   * The column's previous name, when it was renamed: the migration renames the column (keeping
   * its values). Ignored once the old name is gone from the previous version, so it can stay.
   *
   * <pre>{@code @Field(renamedFrom = "fullName") String displayName}</pre>
   */
  String renamedFrom() default "";

  /**
   * PostgreSQL only: a {@code String} column's maximum length in characters, written
   * {@code varchar(n)} instead of {@code text}. 0 means no limit. SQLite enforces no length and
   * ignores it.
   */
  int length() default 0;

  /**
   * PostgreSQL only: a {@code BigDecimal} column's total number of digits, written
   * {@code numeric(precision, scale)} instead of {@code numeric}. 0 means any. SQLite ignores it.
   */
  int precision() default 0;

  /** PostgreSQL only: digits after the decimal point, with {@link #precision()}. */
  int scale() default 0;
}
