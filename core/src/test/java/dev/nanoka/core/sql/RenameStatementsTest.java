package dev.nanoka.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.sql.RenameStatements.ColumnRename;
import dev.nanoka.core.sql.RenameStatements.TableRename;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Renames read back from SQL, as generated and as people write them. */
class RenameStatementsTest {

  @Test
  void generatedRenames() {
    assertEquals(Optional.of(new TableRename("users", "people")),
        RenameStatements.parse("ALTER TABLE `users` RENAME TO `people`;"));
    assertEquals(Optional.of(new ColumnRename("users", "fullName", "displayName")),
        RenameStatements.parse("ALTER TABLE `users` RENAME COLUMN `fullName` TO `displayName`;"));
  }

  @Test
  void everyQuotingSqliteTakesWithWhiteSpaceAndCase() {
    assertEquals(Optional.of(new ColumnRename("or\"der", "a`b", "c d")),
        RenameStatements.parse("\n  alter table \"or\"\"der\"\n rename `a``b` to [c d]  "));
    assertEquals(Optional.of(new TableRename("t$1", "t_2")),
        RenameStatements.parse("ALTER TABLE t$1 RENAME TO t_2"));
  }

  @Test
  void aRebuildsLastStepIsNoRename() {
    TableRename rebuild = (TableRename) RenameStatements.parse(
        "ALTER TABLE `__new_users` RENAME TO `users`;").orElseThrow();
    assertTrue(rebuild.isRebuild());
    assertFalse(new TableRename("users", "people").isRebuild());
  }

  @Test
  void otherStatementsAreNone() {
    assertEquals(Optional.empty(), RenameStatements.parse("ALTER TABLE `users` ADD `x` text;"));
    assertEquals(Optional.empty(),
        RenameStatements.parse("UPDATE t SET note = 'ALTER TABLE a RENAME TO b';"));
    assertEquals(Optional.empty(), RenameStatements.parse(
        "ALTER TABLE a RENAME TO b; DROP TABLE c;"));
  }
}
