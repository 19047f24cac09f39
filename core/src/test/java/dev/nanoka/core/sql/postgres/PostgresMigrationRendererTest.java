package dev.nanoka.core.sql.postgres;

import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.sql.SqlDialect;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.core.testing.ColumnBuilder;
import dev.nanoka.core.testing.Hints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL migrations from the one differ: what SQLite rebuilds a table for comes out as
 * ALTERs, enums as types. Whole files compared, so order and spelling are pinned.
 */
class PostgresMigrationRendererTest {

  static final LogicalType INT = new LogicalType.Native("integer", new LogicalType.Int());
  static final LogicalType BIGINT = new LogicalType.Native("bigint", new LogicalType.Int());
  static final LogicalType SERIAL = new LogicalType.Native("serial", new LogicalType.Int());
  static final LogicalType TEXT = new LogicalType.Native("text", new LogicalType.Text());
  static final LogicalType UUID = new LogicalType.Native("uuid", new LogicalType.Text());

  static LogicalType status(String... values) {
    return new LogicalType.Native("status", new LogicalType.EnumText(List.of(values)));
  }

  static String render(DatabaseSchema from, DatabaseSchema to, RenameHints hints) {
    return StatementBreakpoints.join(
        SqlDialect.POSTGRESQL.renderer().render(SchemaDiffer.diff(from, to, hints), to));
  }

  static final DatabaseSchema V1 = schema(
      table("users").col(new ColumnBuilder("id", UUID).pk().notNull()
              .defaultTo(new ColumnDefault.Expression("gen_random_uuid()")))
          .col(new ColumnBuilder("email", TEXT).notNull().unique()).build(),
      table("posts").col(new ColumnBuilder("id", SERIAL).pk().notNull())
          .col(new ColumnBuilder("authorId", UUID).notNull())
          .col(new ColumnBuilder("status", status("draft", "published")).notNull()
              .defaultText("draft"))
          .col(new ColumnBuilder("views", INT))
          .references("authorId", "users", "id", Action.CASCADE)
          .index("posts_authorId_idx", "authorId").build());

  @Test
  void firstMigrationCreatesTypesTablesThenKeysAndIndexes() {
    assertEquals("""
        CREATE TYPE "public"."status" AS ENUM('draft', 'published');--> statement-breakpoint
        CREATE TABLE "users" (
        	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
        	"email" text NOT NULL,
        	CONSTRAINT "users_email_unique" UNIQUE("email")
        );
        --> statement-breakpoint
        CREATE TABLE "posts" (
        	"id" serial PRIMARY KEY NOT NULL,
        	"authorId" uuid NOT NULL,
        	"status" "status" DEFAULT 'draft' NOT NULL,
        	"views" integer
        );
        --> statement-breakpoint
        ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_users_id_fk" FOREIGN KEY ("authorId") \
        REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;\
        --> statement-breakpoint
        CREATE INDEX "posts_authorId_idx" ON "posts" USING btree ("authorId");""",
        render(schema(), V1, RenameHints.NONE));
  }

  @Test
  void whatSqliteRebuildsIsAlteredInPlace() {
    DatabaseSchema v2 = schema(V1.tables().get(0),
        table("posts").col(new ColumnBuilder("id", SERIAL).pk().notNull())
            .col(new ColumnBuilder("authorId", UUID).notNull())
            .col(new ColumnBuilder("status", status("draft", "published")).notNull()
                .defaultText("published"))
            .col(new ColumnBuilder("views", BIGINT).notNull().defaultNumber("0"))
            .references("authorId", "users", "id", Action.RESTRICT)
            .index("posts_authorId_idx", "authorId").build());
    assertEquals("""
        ALTER TABLE "posts" DROP CONSTRAINT "posts_authorId_users_id_fk";--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "status" SET DEFAULT 'published';--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "views" SET DATA TYPE bigint USING "views"::bigint;\
        --> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "views" SET DEFAULT 0;--> statement-breakpoint
        UPDATE "posts" SET "views" = 0 WHERE "views" IS NULL;--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "views" SET NOT NULL;--> statement-breakpoint
        ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_users_id_fk" FOREIGN KEY ("authorId") \
        REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;""",
        render(V1, v2, RenameHints.NONE).replaceAll("-- Data loss:[^\\n]*\\n", ""));
    // the nullability change is the differ's data loss, said above the table's first ALTER
    assertEquals(true, render(V1, v2, RenameHints.NONE).contains("-- Data loss: "));
  }

