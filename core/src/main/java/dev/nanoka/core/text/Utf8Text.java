package dev.nanoka.core.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Migration files, journals and snapshots as text. They are UTF-8 (drizzle-kit writes it,
 * wrangler reads it); bytes that are not are refused with where they are — the JDK's own message
 * ("Input length = 1") says nowhere — and never replaced with U+FFFD and run. The processor and
 * the runtime both read through here.
 */
public final class Utf8Text {

  private Utf8Text() {}

  /** Bytes that are not UTF-8: {@link #problem()} says where, without the file's name. */
  public static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    NotUtf8Exception(String file, String problem) {
      super(file + ": " + problem);
      this.problem = problem;
    }

    /** e.g. "not UTF-8: byte 0xE9 at offset 38 (line 2) …". */
    public String problem() {
      return problem;
    }
  }

  /**
   * @param file names the bytes in the message, e.g. a path or a resource name
   * @throws NotUtf8Exception when the bytes are not UTF-8
   */
  public static String decode(byte[] bytes, String file) throws NotUtf8Exception {
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
      int value = bytes[offset] & 0xff;
      out.flip(); // what decoded before the bad byte: its lines are the file's
      throw new NotUtf8Exception(file, String.format("not UTF-8: byte 0x%02X at offset %d (line"
          + " %d) is not part of a UTF-8 character%s. Save the file as UTF-8 (drizzle-kit writes"
          + " and wrangler reads UTF-8).", value, offset, Lines.at(out, out.length()),
          value >= 0xA0 ? " (in Latin-1 it would be '" + (char) value + "')" : ""));
    }
    out.flip();
    return out.toString();
  }
}
