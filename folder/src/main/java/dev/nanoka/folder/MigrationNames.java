package dev.nanoka.folder;

import dev.nanoka.core.diff.SchemaChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Descriptive, deterministic migration names: what the migration does, e.g.
 * {@code 0001_add_users_nickname} or {@code 0000_create_users_posts_and_more}.
 */
public final class MigrationNames {

  private static final int MAX_LENGTH = 40;

  private MigrationNames() {}

  public static String tag(int idx, List<SchemaChange> changes) {
    Set<String> labels = new LinkedHashSet<>();
    List<String> creates = new ArrayList<>();
    Set<String> wholeTables = new LinkedHashSet<>(); // their indexes need no label of their own
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.CreateTable create) {
        creates.add(create.table().name());
        wholeTables.add(create.table().name());
      } else if (change instanceof SchemaChange.RebuildTable rebuild) {
        wholeTables.add(rebuild.to().name());
      }
    }
    if (!creates.isEmpty()) {
      labels.add("create_" + String.join("_", creates));
    }
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.CreateIndex create
          && wholeTables.contains(create.table())) {
        continue;
      }
      String label = label(change);
      if (label != null) {
        labels.add(label);
      }
    }
    if (labels.isEmpty()) {
      // a trigger only gets a name when nothing else changed: otherwise it is re-created along
      for (SchemaChange change : changes) {
        if (change instanceof SchemaChange.CreateTrigger create) {
          labels.add("on_update_" + create.trigger().table() + "_" + create.trigger().column());
        } else if (change instanceof SchemaChange.DropTrigger drop) {
          labels.add("drop_on_update_" + drop.trigger().table() + "_" + drop.trigger().column());
        }
      }
    }
    StringBuilder name = new StringBuilder();
    for (String label : labels) {
      String next = name.length() == 0 ? label : name + "_" + label;
      if (next.length() > MAX_LENGTH) {
        if (name.length() == 0) {
          name.append(cut(label));
        }
        name.append("_and_more");
        break;
      }
      name.setLength(0);
      name.append(next);
    }
    String text = name.length() == 0 ? "schema" : name.toString();
    return String.format("%04d_", idx) + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String cut(String label) {
    String cut = label.substring(0, Math.min(label.length(), MAX_LENGTH));
    int underscore = cut.lastIndexOf('_');
    return underscore > 0 ? cut.substring(0, underscore) : cut;
  }

  private static String label(SchemaChange change) {
    if (change instanceof SchemaChange.DropTable drop) {
      return "drop_" + drop.table().name();
    } else if (change instanceof SchemaChange.RenameTable rename) {
      return "rename_" + rename.from() + "_to_" + rename.to();
    } else if (change instanceof SchemaChange.AddColumn add) {
      return "add_" + add.table() + "_" + add.column().name();
    } else if (change instanceof SchemaChange.DropColumn drop) {
      return "drop_" + drop.table() + "_" + drop.column().name();
    } else if (change instanceof SchemaChange.RenameColumn rename) {
      return "rename_" + rename.table() + "_" + rename.from() + "_to_" + rename.to();
    } else if (change instanceof SchemaChange.RebuildTable rebuild) {
      return "alter_" + rebuild.to().name();
    } else if (change instanceof SchemaChange.CreateIndex create) {
      return "index_" + create.table();
    } else if (change instanceof SchemaChange.DropIndex drop) {
      return "drop_index_" + drop.index().name();
    }
    return null;
  }
}
