package dev.nanoka.core.testing;

import static dev.nanoka.core.schema.ForeignKey.Action.CASCADE;
import static dev.nanoka.core.testing.Schemas.edit;
import static dev.nanoka.core.testing.Schemas.integer;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.core.testing.Schemas.text;

import dev.nanoka.core.schema.DatabaseSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rebuild at scale, the case of issue 17: {@code authors} ← {@code books} (ON DELETE CASCADE)
 * ← {@code reviews} (ON DELETE CASCADE), and a new version that makes {@code authors.name}
 * nullable, which SQLite cannot ALTER: {@code authors} is rebuilt, and its two levels of
 * dependents hold most of the rows. {@code reviews} has a text key, so its rows are addressed by
 * row id, and {@code books} an INTEGER PRIMARY KEY. Rows are made by SQL ({@code WITH
 * RECURSIVE}), so a million of them cost no Java and run the same on SQLite and D1.
 *
 * <p>Used by core's {@code RebuildRowMovesTest}, the it-tests' {@code RebuildAtScaleTest} and
 * benchmark figure 6 (which is why it uses nothing of JUnit).
 */
public final class LibraryRebuild {

  private LibraryRebuild() {}

  public static DatabaseSchema before() {
    return schema(
        table("authors")
            .col(integer("id").pk().notNull())
            .col(text("name").notNull())
            .build(),
        table("books")
            .col(integer("id").pk().notNull())
            .col(integer("authorId").notNull())
            .col(text("title").notNull())
            .references("authorId", "authors", "id", CASCADE)
            .index("books_author_idx", "authorId")
            .build(),
        table("reviews")
            .col(text("code").pk().notNull())
            .col(integer("bookId").notNull())
            .col(integer("stars").notNull())
            .col(text("body"))
            .references("bookId", "books", "id", CASCADE)
            .index("reviews_book_idx", "bookId")
            .build());
  }

  /** {@code authors.name} nullable: a rebuild of {@code authors}. */
  public static DatabaseSchema after() {
    return edit(before(), "authors",
        t -> TableBuilder.of(t).replace("name", c -> c.notNull(false)).build());
  }

  /** How many authors there are for {@code rows} books (and as many reviews). */
  public static int authors(int rows) {
    return Math.max(1, rows / 5);
  }

  /**
   * The statements filling {@link #before()}: {@code rows} books and {@code rows} reviews (each
   * book one review, each author five books), every author referenced.
   */
  public static List<String> rows(int rows) {
    int authors = authors(rows);
    return List.of(
        "INSERT INTO authors (id, name) SELECT x, 'author ' || x FROM (" + series(authors)
            + ");",
        "INSERT INTO books (id, authorId, title) SELECT x, (x - 1) % " + authors
            + " + 1, 'book title ' || x FROM (" + series(rows) + ");",
        "INSERT INTO reviews (code, bookId, stars, body) SELECT 'r' || x, x, x % 5 + 1,"
            + " 'review ' || x FROM (" + series(rows) + ");");
  }

  /** Table → its row count, as {@link #rows} leaves them and the rebuild must keep them. */
  public static Map<String, Long> counts(int rows) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("authors", (long) authors(rows));
    counts.put("books", (long) rows);
    counts.put("reviews", (long) rows);
    return counts;
  }

  /** The creation of {@link #before()} and the rebuild, as migration files' text. */
  public static String createFile() {
    return Migrations.file(Schemas.EMPTY, before());
  }

  public static String rebuildFile() {
    return Migrations.file(before(), after());
  }

  private static String series(int count) {
    return "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < " + count
        + ") SELECT x FROM s";
  }
}
