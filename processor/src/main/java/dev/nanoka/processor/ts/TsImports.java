package dev.nanoka.processor.ts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The names schema.ts imports, collected while the tables are rendered and written in one
 * fixed order: column builders alphabetically, then {@code sqliteTable}, then the helpers of the
 * third argument alphabetically, then types. {@code relations} (drizzle-orm 1.0:
 * {@code defineRelations}) and {@code sql} come from {@code drizzle-orm} itself, alphabetically
 * on a line of their own before.
 */
final class TsImports {

  /** Declaration order is output order. */
  enum Name {
    BLOB("blob"),
    INTEGER("integer"),
    NUMERIC("numeric"),
    REAL("real"),
    TEXT("text"),
    SQLITE_TABLE("sqliteTable"),
    FOREIGN_KEY("foreignKey"),
    INDEX("index"),
    PRIMARY_KEY("primaryKey"),
    UNIQUE_INDEX("uniqueIndex"),
    ANY_SQLITE_COLUMN("type AnySQLiteColumn");

    final String text;

    Name(String text) {
      this.text = text;
    }
  }

  private final Set<Name> sqliteCore = EnumSet.noneOf(Name.class);
  /** Names from {@code drizzle-orm/pg-core}, values first then types, each alphabetically. */
  private final Set<String> pgCore = new java.util.TreeSet<>(
      java.util.Comparator.comparing((String n) -> n.startsWith("type ")).thenComparing(n -> n));
  private boolean relations;
  /** The local name of {@code defineRelations}, null while unused. */
  private String defineRelations;
  private boolean sql;
  /** drizzle-orm 1.0: relations come from {@code defineRelations}. */
  private final boolean drizzle1;

  TsImports() {
    this(false);
  }

  TsImports(boolean drizzle1) {
    this.drizzle1 = drizzle1;
  }

  /** Uses a name from {@code drizzle-orm/pg-core}; returns it for inline use. */
  String usePg(String name) {
    pgCore.add(name);
    return name.replace("type ", "");
  }

  /** Uses a name from {@code drizzle-orm/sqlite-core}; returns it for inline use. */
  String use(Name name) {
    sqliteCore.add(name);
    return name.text.replace("type ", "");
  }

  /** Uses {@code relations} from {@code drizzle-orm}. */
  String useRelations() {
    relations = true;
    return "relations";
  }

  /**
   * Uses {@code defineRelations} from {@code drizzle-orm} (1.0's relational queries) under
   * {@code localName}, which differs only where a table's export has the name already.
   */
  String useDefineRelations(String localName) {
    defineRelations = localName.equals("defineRelations")
        ? localName : "defineRelations as " + localName;
    return localName;
  }

  /** Uses {@code sql} from {@code drizzle-orm}. */
  String useSql() {
    sql = true;
    return "sql";
  }

  /** The import lines, each ending in a newline. */
  String render() {
    StringBuilder out = new StringBuilder();
    if (drizzle1) {
      if (defineRelations != null || sql) {
        out.append("import { ").append(defineRelations != null && sql
            ? defineRelations + ", sql" : defineRelations != null ? defineRelations : "sql")
            .append(" } from 'drizzle-orm'\n");
      }
    } else if (relations || sql) {
      out.append("import { ")
          .append(relations && sql ? "relations, sql" : relations ? "relations" : "sql")
          .append(" } from 'drizzle-orm'\n");
    }
    if (!pgCore.isEmpty()) {
      return out.append("import { ").append(String.join(", ", pgCore))
          .append(" } from 'drizzle-orm/pg-core'\n").toString();
    }
    List<String> names = new ArrayList<>();
    sqliteCore.forEach(n -> names.add(n.text));
    out.append("import { ").append(String.join(", ", names))
        .append(" } from 'drizzle-orm/sqlite-core'\n");
    return out.toString();
  }
}
