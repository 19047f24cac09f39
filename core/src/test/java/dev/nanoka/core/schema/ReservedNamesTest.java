package dev.nanoka.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.ReservedNames.Owner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservedNamesTest {

  @Test
  void ownersOfNamesAndPrefixesIgnoringAsciiCase() {
    assertEquals(Optional.of(Owner.SQLITE), ReservedNames.ownerOf("SQLite_sequence"));
    assertEquals(Optional.of(Owner.CLOUDFLARE), ReservedNames.ownerOf("_cf_KV"));
    assertEquals(Optional.of(Owner.WRANGLER_HISTORY), ReservedNames.ownerOf("D1_Migrations"));
    assertEquals(Optional.of(Owner.NANOKA_CHECKSUMS),
        ReservedNames.ownerOf("nanoka_migration_checksums"));
    assertEquals(Optional.of(Owner.DRIZZLE_HISTORY), ReservedNames.ownerOf("__drizzle_migrations"));
    assertEquals(Optional.of(Owner.REBUILD_TABLE), ReservedNames.ownerOf("__NEW_posts"));
    assertEquals(Optional.of(Owner.REBUILD_KEEP), ReservedNames.ownerOf("__nanoka_keep_posts"));
  }

  @Test
  void otherNamesAreFree() {
    for (String name : new String[] {"posts", "d1_migrations_2", "app_d1_migrations", "cf_users",
        "_cf", "__new", "new_posts", "drizzle_migrations", "sqlite"}) {
      assertEquals(Optional.empty(), ReservedNames.ownerOf(name), name);
    }
  }

  /** SQLite folds ASCII only; Java's lower case would also fold the Kelvin sign into "k". */
  @Test
  void onlyAsciiIsFolded() {
    assertEquals(Optional.empty(), ReservedNames.ownerOf("nanoka_migration_checksums"
        .replace('k', '\u212A')));
  }

  @Test
  void rebuildTablesAreReservedButNotBookkeeping() {
    assertTrue(ReservedNames.isBookkeeping("d1_migrations"));
    assertTrue(ReservedNames.isBookkeeping("_cf_METADATA"));
    assertFalse(ReservedNames.isBookkeeping(ReservedNames.rebuildTable("posts")));
    assertFalse(ReservedNames.isBookkeeping(ReservedNames.rebuildKeep("posts")));
    assertEquals("__new_posts", ReservedNames.rebuildTable("posts"));
    assertEquals("__nanoka_keep_posts", ReservedNames.rebuildKeep("posts"));
  }
}