  @Test
  void enumValuesAddedInPlaceRemovedByRebuildingTheType() {
    DatabaseSchema added = SchemaEdit.enumValues(V1, status("draft", "review", "published"));
    assertEquals("""
        ALTER TYPE "public"."status" ADD VALUE 'review' BEFORE 'published';""",
        render(V1, added, RenameHints.NONE));
    DatabaseSchema removed = SchemaEdit.enumValues(V1, status("draft"));
    assertEquals("""
        -- Data loss: removes published from enum status; rows holding them make this migration fail
        ALTER TABLE "posts" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
        DROP TYPE "public"."status";--> statement-breakpoint
        CREATE TYPE "public"."status" AS ENUM('draft');--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "status" SET DATA TYPE "public"."status" \
        USING "status"::"public"."status";--> statement-breakpoint
        ALTER TABLE "posts" ALTER COLUMN "status" SET DEFAULT 'draft';""",
        render(V1, removed, RenameHints.NONE));
  }

  @Test
  void anAddedValueUsedAsDefaultRebuildsTheType() {
    // ADD VALUE then DEFAULT 'review' in one transaction: "unsafe use of new value"
    DatabaseSchema v2 = dev.nanoka.core.testing.Schemas.edit(V1, "posts",
        t -> dev.nanoka.core.testing.TableBuilder.of(t).replace("status",
            c -> c.type(status("review", "draft", "published")).defaultText("review")).build());
    String sql = render(V1, v2, RenameHints.NONE);
    assertEquals(false, sql.contains("ADD VALUE"), sql);
    assertEquals(true, sql.contains(
        "CREATE TYPE \"public\".\"status\" AS ENUM('review', 'draft', 'published');"), sql);
    assertEquals(true, sql.endsWith("ALTER TABLE \"posts\" ALTER COLUMN \"status\""
        + " SET DEFAULT 'review';"), sql);
  }

  @Test
  void renamesAndDropsAreDeclared() {
    DatabaseSchema v2 = schema(
        table("members").col(new ColumnBuilder("id", UUID).pk().notNull()
                .defaultTo(new ColumnDefault.Expression("gen_random_uuid()")))
            .col(new ColumnBuilder("mail", TEXT).notNull().unique()).build());
    RenameHints hints = new RenameHints(Map.of("members", "users"),
        Map.of("members", Map.of("mail", "email")), java.util.Set.of("posts"), Map.of());
    assertEquals("""
        ALTER TABLE "users" RENAME TO "members";--> statement-breakpoint
        ALTER TABLE "members" RENAME COLUMN "email" TO "mail";--> statement-breakpoint
        ALTER TABLE "members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";\
        --> statement-breakpoint
        ALTER TABLE "members" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
        -- Data loss: drops table posts and all its rows
        DROP TABLE "posts" CASCADE;--> statement-breakpoint
        DROP TYPE "public"."status";--> statement-breakpoint
        ALTER TABLE "members" ADD CONSTRAINT "members_mail_unique" UNIQUE("mail");""",
        render(V1, v2, hints));
  }

  @Test
  void renamesKeepConstraintNamesDrizzleKitDerives() {
    // PostgreSQL keeps constraint names through renames; the snapshot derives them anew, and a
    // later migration drops them by the snapshot's names
    DatabaseSchema v1 = schema(
        table("users").col(new ColumnBuilder("id", INT).pk().notNull()).build(),
        table("likes").col(new ColumnBuilder("userId", INT).notNull())
            .col(new ColumnBuilder("postId", INT).notNull()).primaryKey("userId", "postId")
            .references("userId", "users", "id", Action.CASCADE).build());
    DatabaseSchema v2 = schema(
        table("members").col(new ColumnBuilder("id", INT).pk().notNull()).build(),
        table("likes").col(new ColumnBuilder("memberId", INT).notNull())
            .col(new ColumnBuilder("postId", INT).notNull()).primaryKey("memberId", "postId")
            .references("memberId", "members", "id", Action.CASCADE).build());
    RenameHints hints = new RenameHints(Map.of("members", "users"),
        Map.of("likes", Map.of("memberId", "userId")), java.util.Set.of(), Map.of());
    assertEquals("""
        ALTER TABLE "users" RENAME TO "members";--> statement-breakpoint
        ALTER TABLE "likes" RENAME COLUMN "userId" TO "memberId";--> statement-breakpoint
        ALTER TABLE "members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";\
        --> statement-breakpoint
        ALTER TABLE "likes" RENAME CONSTRAINT "likes_userId_users_id_fk" \
        TO "likes_memberId_members_id_fk";--> statement-breakpoint
        ALTER TABLE "likes" RENAME CONSTRAINT "likes_userId_postId_pk" \
        TO "likes_memberId_postId_pk";""",
        render(v1, v2, hints));
    // the next change to that key drops it by the name the snapshot has
    DatabaseSchema v3 = schema(v2.tables().get(0),
        table("likes").col(new ColumnBuilder("memberId", INT).notNull())
            .col(new ColumnBuilder("postId", INT).notNull()).primaryKey("postId", "memberId")
            .references("memberId", "members", "id", Action.RESTRICT).build());
    String v3sql = render(v2, v3, RenameHints.NONE);
    assertEquals(true, v3sql.startsWith("""
        ALTER TABLE "likes" DROP CONSTRAINT "likes_memberId_members_id_fk";\
        --> statement-breakpoint
        """), v3sql);
    assertEquals(true, v3sql.contains(
        "ALTER TABLE \"likes\" DROP CONSTRAINT \"likes_memberId_postId_pk\";"), v3sql);
  }

