package dev.nanoka.folder;

import dev.nanoka.core.text.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file of the migrations folder as UTF-8, through the core's one decoder. */
final class FolderText {

  private FolderText() {}

  static String read(Path file) throws MigrationFolderException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationFolderException(file, "cannot be read: " + e.getMessage());
    }
    try {
      return Utf8Text.decode(bytes, file.toString());
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new MigrationFolderException(file, "is " + e.problem());
    }
  }
}
