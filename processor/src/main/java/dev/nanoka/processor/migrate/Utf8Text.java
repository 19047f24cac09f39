package dev.nanoka.processor.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file of the migrations folder as UTF-8, the encoding drizzle-kit, wrangler and the
 * runtime read it in. A file saved in another encoding (an editor's Latin-1) is refused with where
 * its first byte that is not UTF-8 is, rather than as "Input length = 1".
 */
final class Utf8Text {

  private Utf8Text() {}

  static String read(Path file) throws MigrationFolderException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationFolderException(file, "cannot be read: " + e.getMessage());
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new MigrationFolderException(file, notUtf8(bytes, in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static String notUtf8(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int value = bytes[offset] & 0xFF;
    return String.format("is not UTF-8 text: the byte 0x%02X at offset %d (line %d, byte %d of the"
        + " line) is not valid UTF-8%s. Save the file as UTF-8: drizzle-kit, wrangler and"
        + " Nanoka read migrations, journal and snapshots as UTF-8", value, offset, line,
        offset - lineStart + 1,
        value >= 0xA0 ? " (in Latin-1 it would be '" + (char) value + "')" : "");
  }
}
