package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.compile;
import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles random, mostly wrong combinations of annotations, types, names and defaults. Errors
 * are expected; what must never happen is a processor failure. For every case:
 *
 * <ul>
 *   <li>no {@code [NanokaInternalError]} and no uncaught exception;
 *   <li>every error is a tagged Nanoka error (the generator writes valid Java), at a file and line;
 *   <li>a failed compile writes nothing, a successful one writes schema.ts;
 *   <li>every tenth case is compiled twice and must give the same diagnostics and files.
 * </ul>
 *
 * <p>Each case has its own seed, shown in its name: {@code -Dnanoka.fuzz.seed=<seed>
 * -Dnanoka.fuzz.cases=1} replays one case, {@code -Dnanoka.fuzz.print=true} prints its sources.
 */
class RandomModelsRobustnessTest {

  private static final long SEED = Long.getLong("nanoka.fuzz.seed", 0x6E616E6F6B61L);
  private static final int CASES = Integer.getInteger("nanoka.fuzz.cases", 300);
  private static final boolean PRINT = Boolean.getBoolean("nanoka.fuzz.print");

  private static final String[] TYPES = {
      "int", "Integer", "long", "Long", "short", "byte", "Byte", "double", "Float", "boolean",
      "Boolean", "String", "java.util.UUID", "java.time.Instant", "java.math.BigDecimal",
      "byte[]", "Color", "Empty", "Point", "java.util.List<String>",
      "java.util.Map<String, Integer>", "java.util.Map<Object, String>", "java.util.Set<Point>",
      "Object", "java.util.Date", "Pojo", "char", "String[]", "java.util.List<Pojo>",
      "java.util.Optional<String>", "java.util.List<java.util.Map<Color, Point[]>>",
      "@Nullable String", "@Nullable Integer", "@Nullable int", "Node",
  };
  private static final String[] COMPONENT_NAMES = {
      "id", "ID", "name", "Name", "email", "value", "authorId", "createdAt", "c0", "c1", "c2",
      "sqlite_x",
  };
  private static final String[] COLUMN_NAMES = {
      "", "x", "bad name", "sqlite_x", "1abc", "ID", "c0", "id", "name", "a-b", "_",
  };
  private static final String[] TABLE_NAMES = {
      "", "users", "Users", "sqlite_t", "bad name", "m0", "blog_posts", "blogPosts", "index",
      "crypto", "t1", "T1", "_", "9lives",
  };
  private static final String[] DEFAULTS = {
      "", "0", "1", "-1", "abc", "true", "false", "1.5", "2024-01-01T00:00:00Z",
      "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00.000001Z", "+1000000000-01-01T00:00:00Z",
      "RED", "BLUE", "123e4567-e89b-12d3-a456-426614174000", "99999999999999999999", "128",
      "-32769", "[]", "{}", "null", "'quoted'", "\\\"dq\\\"", "NaN", "1e400", " 1", "\\u0000",
      "\\n",
  };
  private static final String[] COLUMN_TYPES = {
      "AUTO", "TEXT", "INTEGER", "REAL", "NUMERIC", "BLOB", "TIMESTAMP", "TIMESTAMP_MS",
  };
  private static final String[] ACTIONS = {
      "NO_ACTION", "RESTRICT", "CASCADE", "SET_NULL", "SET_DEFAULT",
  };
  private static final String[] FUNCTIONS = {"NONE", "NOW", "RANDOM_UUID"};
  private static final String[] NON_MODEL_TARGETS = {
      "String.class", "long.class", "Point.class", "Pojo.class", "Color.class",
  };

  /** Types every case may use, in their own file. */
  private static final JavaFileObject SUPPORT = source("fuzz.Support", """
      package fuzz;

      import java.lang.annotation.*;

      final class Support {}

      @Target({ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
      @interface Nullable {}

      enum Color { RED, GREEN }

      enum Empty {}

      record Point(int x, @Nullable Integer y) {}

      record Node(String label, java.util.List<Node> children) {}

      class Pojo {
        int cents;
      }
      """);

  private static final Map<Compilation.Status, Integer> OUTCOMES =
      new ConcurrentHashMap<>();
  private static final Set<String> TAGS_SEEN = ConcurrentHashMap.newKeySet();

  /** A generator that only ever hits the first check would prove little. */
  @AfterAll
  static void theCasesWereVaried() {
    if (CASES < 300) {
      return;
    }
    int clean = OUTCOMES.getOrDefault(Compilation.Status.SUCCESS, 0);
    assertTrue(clean >= CASES / 20, "only " + clean + " clean compiles: " + OUTCOMES);
    assertTrue(TAGS_SEEN.size() >= 25, "only these diagnostics came up: " + TAGS_SEEN);
  }

