package dev.nanoka.review;

import dev.nanoka.core.text.Utf8Text;
import dev.nanoka.folder.MigrationFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether schema.ts is what the models generate. Line endings are not compared: a checkout
 * that turned them into {@code \r\n} (git's {@code autocrlf}) holds the same schema, and
 * TypeScript reads both.
 */
final class SchemaTsComparison {

  private SchemaTsComparison() {}

  static Optional<Finding> check(Path file, String expected) throws MigrationFolderException {
    if (!Files.isRegularFile(file)) {
      return Optional.of(Finding.at(CheckRule.SCHEMA_TS.id(), Severity.ERROR, file,
          "is missing, but the models generate a schema.ts. Run the build and commit it (or"
              + " point --schema-file at where the build writes it)"));
    }
    String actual;
    try {
      actual = Utf8Text.decode(Files.readAllBytes(file), file.toString());
    } catch (Utf8Text.NotUtf8Exception e) {
      return Optional.of(Finding.at(CheckRule.ENCODING.id(), Severity.ERROR, file, e.problem()));
    } catch (IOException e) {
      throw new MigrationFolderException(file, "cannot be read: " + e);
    }
    String[] want = expected.replace("\r\n", "\n").split("\n", -1);
    String[] have = actual.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < Math.max(want.length, have.length); i++) {
      String w = i < want.length ? want[i] : null;
      String h = i < have.length ? have[i] : null;
      if (w == null || !w.equals(h)) {
        return Optional.of(Finding.at(CheckRule.SCHEMA_TS.id(), Severity.ERROR, file, i + 1,
            "is not what the models generate: " + (h == null ? "the file ends here, the models"
                + " continue with `" + w + "`" : w == null ? "the models end before `" + h + "`"
                : "the models generate `" + w + "` here, the file has `" + h + "`")
                + ". Run the build and commit the regenerated schema.ts (it is generated:"
                + " change the Java records, not this file)"));
      }
    }
    return Optional.empty();
  }
}
