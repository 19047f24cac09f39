package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.postgres.PgEvolutionFolder;
import dev.nanoka.runtime.postgres.PostgresDatabase;
import dev.nanoka.runtime.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tools, one schema: a database {@code drizzle-kit push} made from the processor's pg-core
 * schema.ts reads back (through the runtime's PostgreSQL introspection) exactly as the
 * processor's migrations replayed, so the runtime can baseline it and find no drift.
 */
@ExtendWith(PostgresExtension.class)
class PostgresKitPushAgreesTest {

  private static final Path GOLDEN =
      ItPaths.itTests().resolve("src/test/resources/golden/pg-evolution");

  @Test
  void whatDrizzleKitPushesIsWhatTheMigrationsMake(PostgresDatabase db) throws Exception {
    NodeTools.ensureInstalled();
    Path work = ItPaths.target().resolve("pg-kit-push-" + db.name());
    TestFiles.deleteRecursively(work);
    Files.createDirectories(work);
    Files.copy(GOLDEN.resolve("schema.ts"), work.resolve("schema.ts"));
    Path migrations = work.resolve("migrations");
    List<String> tags = PgEvolutionFolder.copy(migrations);
    Files.writeString(work.resolve("drizzle.config.ts"), "export default {\n"
        + "  dialect: 'postgresql', schema: './schema.ts',\n"
        + "  dbCredentials: { url: '" + db.nodeUrl() + "' },\n};\n");

    CommandResult push = NodeTools.drizzleKit(work, work.resolve("push.log"), "push",
        "--config", "drizzle.config.ts", "--force");
    assertTrue(push.succeeded(), push.describe());

    Migrator migrator = Migrator.forUrl(db.url()).source(MigrationSource.folder(migrations))
        .build();
    assertEquals(List.of(), migrator.diff(Migrator.Side.MIGRATIONS, Migrator.Side.DATABASE));
    assertEquals(tags.stream().map(t -> t + ".sql").toList(), migrator.baseline(tags.size()));
    assertEquals(List.of(), migrator.drift());
    assertEquals(List.of(), migrator.migrate().applied());
    TestFiles.deleteRecursively(work);
  }
}
