package dev.nanoka.runtime.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Migration files as text. They are UTF-8 (drizzle-kit writes it, wrangler reads it); bytes
 * that are not are refused with the file, the offset and the line — the JDK's own message
 * ("Input length = 1") names none of them — and never replaced with U+FFFD and run.
 */
final class Utf8Text {

  private Utf8Text() {}

  /**
   * @param file names the bytes in the message, e.g. a path or a resource name
   * @throws IOException when the bytes are not UTF-8
   */
  static String decode(byte[] bytes, String file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes: one pass, no overflow.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      out.flip(); // what decoded before the bad byte: its lines are the file's
      throw new IOException(String.format("%s: not UTF-8: byte 0x%02X at offset %d (line %d)"
          + " is not part of a UTF-8 character. Save the file as UTF-8 (drizzle-kit writes"
          + " and wrangler reads UTF-8).", file, bytes[offset] & 0xff, offset,
          Lines.at(out, out.length())));
    }
    out.flip();
    return out.toString();
  }
}
