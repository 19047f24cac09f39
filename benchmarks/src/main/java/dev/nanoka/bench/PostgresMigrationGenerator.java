package dev.nanoka.bench;

import dev.nanoka.bench.MigrationGenerator.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MigrationGenerator}'s growing application written as drizzle-kit 0.31 writes PostgreSQL
 * migrations: new tables (bigserial key, a unique constraint, a foreign key added after the
 * table, btree indexes), added columns, seed rows, index changes, and in-place column changes
 * where SQLite rebuilds the table ({@code SET DATA TYPE} rewrites it with its rows). Every file
 * needs a journal entry on PostgreSQL (the history records its {@code when}), so the folder gets
 * a {@code meta/_journal.json}. Deterministic: the same {@code n} gives the same bytes.
 */
public final class PostgresMigrationGenerator {

  /** The first journal {@code when}; each file's is a second later. */
  static final long FIRST_WHEN = 1_700_000_000_000L;

  private final Map<String, List<String>> tables = new LinkedHashMap<>(); // table → columns

  private PostgresMigrationGenerator() {}

  /** The {@code n} migrations in order. */
  public static List<Script> generate(int n) {
    PostgresMigrationGenerator generator = new PostgresMigrationGenerator();
    List<Script> scripts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      scripts.add(generator.next(i));
    }
    return scripts;
  }

  /** {@code NNNN_<name>.sql} files and {@code meta/_journal.json} in {@code dir} (created). */
  public static void writeDrizzleFolder(List<Script> scripts, Path dir) throws IOException {
    MigrationGenerator.writeDrizzleFolder(scripts, dir);
    Files.createDirectories(dir.resolve("meta"));
    Files.writeString(dir.resolve("meta/_journal.json"), journal(scripts),
        StandardCharsets.UTF_8);
  }

  /** drizzle-kit's journal for the files, dialect postgresql. */
  public static String journal(List<Script> scripts) {
    StringBuilder json = new StringBuilder("{\n  \"version\": \"7\",\n  \"dialect\":"
        + " \"postgresql\",\n  \"entries\": [");
    for (int i = 0; i < scripts.size(); i++) {
      String tag = MigrationGenerator.drizzleName(i, scripts.get(i));
      json.append(i == 0 ? "\n" : ",\n").append("    {\n      \"idx\": ").append(i)
          .append(",\n      \"version\": \"7\",\n      \"when\": ").append(FIRST_WHEN + i * 1000L)
          .append(",\n      \"tag\": \"").append(tag, 0, tag.length() - ".sql".length())
          .append("\",\n      \"breakpoints\": true\n    }");
    }
    return json.append("\n  ]\n}").toString();
  }

  /**
   * Every file, in order, as one script: what {@code psql -1 -f} runs in one transaction (the
   * breakpoint markers are SQL comments).
   */
  public static String concatenated(List<Script> scripts) {
    StringBuilder sql = new StringBuilder();
    for (Script script : scripts) {
      sql.append(script.sql()).append('\n');
    }
    return sql.toString();
  }

  private Script next(int i) {
    if (tables.size() < 2) {
      return createTable(i);
    }
    return switch (i % 10) {
      case 0, 3, 6 -> createTable(i);
      case 1, 4, 7 -> addColumns(i);
      case 2, 5 -> seed(i);
      case 8 -> indexes(i);
      default -> alterColumns(i);
    };
  }

  private static String name(int i) {
    return String.format("t%04d", i);
  }

  private String earlier(int i, int salt) {
    List<String> names = new ArrayList<>(tables.keySet());
    return names.get((int) ((i * 31L + salt * 17L) % names.size()));
  }

  /** drizzle-kit's separator: the marker right after each statement's semicolon. */
  private static String join(List<String> statements) {
    return String.join("--> statement-breakpoint\n", statements);
  }

  private Script createTable(int i) {
    String table = name(i);
    String parent = tables.isEmpty() ? null : earlier(i, 1);
    List<String> columns = new ArrayList<>(List.of("id", "name", "code", "quantity", "price",
        "active", "createdAt", "note"));
    StringBuilder ddl = new StringBuilder("CREATE TABLE \"" + table + "\" (\n"
        + "\t\"id\" bigserial PRIMARY KEY NOT NULL,\n"
        + "\t\"name\" text NOT NULL,\n"
        + "\t\"code\" text NOT NULL,\n"
        + "\t\"quantity\" integer DEFAULT 0 NOT NULL,\n"
        + "\t\"price\" double precision NOT NULL,\n"
        + "\t\"active\" boolean DEFAULT true NOT NULL,\n"
        + "\t\"createdAt\" timestamp with time zone DEFAULT now() NOT NULL,\n"
        + "\t\"note\" text,\n");
    if (parent != null) {
      columns.add("parentId");
      ddl.append("\t\"parentId\" bigint,\n");
    }
    ddl.append("\tCONSTRAINT \"").append(table).append("_code_unique\" UNIQUE(\"code\")\n);\n");
    List<String> statements = new ArrayList<>();
    statements.add(ddl.toString());
    if (parent != null) {
      statements.add("ALTER TABLE \"" + table + "\" ADD CONSTRAINT \"" + table + "_parentId_"
          + parent + "_id_fk\" FOREIGN KEY (\"parentId\") REFERENCES \"public\".\"" + parent
          + "\"(\"id\") ON DELETE cascade ON UPDATE no action;");
    }
    statements.add("CREATE INDEX \"" + table + "_name_createdAt_idx\" ON \"" + table
        + "\" USING btree (\"name\",\"createdAt\");");
    if (parent != null) {
      statements.add("CREATE INDEX \"" + table + "_parentId_idx\" ON \"" + table
          + "\" USING btree (\"parentId\");");
    }
    tables.put(table, columns);
    return new Script("create_" + table, join(statements));
  }

  private Script addColumns(int i) {
    String table = earlier(i, 2);
    String a = "extra" + i;
    String b = "flag" + i;
    tables.get(table).add(a);
    tables.get(table).add(b);
    return new Script("add_" + table + "_" + a, join(List.of(
        "ALTER TABLE \"" + table + "\" ADD COLUMN \"" + a + "\" text;",
        "ALTER TABLE \"" + table + "\" ADD COLUMN \"" + b + "\" boolean DEFAULT false NOT NULL;",
        "CREATE INDEX \"" + table + "_" + a + "_idx\" ON \"" + table + "\" USING btree (\"" + a
            + "\");")));
  }

  private Script seed(int i) {
    String table = earlier(i, 3);
    StringBuilder insert = new StringBuilder("INSERT INTO \"" + table
        + "\" (\"name\", \"code\", \"quantity\", \"price\", \"note\") VALUES\n");
    for (int row = 0; row < 20; row++) {
      insert.append(row == 0 ? "" : ",\n").append("\t('item ").append(row).append(" of ")
          .append(i).append("', 'c").append(i).append('-').append(row).append("', ").append(row)
          .append(", ").append(row).append(".5, 'it''s seed data')");
    }
    insert.append(';');
    return new Script("seed_" + table, join(List.of(insert.toString(),
        "UPDATE \"" + table + "\" SET \"quantity\" = \"quantity\" + 1 WHERE \"code\" LIKE 'c" + i
            + "-%';")));
  }

  private Script indexes(int i) {
    String table = earlier(i, 4);
    return new Script("index_" + table, join(List.of(
        "DROP INDEX IF EXISTS \"" + table + "_name_createdAt_idx\";",
        "CREATE INDEX \"" + table + "_price_" + i + "_idx\" ON \"" + table
            + "\" USING btree (\"price\",\"quantity\");")));
  }

  /**
   * What SQLite rebuilds a table for is an ALTER here: {@code price} becomes nullable, and
   * {@code quantity} widens to bigint (PostgreSQL rewrites the table and its indexes).
   */
  private Script alterColumns(int i) {
    String table = earlier(i, 5);
    return new Script("alter_" + table, join(List.of(
        "ALTER TABLE \"" + table + "\" ALTER COLUMN \"price\" DROP NOT NULL;",
        "ALTER TABLE \"" + table + "\" ALTER COLUMN \"quantity\" SET DATA TYPE bigint USING"
            + " \"quantity\"::bigint;")));
  }
}
