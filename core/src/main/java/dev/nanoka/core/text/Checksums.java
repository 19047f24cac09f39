package dev.nanoka.core.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File checksums that ignore line endings: a checkout that turned {@code \n} into
 * {@code \r\n} (git on Windows) does not make an applied migration look edited.
 */
public final class Checksums {

  private Checksums() {}

  /** SHA-256 in hex of the text with {@code \r\n} and lone {@code \r} made {@code \n}. */
  public static String of(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