  @TestFactory
  Stream<DynamicTest> randomModelsNeverBreakTheProcessor() {
    return IntStream.range(0, CASES).mapToObj(i -> {
      long seed = SEED + i;
      return DynamicTest.dynamicTest("case " + i + " (seed " + seed + ")", () -> check(seed, i));
    });
  }

  private static void check(long seed, int index) {
    Generator generator = new Generator(new Random(seed));
    List<JavaFileObject> sources = generator.sources();
    if (PRINT) {
      for (JavaFileObject file : sources) {
        try {
          System.out.println("// " + file.getName() + "\n" + file.getCharContent(true));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    JavaFileObject[] files = sources.toArray(JavaFileObject[]::new);
    Result result = compile(files); // fails on an internal error or a processor exception
    Compilation compilation = result.compilation();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String text = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR && !text.startsWith("[Nanoka")) {
        fail("the generator wrote invalid Java (seed " + seed + "): " + d);
      }
      if (text.startsWith("[Nanoka") && (d.getSource() == null || d.getLineNumber() < 1)) {
        fail("a Nanoka diagnostic without a source position (seed " + seed + "): " + text);
      }
    }
    OUTCOMES.merge(compilation.status(), 1, Integer::sum);
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String text = d.getMessage(Locale.ROOT);
      if (text.startsWith("[Nanoka")) {
        TAGS_SEEN.add(text.substring(0, text.indexOf(']') + 1));
      }
    }
    if (generator.chaos == 0) {
      assertEquals(Compilation.Status.SUCCESS, compilation.status(),
          "a valid schema did not compile (seed " + seed + "): " + compilation.diagnostics());
    }
    if (compilation.status() == Compilation.Status.FAILURE) {
      assertFalse(result.schemaWritten(), "files written despite errors (seed " + seed + ")");
    } else {
      assertTrue(result.schemaWritten(), "no schema.ts after a clean compile (seed " + seed + ")");
    }
    if (index % 10 == 0) {
      Result again = compile(files);
      assertEquals(describe(compilation), describe(again.compilation()),
          "a second compile reports differently (seed " + seed + ")");
      if (result.schemaWritten()) {
        assertEquals(result.schema(), again.schema(), "schema.ts differs (seed " + seed + ")");
      }
    }
  }

