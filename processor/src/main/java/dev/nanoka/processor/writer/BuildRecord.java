package dev.nanoka.processor.writer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What the last compile that wrote a schema's files left behind: a fingerprint of everything
 * those files are made from, and the size and modification time of each of them afterwards.
 * A compile that finds both unchanged knows its files are already what it would write, and
 * renders, plans and writes nothing, the way a build tool skips an up-to-date task: a compile
 * whose models did not change costs the reading of the models.
 *
 * <p>It is a resource in the class output, so a clean build starts without it, and only written
 * after a compile that wrote everything and reported nothing while planning (a warning about the
 * migration is repeated by every compile that plans it). Not used under Eclipse's IDE, whose
 * Filer regenerates everything anyway ({@link GeneratedClasses#keepsUnchanged}).
 *
 * @param fingerprint the hash of the inputs
 * @param stamps one line per output: {@code <size> <modified millis> <path>}
 */
public record BuildRecord(String fingerprint, List<String> stamps) {

  private static final String HEADER = "nanoka build record 1";

  public BuildRecord {
    stamps = List.copyOf(stamps);
  }

  /**
   * The record of the outputs as they are now, for the inputs of this fingerprint: the files and
   * folders (their files two levels down) in the project, and generated sources.
   */
  public static BuildRecord of(String fingerprint, List<Path> outputs, List<FileObject> sources)
      throws IOException {
    List<String> stamps = new ArrayList<>();
    for (Path file : outputs) {
      if (Files.isDirectory(file)) {
        try (Stream<Path> files = Files.walk(file, 2)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            stamps.add(stamp(f));
          }
        }
      } else {
        stamps.add(Files.isRegularFile(file) ? stamp(file) : "absent " + file);
      }
    }
    for (FileObject generated : sources) {
      stamps.add(generated.getLastModified() + " " + generated.toUri());
    }
    return new BuildRecord(fingerprint, stamps);
  }

  private static String stamp(Path file) throws IOException {
    return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + " " + file;
  }

  /** The hash of the texts, each ended by a line feed. */
  public static String fingerprint(List<String> inputs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String input : inputs) {
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The record the last compile left, if any (an unreadable one counts as none). */
  public static Optional<BuildRecord> read(Filer filer, String resource) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", resource);
      List<String> lines = file.getCharContent(true).toString().lines().toList();
      if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
        return Optional.empty();
      }
      return Optional.of(new BuildRecord(lines.get(1), lines.subList(2, lines.size())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public void write(Filer filer, String resource, Element origin) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(fingerprint).append('\n');
    stamps.forEach(s -> text.append(s).append('\n'));
    try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource,
        origin).openOutputStream()) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
