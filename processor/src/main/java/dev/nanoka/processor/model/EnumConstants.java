package dev.nanoka.processor.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The constants of an enum in declaration order, the order schema.ts lists them in. javac gives
 * them in that order whether the enum is compiled from source or read from a class file. ecj
 * sorts the fields of a type read from a class file by name, so an enum of another module, or one
 * an IDE did not recompile, would come out in another order than in a full build; for such an
 * enum the order is read from its class file, which keeps the fields in declaration order.
 */
final class EnumConstants {

  private static final int ACC_ENUM = 0x4000;

  private EnumConstants() {}

  /** The names of the enum's constants in declaration order. */
  static List<String> of(TypeElement enumType) {
    List<String> names = new ArrayList<>();
    for (var e : enumType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(e.getSimpleName().toString());
      }
    }
    Optional<List<String>> declared = fromEcjClassFile(enumType);
    if (declared.isPresent() && declared.get().containsAll(names)) {
      names.sort(Comparator.comparingInt(declared.get()::indexOf));
    }
    return names;
  }

  /**
   * Under ecj, for an enum read from a class file, the enum constants named in that file in their
   * order; empty otherwise, or when the file can't be read (the compiler's order then stands).
   * ecj's element holds its BinaryTypeBinding ({@code _binding}), whose public {@code path} is the
   * class file's URI, read by reflection as the processor does not depend on ecj.
   */
  private static Optional<List<String>> fromEcjClassFile(TypeElement enumType) {
    if (!enumType.getClass().getName().startsWith("org.eclipse.jdt.")) {
      return Optional.empty();
    }
    try {
      Object binding = enumType.getClass().getField("_binding").get(enumType);
      Object path = binding.getClass().getField("path").get(binding);
      URI uri = path instanceof URI u ? u
          : path instanceof char[] chars ? Path.of(new String(chars)).toUri() : null;
      if (uri == null) {
        return Optional.empty();
      }
      try (InputStream in = uri.toURL().openStream()) {
        return Optional.of(enumFields(new DataInputStream(new BufferedInputStream(in))));
      }
    } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
      return Optional.empty(); // compiled from source (no path), or not ecj as we know it
    }
  }

  /** The names of the fields flagged ACC_ENUM, in the order of the class file (JVMS 4.1). */
  static List<String> enumFields(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // a long or double takes two entries
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    List<String> names = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      int access = in.readUnsignedShort();
      String name = utf8[in.readUnsignedShort()];
      in.readUnsignedShort(); // descriptor
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.readUnsignedShort(); // name
        in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
      }
      if ((access & ACC_ENUM) != 0) {
        names.add(name);
      }
    }
    return names;
  }
}
