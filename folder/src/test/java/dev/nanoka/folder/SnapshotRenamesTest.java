package dev.nanoka.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaChange;
import dev.nanoka.core.schema.DatabaseSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotRenamesTest {

  private static final Path FILE = Path.of("meta/0001_snapshot.json");
  private static final DatabaseSchema EMPTY = new DatabaseSchema(List.of());

  @Test
  void renamesAreWrittenAsDrizzleKitWritesThemAndReadBackAsHints() throws Exception {
    String text = SnapshotJson.write(EMPTY, Snapshot.NO_PREVIOUS, List.of(
        new SchemaChange.RenameTable("users", "Members"),
        new SchemaChange.RenameColumn("Members", "fullName", "display.name")));

    assertTrue(text.contains("\n  \"_meta\": {\n"
        + "    \"schemas\": {},\n"
        + "    \"tables\": {\n"
        + "      \"\\\"users\\\"\": \"\\\"Members\\\"\"\n"
        + "    },\n"
        + "    \"columns\": {\n"
        + "      \"\\\"Members\\\".\\\"fullName\\\"\": "
        + "\"\\\"Members\\\".\\\"display.name\\\"\"\n"
        + "    }\n"
        + "  },\n"), text);
    RenameHints hints = SnapshotRenames.read(FILE, text);
    assertEquals(Map.of("members", "users"), hints.tables());
    assertEquals(Map.of("members", Map.of("display.name", "fullName")), hints.columns());
  }

  @Test
  void noRenamesLeaveMetaAsBefore() throws Exception {
    String text = SnapshotJson.write(EMPTY, Snapshot.NO_PREVIOUS, List.of());

    assertEquals(SnapshotJson.write(EMPTY, Snapshot.NO_PREVIOUS), text);
    assertTrue(text.contains("\"_meta\": {\n    \"schemas\": {},\n    \"tables\": {},\n"
        + "    \"columns\": {}\n  },"), text);
    assertEquals(RenameHints.NONE, SnapshotRenames.read(FILE, text));
  }

  @Test
  void aSnapshotWithoutMetaHasNoRenames() throws Exception {
    assertEquals(RenameHints.NONE, SnapshotRenames.read(FILE, "{\"version\": \"6\"}"));
  }

  @Test
  void aMalformedRenameNamesTheFile() {
    MigrationFolderException e = assertThrows(MigrationFolderException.class,
        () -> SnapshotRenames.read(FILE, "{\"_meta\": {\"columns\": {\"users.a\": \"users.b\"}}}"));
    assertEquals(FILE, e.file());
    assertTrue(e.getMessage().contains("\"users\".\"email\""), e.getMessage());
    assertThrows(MigrationFolderException.class, () -> SnapshotRenames.read(FILE, "[1]"));
    assertThrows(MigrationFolderException.class, () -> SnapshotRenames.read(FILE, "{\"_meta\""));
  }
}
