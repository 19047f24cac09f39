package dev.nanoka.core.sql;

import java.util.List;

/**
 * What one table rebuild of a rendered migration touches, as the renderer decided it: for a
 * reviewer, who should not have to read its hundred statements to learn which tables it moves.
 *
 * @param table the rebuilt table (its name after the migration)
 * @param dependents the tables whose rows are set aside and put back where foreign keys are
 *     enforced (always on D1), because they reference the table directly or through others
 * @param movedWhole the tables among {@code table} and {@code dependents} whose rows move in one
 *     statement each rather than in {@link RowBatches#STATEMENTS} bounded ones (a table that
 *     references itself, a rebuilt table whose INTEGER PRIMARY KEY comes from another column, …):
 *     such a statement's time grows with the table, and D1 limits a query to 30 seconds
 */
public record RebuildOutline(String table, List<String> dependents, List<String> movedWhole) {

  public RebuildOutline {
    dependents = List.copyOf(dependents);
    movedWhole = List.copyOf(movedWhole);
  }
}