  private static List<String> describe(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName())
            + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " "
            + d.getMessage(Locale.ROOT).replaceAll("nanoka-error-test[0-9]+", "<dir>"))
        .toList();
  }

  /**
   * Writes the sources of one case. Each case has a chaos level: every choice is made from valid
   * building blocks, and replaced by a wild one with that probability. At chaos 0 the schema is
   * valid (the compile must succeed); at 1 almost everything is wrong.
   */
  private static final class Generator {

    private static final double[] CHAOS = {0, 0, 0.02, 0.05, 0.15, 0.4, 1};

    /** Valid columns: type, defaults that fit, whether JSON, extra @Field attributes. */
    private static final String[][] COLUMNS = {
        {"String", "abc|'quoted'|\\\"dq\\\"|", "", "unique = true|index = true"},
        {"int", "0|-1|128", "", "index = true"},
        {"Integer", "7", "", "nullable = true"},
        {"short", "-32768", "", ""},
        {"byte", "127", "", ""},
        {"long", "99", "", "type = ColumnType.INTEGER"},
        {"double", "1.5|1e10", "", ""},
        {"Float", "0", "", "type = ColumnType.REAL"},
        {"boolean", "true|false", "", ""},
        {"java.util.UUID", "123e4567-e89b-12d3-a456-426614174000", "",
            "defaultFunction = DefaultFunction.RANDOM_UUID|unique = true"},
        {"java.time.Instant", "2024-01-01T00:00:00Z", "",
            "defaultFunction = DefaultFunction.NOW|type = ColumnType.TIMESTAMP"},
        {"java.math.BigDecimal", "12.50", "", "type = ColumnType.NUMERIC"},
        {"byte[]", "", "", "nullable = true"},
        {"Color", "RED|GREEN", "", ""},
        {"@Nullable String", "", "", ""},
        {"Point", "", "json", ""},
        {"java.util.List<String>", "", "json", "nullable = true"},
        {"java.util.Map<String, Integer>", "", "json", ""},
        {"Node", "", "json", ""},
        {"java.util.List<java.util.Map<Color, Point[]>>", "", "json", ""},
        {"java.util.Optional<String>", "", "json", ""},
    };

    private final Random random;
    private final double chaos;
    private final List<String> modelNames = new ArrayList<>();

    Generator(Random random) {
      this.random = random;
      this.chaos = CHAOS[random.nextInt(CHAOS.length)];
    }

    /** Whether this choice goes wild. */
    private boolean wild() {
      return random.nextDouble() < chaos;
    }

    List<JavaFileObject> sources() {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        modelNames.add("M" + i);
      }
      List<JavaFileObject> sources = new ArrayList<>();
      sources.add(SUPPORT);
      boolean nestAll = random.nextInt(6) == 0;
      StringBuilder nested = new StringBuilder();
      for (int i = 0; i < count; i++) {
        String body = model(modelNames.get(i), i);
        if (nestAll) {
          nested.append(body.indent(2));
        } else {
          sources.add(source("fuzz." + modelNames.get(i), header() + body));
        }
      }
      if (nestAll) {
        sources.add(source("fuzz.Outer", header() + "public class Outer {\n" + nested + "}\n"));
      }
      if (random.nextInt(3) == 0) {
        sources.add(source("fuzz.S", header() + schema(nestAll) + "final class S {}\n"));
      }
      if (wild() && random.nextInt(3) == 0) {
        sources.add(source("fuzz.Stray", header()
            + (random.nextBoolean() ? "@Index(\"a\")\n" : "")
            + "record Stray(" + (random.nextBoolean() ? "@Field(name = \"x\") " : "")
            + "String a) {}\n"));
      }
      return sources;
    }

    private static String header() {
      return "package fuzz;\n\nimport dev.nanoka.*;\n\n";
    }

    private String model(String name, int number) {
      List<String> components = new ArrayList<>();
      List<String> declarations = new ArrayList<>();
      boolean generic = wild() && random.nextInt(10) == 0;
      int size = wild() && random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
      Set<String> used = new LinkedHashSet<>();
      for (int i = 0; i < size; i++) {
        String component = wild() ? pick(COMPONENT_NAMES) : i == 0 ? "id" : "c" + i;
        if (!used.add(component)) {
          continue;
        }
        components.add(component);
        declarations.add(i == 0 && !wild() ? key() + "long " + component
            : column(generic) + " " + component);
      }
      StringBuilder out = new StringBuilder(modelAnnotation(name, number, components));
      int indexes = wild() ? random.nextInt(3) : random.nextInt(4) == 0 ? 1 : 0;
      for (int i = 0; i < indexes; i++) {
        out.append("@Index(").append(index(name + i, components)).append(")\n");
      }
      if (wild() && random.nextInt(5) == 0) {
        String kind = pick(new String[] {"class", "interface", "enum"});
        return out + "public " + kind + " " + name + (kind.equals("enum") ? " { A }\n" : " {}\n");
      }
      out.append("public record ").append(name).append(generic ? "<T>(" : "(");
      for (int i = 0; i < declarations.size(); i++) {
        out.append(i == 0 ? "\n    " : ",\n    ").append(declarations.get(i));
      }
      out.append(") {\n");
      if (random.nextInt(5) == 0) {
        out.append("  static final int CONSTANT = 1;\n");
      }
      return out.append("}\n").toString();
    }

    private String key() {
      String annotation = random.nextInt(10) == 0 ? "@dev.nanoka.Field" : "@Field";
      return annotation + "(primaryKey = true"
          + (random.nextBoolean() ? ", autoIncrement = true" : "")
          + ")" + (random.nextInt(4) == 0 ? "\n    " : " ");
    }

    /** A component's annotations and type. */
    private String column(boolean generic) {
      List<String> attributes = new ArrayList<>();
      String type;
      if (random.nextInt(5) == 0) { // a foreign key to some model's long id
        boolean nullable = random.nextBoolean();
        type = wild() ? pick(TYPES) : nullable ? "Long" : "long";
        if (nullable) {
          attributes.add("nullable = true");
        }
        attributes.add("references = " + (wild() ? pick(NON_MODEL_TARGETS)
            : pick(modelNames.toArray(String[]::new)) + ".class"));
        if (random.nextBoolean()) {
          attributes.add("onDelete = ReferentialAction."
              + (wild() ? pick(ACTIONS) : nullable ? "SET_NULL" : "CASCADE"));
        }
      } else {
        String[] column = COLUMNS[random.nextInt(COLUMNS.length)];
        type = wild() ? (generic && random.nextBoolean() ? "T" : pick(TYPES)) : column[0];
        if (column[2].equals("json") != wild()) {
          attributes.add("json = true");
        }
        String extra = column[3].isEmpty() || random.nextInt(3) != 0
            ? "" : pick(column[3].split("\\|"));
        if (!extra.isEmpty()) {
          attributes.add(extra);
        }
        if (!column[1].isEmpty() && !extra.startsWith("defaultFunction")
            && random.nextInt(3) == 0) {
          attributes.add("defaultValue = \""
              + (wild() ? pick(DEFAULTS) : pick(column[1].split("\\|", -1))) + "\"");
        }
      }
      while (wild() && random.nextInt(3) != 0) {
        attributes.add(wildAttribute());
      }
      if (attributes.isEmpty() && random.nextBoolean()) {
        return type;
      }
      String separator = random.nextInt(4) == 0 ? ",\n        " : ", ";
      String name = random.nextInt(10) == 0 ? "@dev.nanoka.Field" : "@Field";
      Map<String, String> byName = new java.util.LinkedHashMap<>(); // Java allows each once
      attributes.forEach(a -> byName.putIfAbsent(a.substring(0, a.indexOf(' ')), a));
      return name + "(" + String.join(separator, byName.values()) + ")"
          + (random.nextInt(5) == 0 ? "\n    " : " ") + type;
    }

    private String wildAttribute() {
      return switch (random.nextInt(13)) {
        case 0 -> "name = \"" + pick(COLUMN_NAMES) + "\"";
        case 1 -> "primaryKey = " + random.nextBoolean();
        case 2 -> "autoIncrement = " + random.nextBoolean();
        case 3 -> "unique = " + random.nextBoolean();
        case 4 -> "nullable = " + random.nextBoolean();
        case 5 -> "index = " + random.nextBoolean();
        case 6 -> "defaultValue = \"" + pick(DEFAULTS) + "\"";
        case 7 -> "defaultFunction = DefaultFunction." + pick(FUNCTIONS);
        case 8 -> "type = ColumnType." + pick(COLUMN_TYPES);
        case 9 -> "references = " + pick(modelNames.toArray(String[]::new)) + ".class";
        case 10 -> "referencesField = \"" + pick(COMPONENT_NAMES) + "\"";
        case 11 -> "onDelete = ReferentialAction." + pick(ACTIONS);
        default -> "onUpdate = ReferentialAction." + pick(ACTIONS);
      };
    }

    private String modelAnnotation(String name, int number, List<String> components) {
      String prefix = random.nextInt(8) == 0 ? "@dev.nanoka.Model" : "@Model";
      String table = wild() ? pick(TABLE_NAMES) : random.nextBoolean() ? "" : "t_" + number;
      if (!wild()) {
        return table.isEmpty() && random.nextBoolean()
            ? prefix + "\n" : prefix + "(\"" + table + "\")\n";
      }
      return prefix + "(value = \"" + table + "\",\n    primaryKey = " + names(components) + ")\n";
    }

    private String index(String id, List<String> components) {
      List<String> parts = new ArrayList<>();
      parts.add("value = " + names(components));
      if (random.nextBoolean()) {
        parts.add("unique = " + random.nextBoolean());
      }
      // A name of its own, since a derived one may meet @Field(index/unique) on the column.
      parts.add("name = \"" + (wild() ? pick(new String[] {"idx", "IDX", "m0", "users",
          "sqlite_i", "bad name", "t_0_c1_idx", "t_0"}) : "ix_" + id) + "\"");
      return String.join(", ", parts);
    }

    /** Component names; when wild, sometimes unknown, repeated or none. */
    private String names(List<String> components) {
      List<String> names = new ArrayList<>();
      if (!wild() && !components.isEmpty()) {
        names.add(components.get(random.nextInt(components.size())));
      } else {
        for (int i = random.nextInt(4); i > 0; i--) {
          names.add(random.nextInt(4) == 0 || components.isEmpty()
              ? "nope" : components.get(random.nextInt(components.size())));
        }
      }
      if (names.size() == 1 && random.nextBoolean()) {
        return "\"" + names.get(0) + "\"";
      }
      return "{" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "}";
    }

    private String schema(boolean nested) {
      List<String> listed = new ArrayList<>();
      for (String model : modelNames) {
        String literal = (nested ? "Outer." : "") + model + ".class";
        if (!wild() || random.nextBoolean()) {
          listed.add(literal);
        }
        if (wild()) {
          listed.add(random.nextBoolean() ? literal : pick(NON_MODEL_TARGETS));
        }
      }
      StringBuilder out = new StringBuilder("@Schema(models = {")
          .append(String.join(", ", listed)).append("}");
      if (random.nextInt(4) == 0) {
        out.append(", version = ").append(wild() ? random.nextInt(3) : 1);
      }
      if (random.nextInt(4) == 0) {
        out.append(", output = \"").append(pick(new String[] {"out/schema.ts", "schema.ts",
            "a/../schema.ts"})).append("\"");
      }
      return out.append(")\n").toString();
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }
  }
}
