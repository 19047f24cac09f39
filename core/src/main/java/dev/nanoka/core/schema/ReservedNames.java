package dev.nanoka.core.schema;

import java.util.Optional;

/**
 * Table and index names an application's schema must not use, because something else creates
 * tables under them in the same database: SQLite, Cloudflare D1, the migration tools' histories,
 * and the migrations' own table rebuilds. Tables and indexes share one namespace in SQLite, so
 * these hold for both. Names are compared as SQLite compares them: ignoring ASCII case.
 *
 * <p>The one list: the processor refuses models that use these names, the introspector leaves
 * the bookkeeping tables out of a database's schema, and the rebuilds take their prefixes from
 * here.
 *
 * <pre>{@code
 * ReservedNames.ownerOf("D1_Migrations")   // Optional[WRANGLER_HISTORY]
 * ReservedNames.ownerOf("posts")           // Optional.empty
 * }</pre>
 */
public final class ReservedNames {

  /** Who takes a name or a prefix, and why. */
  public enum Owner {
    /** SQLite's own tables and indexes ({@code sqlite_master}, {@code sqlite_autoindex_…}). */
    SQLITE("sqlite_", true, true),
    /** Cloudflare D1's own tables, e.g. {@code _cf_KV}. */
    CLOUDFLARE("_cf_", true, true),
    /** wrangler's history of applied migrations, which Nanoka's runtime shares. */
    WRANGLER_HISTORY("d1_migrations", false, true),
    /** Nanoka's runtime's checksums of applied migrations, beside wrangler's history. */
    NANOKA_CHECKSUMS("nanoka_migration_checksums", false, true),
    /** drizzle-orm's migrator's history. */
    DRIZZLE_HISTORY("__drizzle_migrations", false, true),
    /** A rebuilt table is created as {@code __new_<table>}, then renamed into place. */
    REBUILD_TABLE("__new_", true, false),
    /** A rebuild sets the rows of dependent tables aside in {@code __nanoka_keep_<table>}. */
    REBUILD_KEEP("__nanoka_keep_", true, false);

    private final String text;
    private final boolean prefix;
    private final boolean bookkeeping;

    Owner(String text, boolean prefix, boolean bookkeeping) {
      this.text = text;
      this.prefix = prefix;
      this.bookkeeping = bookkeeping;
    }

    /** The reserved name, or the prefix of the reserved names, in lower case. */
    public String text() {
      return text;
    }

    /** Whether {@link #text} is a prefix rather than a whole name. */
    public boolean prefix() {
      return prefix;
    }

    /**
     * Whether its tables stay in a database between migrations (and so are not part of the
     * application's schema); a rebuild's tables exist only while a migration runs.
     */
    public boolean bookkeeping() {
      return bookkeeping;
    }

    private boolean owns(String lowerCaseName) {
      return prefix ? lowerCaseName.startsWith(text) : lowerCaseName.equals(text);
    }
  }

  private ReservedNames() {}

  /** Who reserves this table or index name, if anyone. */
  public static Optional<Owner> ownerOf(String name) {
    String lower = asciiLowerCase(name);
    for (Owner owner : Owner.values()) {
      if (owner.owns(lower)) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }

  /** Whether a table in a database belongs to SQLite, Cloudflare or a migration tool. */
  public static boolean isBookkeeping(String table) {
    return ownerOf(table).map(Owner::bookkeeping).orElse(false);
  }

  /** The temporary name a rebuild creates a table under. */
  public static String rebuildTable(String table) {
    return Owner.REBUILD_TABLE.text + table;
  }

  /** The table a rebuild sets a dependent table's rows aside in. */
  public static String rebuildKeep(String table) {
    return Owner.REBUILD_KEEP.text + table;
  }

  /** SQLite folds only ASCII letters: {@code 'É'} and {@code 'é'} are different names to it. */
  private static String asciiLowerCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }
}
