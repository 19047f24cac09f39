package dev.nanoka.core.diff;

import dev.nanoka.core.schema.DatabaseSchema;
import java.util.List;

/**
 * The result of comparing two schemas.
 *
 * @param changes the changes, grouped by kind in a stable order; the renderer orders statements
 * @param ambiguities vanished-and-appeared names the caller must have declared; when present,
 *     {@code changes} treats the vanished names as dropped and must not be applied
 * @param renamed the old schema with the renames applied: the state the other changes start from
 */
public record SchemaDiff(
    List<SchemaChange> changes, List<Ambiguity> ambiguities, DatabaseSchema renamed) {

  public SchemaDiff {
    changes = List.copyOf(changes);
    ambiguities = List.copyOf(ambiguities);
  }

  /** What the changes can do to existing rows, in the order of the changes. */
  public List<DataLoss> losses() {
    return changes.stream().flatMap(c -> c.dataLoss().stream()).toList();
  }

  public boolean isEmpty() {
    return changes.isEmpty() && ambiguities.isEmpty();
  }
}
