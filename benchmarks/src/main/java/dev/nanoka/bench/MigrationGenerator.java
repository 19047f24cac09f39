package dev.nanoka.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code n} migration files as drizzle-kit would (statements joined by
 * {@code --> statement-breakpoint}, no trailing newline), the history of a growing application:
 * new tables with a foreign key and indexes, added columns, seed rows, table rebuilds that keep
 * their rows, and index changes. Deterministic: the same {@code n} gives the same bytes.
 *
 * <p>The same SQL is written three ways: {@code NNNN_<name>.sql} (Nanoka, wrangler),
 * {@code V<n>__<name>.sql} (Flyway), and one script in one transaction (the sqlite3 floor).
 */
public final class MigrationGenerator {

  /** One migration: its name without number or extension, and its text. */
  public record Script(String name, String sql) {}

  private final Map<String, List<String>> tables = new LinkedHashMap<>(); // table → columns
  private final Map<String, String> parents = new LinkedHashMap<>(); // table → referenced table

  private MigrationGenerator() {}

  /** The {@code n} migrations in order. */
  public static List<Script> generate(int n) {
    MigrationGenerator generator = new MigrationGenerator();
    List<Script> scripts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      scripts.add(generator.next(i));
    }
    return scripts;
  }

  /** The drizzle-kit / wrangler / Nanoka name of migration {@code i}: {@code 0042_<name>.sql}. */
  public static String drizzleName(int i, Script script) {
    return String.format("%04d_%s.sql", i, script.name());
  }

  /** Flyway's name of migration {@code i}: {@code V43__<name>.sql}. */
  public static String flywayName(int i, Script script) {
    return "V" + (i + 1) + "__" + script.name() + ".sql";
  }

  /** Writes {@code NNNN_<name>.sql} files into {@code dir} (created). */
  public static void writeDrizzleFolder(List<Script> scripts, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < scripts.size(); i++) {
      Files.writeString(dir.resolve(drizzleName(i, scripts.get(i))), scripts.get(i).sql(),
          StandardCharsets.UTF_8);
    }
  }

  /** Writes {@code V<n>__<name>.sql} files into {@code dir} (created). */
  public static void writeFlywayFolder(List<Script> scripts, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < scripts.size(); i++) {
      Files.writeString(dir.resolve(flywayName(i, scripts.get(i))), scripts.get(i).sql(),
          StandardCharsets.UTF_8);
    }
  }

  /** Every file, in order, in one transaction: what the sqlite3 command-line tool runs. */
  public static String oneTransaction(List<Script> scripts) {
    StringBuilder sql = new StringBuilder("BEGIN;\n");
    for (Script script : scripts) {
      sql.append(script.sql()).append('\n');
    }
    return sql.append("COMMIT;\n").toString();
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
      default -> rebuild(i);
    };
  }

  private static String name(int i) {
    return String.format("t%04d", i);
  }

  /** An earlier table, picked deterministically. */
  private String earlier(int i, int salt) {
    List<String> names = new ArrayList<>(tables.keySet());
    return names.get((int) ((i * 31L + salt * 17L) % names.size()));
  }

  private static String join(List<String> statements) {
    return String.join("--> statement-breakpoint\n", statements);
  }

  private Script createTable(int i) {
    String table = name(i);
    String parent = tables.isEmpty() ? null : earlier(i, 1);
    List<String> columns = new ArrayList<>(List.of("id", "name", "code", "quantity", "price",
        "active", "createdAt", "note"));
    StringBuilder ddl = new StringBuilder("CREATE TABLE `" + table + "` (\n"
        + "\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n"
        + "\t`name` text NOT NULL,\n"
        + "\t`code` text NOT NULL,\n"
        + "\t`quantity` integer DEFAULT 0 NOT NULL,\n"
        + "\t`price` real NOT NULL,\n"
        + "\t`active` integer DEFAULT true NOT NULL,\n"
        + "\t`createdAt` integer DEFAULT (unixepoch()) NOT NULL,\n"
        + "\t`note` text");
    if (parent != null) {
      columns.add("parentId");
      ddl.append(",\n\t`parentId` integer,\n\tFOREIGN KEY (`parentId`) REFERENCES `").append(parent)
          .append("`(`id`) ON UPDATE no action ON DELETE cascade");
    }
    ddl.append("\n);\n");
    List<String> statements = new ArrayList<>();
    statements.add(ddl.toString());
    statements.add("CREATE UNIQUE INDEX `" + table + "_code_unique` ON `" + table + "` (`code`);");
    statements.add("CREATE INDEX `" + table + "_name_createdAt_idx` ON `" + table
        + "` (`name`,`createdAt`);");
    if (parent != null) {
      statements.add("CREATE INDEX `" + table + "_parentId_idx` ON `" + table + "` (`parentId`);");
    }
    tables.put(table, columns);
    if (parent != null) {
      parents.put(table, parent);
    }
    return new Script("create_" + table, join(statements));
  }

  private Script addColumns(int i) {
    String table = earlier(i, 2);
    String a = "extra" + i;
    String b = "flag" + i;
    tables.get(table).add(a);
    tables.get(table).add(b);
    return new Script("add_" + table + "_" + a, join(List.of(
        "ALTER TABLE `" + table + "` ADD `" + a + "` text;",
        "ALTER TABLE `" + table + "` ADD `" + b + "` integer DEFAULT false NOT NULL;",
        "CREATE INDEX `" + table + "_" + a + "_idx` ON `" + table + "` (`" + a + "`);")));
  }

  private Script seed(int i) {
    String table = earlier(i, 3);
    StringBuilder insert = new StringBuilder("INSERT INTO `" + table
        + "` (`name`, `code`, `quantity`, `price`, `note`) VALUES\n");
    for (int row = 0; row < 20; row++) {
      insert.append(row == 0 ? "" : ",\n").append("\t('item ").append(row).append(" of ")
          .append(i).append("', 'c").append(i).append('-').append(row).append("', ").append(row)
          .append(", ").append(row).append(".5, 'it''s seed data')");
    }
    insert.append(';');
    return new Script("seed_" + table, join(List.of(insert.toString(),
        "UPDATE `" + table + "` SET `quantity` = `quantity` + 1 WHERE `code` LIKE 'c" + i
            + "-%';")));
  }

  private Script indexes(int i) {
    String table = earlier(i, 4);
    return new Script("index_" + table, join(List.of(
        "DROP INDEX IF EXISTS `" + table + "_name_createdAt_idx`;",
        "CREATE INDEX `" + table + "_price_" + i + "_idx` ON `" + table + "` (`price`,`quantity`);")));
  }

  /** drizzle-kit's table rebuild (here: `price` becomes nullable), keeping every row. */
  private Script rebuild(int i) {
    String table = earlier(i, 5);
    List<String> columns = tables.get(table);
    String newTable = "__new_" + table;
    StringBuilder ddl = new StringBuilder("CREATE TABLE `" + newTable + "` (\n");
    for (String column : columns) {
      ddl.append('\t').append(columnDefinition(column)).append(",\n");
    }
    if (parents.containsKey(table)) {
      ddl.append("\tFOREIGN KEY (`parentId`) REFERENCES `").append(parents.get(table))
          .append("`(`id`) ON UPDATE no action ON DELETE cascade,\n");
    }
    ddl.setLength(ddl.length() - 2);
    ddl.append("\n);\n");
    String list = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
    List<String> statements = new ArrayList<>();
    statements.add(ddl.toString());
    statements.add("INSERT INTO `" + newTable + "`(" + list + ") SELECT " + list + " FROM `" + table
        + "`;");
    statements.add("DROP TABLE `" + table + "`;");
    statements.add("ALTER TABLE `" + newTable + "` RENAME TO `" + table + "`;");
    statements.add("CREATE UNIQUE INDEX `" + table + "_code_unique` ON `" + table + "` (`code`);");
    return new Script("rebuild_" + table, join(statements));
  }

  private static String columnDefinition(String column) {
    if (column.startsWith("extra")) {
      return "`" + column + "` text";
    }
    if (column.startsWith("flag")) {
      return "`" + column + "` integer DEFAULT false NOT NULL";
    }
    return switch (column) {
      case "id" -> "`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL";
      case "name" -> "`name` text NOT NULL";
      case "code" -> "`code` text NOT NULL";
      case "quantity" -> "`quantity` integer DEFAULT 0 NOT NULL";
      case "price" -> "`price` real";
      case "active" -> "`active` integer DEFAULT true NOT NULL";
      case "createdAt" ->
          "`createdAt` integer DEFAULT (unixepoch()) NOT NULL";
      case "note" -> "`note` text";
      case "parentId" -> "`parentId` integer";
      default -> throw new IllegalStateException(column);
    };
  }
}
