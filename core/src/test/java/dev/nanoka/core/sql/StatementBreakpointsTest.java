package dev.nanoka.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** drizzle-kit's file layout: how statements are joined and read back. */
class StatementBreakpointsTest {

  static final String CREATE = "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n";
  static final String INDEX = "CREATE INDEX `users_id_idx` ON `users` (`id`);";
  static final String ALTER = "ALTER TABLE `users` ADD `nickname` text;";

  @Test
  void createTableMarkerOnItsOwnLineOthersRightAfterTheSemicolon() {
    String file = StatementBreakpoints.join(List.of(MigrationStatement.of(CREATE),
        MigrationStatement.of(INDEX), MigrationStatement.of(ALTER),
        MigrationStatement.of(CREATE)));
    assertEquals("CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n"
        + "--> statement-breakpoint\n"
        + "CREATE INDEX `users_id_idx` ON `users` (`id`);--> statement-breakpoint\n"
        + "ALTER TABLE `users` ADD `nickname` text;--> statement-breakpoint\n"
        + "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n", file);
  }

  @Test
  void noTrailingNewlineAfterTheLastStatement() {
    assertEquals(ALTER, StatementBreakpoints.join(List.of(MigrationStatement.of(ALTER))));
    assertEquals(INDEX + "--> statement-breakpoint\n" + ALTER, StatementBreakpoints.join(
        List.of(MigrationStatement.of(INDEX), MigrationStatement.of(ALTER))));
    assertEquals("", StatementBreakpoints.join(List.of()));
  }

  @Test
  void commentsGoRightAboveTheirStatement() {
    MigrationStatement drop = new MigrationStatement("DROP TABLE `t`;",
        List.of("Data loss: drops table t and all its rows", "second"));
    assertEquals("-- Data loss: drops table t and all its rows\n-- second\nDROP TABLE `t`;",
        drop.text());
    assertEquals(ALTER + "--> statement-breakpoint\n"
        + "-- Data loss: drops table t and all its rows\n-- second\nDROP TABLE `t`;",
        StatementBreakpoints.join(List.of(MigrationStatement.of(ALTER), drop)));
  }

  @Test
  void splitReadsBackEachStatementTrimmed() {
    String file = StatementBreakpoints.join(List.of(MigrationStatement.of(CREATE),
        MigrationStatement.of(INDEX), new MigrationStatement(ALTER, List.of("why"))));
    assertEquals(List.of(CREATE.strip(), INDEX, "-- why\n" + ALTER),
        StatementBreakpoints.split(file));
  }

  @Test
  void splitSkipsEmptyChunks() {
    assertEquals(List.of(INDEX, ALTER), StatementBreakpoints.split(
        "\n" + INDEX + "--> statement-breakpoint\n\n--> statement-breakpoint\n" + ALTER
            + "--> statement-breakpoint\n"));
    assertEquals(List.of(), StatementBreakpoints.split(""));
  }

  @Test
  void splitOfADrizzleKitFile() {
    String file = DrizzleKitConformanceTest.resource("step0.sql");
    List<String> statements = StatementBreakpoints.split(file);
    assertEquals(7, statements.size());
    assertEquals("CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);",
        statements.get(6));
  }
}
