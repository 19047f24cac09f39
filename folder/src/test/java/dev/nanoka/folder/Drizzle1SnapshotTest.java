package dev.nanoka.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1.0 snapshots as drizzle-kit 1.0.0-rc.5-ab785fc's {@code up} wrote them from the blog
 * example's 0.31 folder (src/test/resources/drizzle1-up/blog, copied from its output; the
 * it-tests run {@code up} itself on every version of an evolving schema).
 */
class Drizzle1SnapshotTest {

  private static final Path EXAMPLE = Path.of("../examples/blog/drizzle/migrations");
  private static final Path UP = Path.of("src/test/resources/drizzle1-up/blog");

  @Test
  void convertsAsDrizzleKitUpDoes() throws Exception {
    List<String> folders = List.of("20231114221320_create_users_posts_tags_post_tags",
        "20231114221321_add_users_displayname");
    for (int idx = 0; idx < folders.size(); idx++) {
      Path v6 = EXAMPLE.resolve("meta").resolve(String.format("%04d_snapshot.json", idx));
      String expected = Files.readString(UP.resolve(folders.get(idx)).resolve("snapshot.json"));
      assertEquals(expected, Drizzle1Snapshot.fromV6(v6, Files.readString(v6)), folders.get(idx));
    }
  }

  @Test
  void namesFoldersAsUpDoes() throws Exception {
    Journal journal = Journal.read(EXAMPLE.resolve("meta/_journal.json"),
        Files.readString(EXAMPLE.resolve("meta/_journal.json")));
    for (Journal.Entry entry : journal.entries()) {
      String name = Drizzle1Folder.folderName(entry.when(), entry.tag());
      assertTrue(Files.isDirectory(UP.resolve(name)), name);
    }
    assertEquals(journal, Drizzle1Folder.journal(UP));
  }

  @Test
  void readsBackTheSchemaOf031() throws Exception {
    for (int idx = 0; idx < 2; idx++) {
      Path v6 = EXAMPLE.resolve("meta").resolve(String.format("%04d_snapshot.json", idx));
      String v7 = Drizzle1Snapshot.fromV6(v6, Files.readString(v6));
      Snapshot back = SnapshotJson.read(v6, Drizzle1Snapshot.toV6(v6, v7), true);
      Snapshot original = SnapshotJson.read(v6, Files.readString(v6), true);
      assertEquals(original.id(), back.id());
      assertEquals(original.prevId(), back.prevId());
      assertEquals(original.schema().orElseThrow().toString()
          .replaceAll("ColumnDefault\\.\\w+\\[\\w+=", "D["),
          back.schema().orElseThrow().toString()
          .replaceAll("ColumnDefault\\.\\w+\\[\\w+=", "D["));
    }
  }

  @Test
  void refusesAMergeMigrationWithSeveralParents() {
    String merge = "{\"dialect\":\"sqlite\",\"id\":\"c\",\"prevIds\":[\"a\",\"b\"],"
        + "\"version\":\"7\",\"ddl\":[],\"renames\":[]}";
    MigrationFolderException e = assertThrows(MigrationFolderException.class,
        () -> Drizzle1Snapshot.toV6(Path.of("x/snapshot.json"), merge));
    assertTrue(e.getMessage().contains("2 parents in prevIds [a, b]"), e.getMessage());
  }

  @Test
  void loadsTheFolderAsTheSameHistory() throws Exception {
    MigrationFolder v031 = MigrationFolder.load(EXAMPLE, 2);
    MigrationFolder v1 = MigrationFolder.load(UP, 2, MigrationLayout.DRIZZLE_1);
    assertEquals(v031.journal(), v1.journal());
    assertEquals(v031.snapshots().stream().map(Snapshot::id).toList(),
        v1.snapshots().stream().map(Snapshot::id).toList());
    assertEquals(Files.readString(EXAMPLE.resolve("0001_add_users_displayname.sql")),
        Files.readString(v1.sqlFile("0001_add_users_displayname")));
    MigrationFolderException wrong = assertThrows(MigrationFolderException.class,
        () -> MigrationFolder.load(UP, 2, MigrationLayout.DRIZZLE_0_31));
    assertTrue(wrong.getMessage().contains("drizzle-kit 1.0's layout"), wrong.getMessage());
    MigrationFolderException old = assertThrows(MigrationFolderException.class,
        () -> MigrationFolder.load(EXAMPLE, 2, MigrationLayout.DRIZZLE_1));
    assertTrue(old.getMessage().contains("drizzle-kit up"), old.getMessage());
  }
}
