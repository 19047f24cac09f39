package dev.nanoka.review;

import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.folder.ConflictMarkers;
import dev.nanoka.folder.MigrationFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the folder's files as text for a check, reporting what is wrong with a file as text (not
 * UTF-8, git conflict markers) once, so the rules after it only see files worth reading.
 */
final class FolderTexts {

  private final List<Finding> findings;
  private final Set<Path> conflicted = new HashSet<>();

  FolderTexts(List<Finding> findings) {
    this.findings = findings;
  }

  /**
   * The file's text; empty when it is not UTF-8 (reported). A text with conflict markers is
   * reported and still returned: the rules that parse it ask {@link #hasConflicts} first.
   *
   * @throws MigrationFolderException when the file cannot be read at all (permissions, I/O)
   */
  Optional<String> read(Path file) throws MigrationFolderException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationFolderException(file, "cannot be read: " + e);
    }
    String text;
    try {
      text = Utf8Text.decode(bytes, file.toString());
    } catch (Utf8Text.NotUtf8Exception e) {
      findings.add(Finding.at(CheckRule.ENCODING.id(), Severity.ERROR, file, e.problem()));
      return Optional.empty();
    }
    Optional<ConflictMarkers.Marker> marker = ConflictMarkers.first(text);
    if (marker.isPresent()) {
      conflicted.add(file);
      findings.add(Finding.at(CheckRule.CONFLICT_MARKER.id(), Severity.ERROR, file,
          marker.get().line(), "holds git conflict markers: a merge was committed unresolved"
              + " (the steps: [" + CheckRule.BRANCH_MERGE.id() + "])"));
    }
    return Optional.of(text);
  }

  boolean hasConflicts(Path file) {
    return conflicted.contains(file);
  }
}
