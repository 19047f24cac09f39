package dev.nanoka.core.sql;

/**
 * The databases Nanoka writes SQL for. The schema IR and the differ are shared; what a dialect
 * changes is how columns are typed ({@link dev.nanoka.core.schema.LogicalType.Native} for
 * PostgreSQL) and which {@link MigrationRenderer} says the changes.
 */
public enum SqlDialect {
  SQLITE,
  POSTGRESQL;

  /** The dialect as drizzle-kit's journal and snapshots name it. */
  public String drizzleName() {
    return this == SQLITE ? "sqlite" : "postgresql";
  }

  /** The renderer for this dialect's migrations. */
  public MigrationRenderer renderer() {
    return this == SQLITE
        ? (diff, to) -> SqliteMigrationRenderer.render(diff)
        : dev.nanoka.core.sql.postgres.PostgresMigrationRenderer::render;
  }
}