  @Test
  void compositeKeyChangeDropsAndAddsTheConstraint() {
    DatabaseSchema v1 = schema(table("tags").col(new ColumnBuilder("a", INT).notNull())
        .col(new ColumnBuilder("b", INT).notNull()).primaryKey("a").build());
    DatabaseSchema v2 = schema(table("tags").col(new ColumnBuilder("a", INT).notNull())
        .col(new ColumnBuilder("b", INT).notNull()).primaryKey("a", "b").build());
    assertEquals("""
        ALTER TABLE "tags" DROP CONSTRAINT "tags_a_pk";--> statement-breakpoint
        ALTER TABLE "tags" ADD CONSTRAINT "tags_a_b_pk" PRIMARY KEY("a","b");""",
        render(v1, v2, RenameHints.NONE).replaceAll("-- Data loss:[^\\n]*\\n", ""));
  }

  @Test
  void narrowingIsTheDiffersDataLossWithPostgresFacts() {
    DatabaseSchema wide = schema(table("t").col(new ColumnBuilder("n", BIGINT)).build());
    DatabaseSchema narrow = schema(table("t").col(new ColumnBuilder("n", INT)).build());
    List<dev.nanoka.core.diff.DataLoss> losses =
        SchemaDiffer.diff(wide, narrow, RenameHints.NONE).losses();
    assertEquals(List.of(new dev.nanoka.core.diff.DataLoss.ValuesNarrowed("t", "n", "n",
        "bigint", "integer")), losses);
    assertEquals(dev.nanoka.core.diff.DataLoss.Effect.FAILS, losses.get(0).effect());
    assertEquals("-- Data loss: changes t.n from bigint to integer; the migration fails if a row"
        + " holds a value integer cannot take\nALTER TABLE \"t\" ALTER COLUMN \"n\" SET DATA"
        + " TYPE integer USING \"n\"::integer;", render(wide, narrow, RenameHints.NONE));
    // widening keeps every value: no loss
    assertEquals(List.of(), SchemaDiffer.diff(narrow, wide, RenameHints.NONE).losses());
  }

  @Test
  void postgresCastFacts() {
    record Case(String from, String to, boolean holds) {}
    for (Case c : List.of(
        new Case("integer", "bigint", true), new Case("bigint", "integer", false),
        new Case("serial", "bigint", true), new Case("smallint", "numeric(5, 0)", true),
        new Case("integer", "numeric(5, 0)", false), new Case("numeric(10, 2)", "numeric", true),
        new Case("numeric", "numeric(10, 2)", false),
        new Case("numeric(10, 2)", "numeric(12, 3)", true),
        new Case("numeric(10, 2)", "numeric(10, 3)", false),
        new Case("varchar(10)", "varchar(20)", true), new Case("varchar(20)", "varchar(10)", false),
        new Case("text", "varchar(10)", false), new Case("uuid", "varchar(36)", true),
        new Case("uuid", "text", true), new Case("text", "uuid", false),
        new Case("real", "double precision", true), new Case("double precision", "real", false),
        new Case("jsonb", "text", true), new Case("text", "jsonb", false))) {
      assertEquals(c.holds(), dev.nanoka.core.diff.NativeTypeConversion.holdsAll(c.from(), c.to()),
          c.toString());
    }
  }

  @Test
  void sqliteSeesNoChangeWhereTheNativeTypeDiffers() {
    // integer → bigint is one affinity to SQLite, a change to PostgreSQL
    DatabaseSchema a = schema(table("t").col(new ColumnBuilder("n", INT)).build());
    DatabaseSchema b = schema(table("t").col(new ColumnBuilder("n", BIGINT)).build());
    assertEquals(1, SchemaDiffer.diff(a, b, Hints.droppedTables()).changes().size());
  }

  /** Schema edits these tests share. */
  static final class SchemaEdit {
    static DatabaseSchema enumValues(DatabaseSchema schema, LogicalType type) {
      return dev.nanoka.core.testing.Schemas.edit(schema, "posts",
          t -> dev.nanoka.core.testing.TableBuilder.of(t)
              .replace("status", c -> c.type(type)).build());
    }
  }
}
