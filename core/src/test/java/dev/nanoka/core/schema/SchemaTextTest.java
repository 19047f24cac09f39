package dev.nanoka.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.ForeignKey.Action;
import dev.nanoka.core.schema.LogicalType.Timestamp.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema's text form: every part of the model survives a round trip, byte for byte. */
public class SchemaTextTest {

  private static Column column(String name, LogicalType type) {
    return new Column(name, name, type, true, false, false, false, Optional.empty());
  }

  private static Column withDefault(String name, LogicalType type, ColumnDefault value) {
    return new Column(name, name, type, false, false, false, false, Optional.of(value));
  }

  /** Every column type, flag, default kind, key form, index form and referential action. */
  public static DatabaseSchema everyVariant() {
    Table users = new Table("users", "usersTable", List.of(
        new Column("id", "userId", new LogicalType.Int(), true, true, true, false,
            Optional.empty()),
        new Column("email", "email", new LogicalType.Text(), true, false, false, true,
            Optional.empty()),
        new Column("nick", "nickname", new LogicalType.Text(), false, false, false, false,
            Optional.empty())),
        List.of(), List.of(), List.of());
    Table posts = new Table("posts", "posts", List.of(
        column("authorId", new LogicalType.Int()),
        column("slug", new LogicalType.Text()),
        withDefault("status", new LogicalType.EnumText(List.of("DRAFT", "PUBLISHED", "GONE")),
            new ColumnDefault.Text("DRAFT")),
        withDefault("meta", new LogicalType.Json("{ tags: string[] } | null"),
            new ColumnDefault.Expression("('{}')")),
        withDefault("createdAt", new LogicalType.Timestamp(TimeUnit.MILLISECONDS),
            new ColumnDefault.Expression("(cast(unixepoch('subsecond') * 1000 as integer))")),
        column("seenAt", new LogicalType.Timestamp(TimeUnit.SECONDS)),
        withDefault("score", new LogicalType.Real(), new ColumnDefault.Number("-1.5")),
        withDefault("price", new LogicalType.Numeric(), new ColumnDefault.Number("10")),
        withDefault("pinned", new LogicalType.Bool(), new ColumnDefault.Bool(false)),
        withDefault("visible", new LogicalType.Bool(), new ColumnDefault.Bool(true)),
        column("body", new LogicalType.Blob()),
        withDefault("token", new LogicalType.Text(),
            new ColumnDefault.ClientFunction("crypto.randomUUID()"))),
        List.of("authorId", "slug"),
        List.of(new TableIndex("posts_slug_author_idx", List.of("slug", "authorId"), false),
            new TableIndex("posts_status_unique", List.of("status"), true)),
        List.of(new ForeignKey("posts_authorId_users_id_fk", List.of("authorId"), "users",
                List.of("id"), Action.NO_ACTION, Action.CASCADE),
            new ForeignKey("posts_pair_fk", List.of("slug", "authorId"), "other",
                List.of("a", "b"), Action.RESTRICT, Action.SET_NULL),
            new ForeignKey("posts_default_fk", List.of("score"), "other", List.of("c"),
                Action.SET_DEFAULT, Action.RESTRICT)));
    return new DatabaseSchema(List.of(users, posts));
  }

  @Test
  void everyVariantRoundTrips() {
    DatabaseSchema schema = everyVariant();
    assertEquals(schema, SchemaText.read(SchemaText.write(schema)));
  }

  @Test
  void emptySchemaRoundTrips() {
    DatabaseSchema empty = new DatabaseSchema(List.of());
    assertEquals("nanoka-schema 1\n", SchemaText.write(empty));
    assertEquals(empty, SchemaText.read(SchemaText.write(empty)));
  }

  @Test
  void textIsTheDocumentedFormat() {
    assertEquals("""
        nanoka-schema 1
        table	users	usersTable
        column	id	userId	not-null primary-key auto-increment	integer
        column	email	email	not-null unique	text
        column	nick	nickname	nullable	text
        table	posts	posts
        column	authorId	authorId	not-null	integer
        column	slug	slug	not-null	text
        column	status	status	nullable	enum	DRAFT	PUBLISHED	GONE
        default	text	DRAFT
        column	meta	meta	nullable	json	{ tags: string[] } | null
        default	sql	('{}')
        column	createdAt	createdAt	nullable	timestamp	milliseconds
        default	sql	(cast(unixepoch('subsecond') * 1000 as integer))
        column	seenAt	seenAt	not-null	timestamp	seconds
        column	score	score	nullable	real
        default	number	-1.5
        column	price	price	nullable	numeric
        default	number	10
        column	pinned	pinned	nullable	boolean
        default	boolean	false
        column	visible	visible	nullable	boolean
        default	boolean	true
        column	body	body	not-null	blob
        column	token	token	nullable	text
        default	client	crypto.randomUUID()
        primary-key	authorId	slug
        index	posts_slug_author_idx	slug	authorId
        unique-index	posts_status_unique	status
        foreign-key	posts_authorId_users_id_fk	users	no action	cascade	authorId	id
        foreign-key	posts_pair_fk	other	restrict	set null	slug	a	authorId	b
        foreign-key	posts_default_fk	other	set default	restrict	score	c
        """, SchemaText.write(everyVariant()));
  }

  /** Strings that a naive format would split, merge, lose or mangle. */
  static final List<String> AWKWARD = List.of("", " ", "a\tb", "line\nbreak", "cr\rlf\r\n",
      "back\\slash", "\\t not a tab", "\\u0041", "\\", "trailing\\", "日本語", "emoji 😀",
      "\uD800 lone high", "lone low \uDC00", "\uDC00\uD800", "nul\u0000", "del\u007F",
      "next line\u0085", "\u2028separator", "\uFEFFbom", "nanoka-schema 1", "table",
      "  spaced  ", "quote ' \" `");

  @Test
  void awkwardStringsRoundTripInEveryTextField() {
    for (String s : AWKWARD) {
      String name = s.isEmpty() ? "x" : s; // names must not be empty; everything else may
      Table table = new Table(name, name, List.of(
          new Column(name, name, new LogicalType.EnumText(List.of(s, s + "2")), false, false,
              false, false, Optional.of(new ColumnDefault.Text(s))),
          withDefault("j", new LogicalType.Json(s), new ColumnDefault.ClientFunction(s)),
          withDefault("e", new LogicalType.Text(), new ColumnDefault.Expression("(" + s + ")"))),
          List.of(name, "j"),
          List.of(new TableIndex(name, List.of(s, name), true)),
          List.of(new ForeignKey(name, List.of(s), name, List.of(s), Action.CASCADE,
              Action.SET_NULL)));
      DatabaseSchema schema = new DatabaseSchema(List.of(table));
      String text = SchemaText.write(schema);
      assertEquals(schema, SchemaText.read(text), "round trip of \"" + s + "\"");
      assertTrue(text.chars().allMatch(c -> c == '\t' || c == '\n' || !Character.isISOControl(c)),
          "only tabs and line feeds are raw control characters: " + text);
    }
  }

  @Test
  void escapesAreReadable() {
    DatabaseSchema schema = new DatabaseSchema(List.of(new Table("t", "t",
        List.of(withDefault("c", new LogicalType.Text(),
            new ColumnDefault.Text("a\tb\nc\rd\\e\u0001f\uD800g日"))),
        List.of(), List.of(), List.of())));
    String text = SchemaText.write(schema);
    assertTrue(text.contains("default\ttext\ta\\tb\\nc\\rd\\\\e\\u0001f\\ud800g日\n"), text);
  }

  @Test
  void randomSchemasRoundTrip() {
    for (long seed = 0; seed < 300; seed++) {
      DatabaseSchema schema = new RandomSchemas(new Random(seed)).schema();
      String text = SchemaText.write(schema);
      DatabaseSchema read = SchemaText.read(text);
      assertEquals(schema, read, "seed " + seed + ":\n" + text);
      assertEquals(text, SchemaText.write(read), "seed " + seed + ": the text is not stable");
    }
  }

  @Test
  void readsTextWithoutTheFinalLineFeed() {
    String text = SchemaText.write(everyVariant());
    assertEquals(everyVariant(), SchemaText.read(text.substring(0, text.length() - 1)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      no header | '' | line 1: not a Nanoka schema
      other file | '{"tables":[]}' | line 1: not a Nanoka schema
      unknown version | nanoka-schema 2 | line 1: schema text version 2 is not supported; this runtime reads version 1
      empty line | 'nanoka-schema 1\\n\\ntable\\tt\\tt' | line 2: empty line
      unknown record | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumns\\tc\\tc\\tnullable\\ttext' | line 3: unknown record "columns"
      before a table | 'nanoka-schema 1\\ncolumn\\tc\\tc\\tnullable\\ttext' | line 2: "column" before the first table line
      table fields | 'nanoka-schema 1\\ntable\\tt' | line 2: table line needs 3 tab-separated fields, found 2
      no columns | 'nanoka-schema 1\\ntable\\tt\\tt\\ntable\\tu\\tu\\ncolumn\\tc\\tc\\tnullable\\ttext' | line 2: table t has no columns
      duplicate table | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\ntable\\tT\\tt2' | line 4: duplicate table name: T
      duplicate column | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\ncolumn\\tC\\tc\\tnullable\\ttext' | line 2: duplicate column name: C
      no nullability | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tunique\\ttext' | line 3: column flags must start with not-null or nullable
      unknown flag | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable pk\\ttext' | line 3: column flag "pk" is unknown
      repeated flag | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable unique unique\\ttext' | line 3: column flag "unique" is repeated
      unknown type | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\tbigint' | line 3: unknown column type "bigint"
      type field too many | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\tx' | line 3: a text column has no field after its type, found 1
      enum without values | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\tenum' | line 3: an enum column needs at least one value
      json without type | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\tjson' | line 3: a json column has one field after its type, found 0
      timestamp unit | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttimestamp\\tmicros' | line 3: a timestamp unit is seconds or milliseconds, found "micros"
      model invariant | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnot-null primary-key auto-increment\\ttext' | line 3: AUTOINCREMENT needs an integer primary key column: c
      stray default | 'nanoka-schema 1\\ntable\\tt\\tt\\ndefault\\ttext\\tx' | line 3: a default line must follow the line of its column
      second default | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\ndefault\\ttext\\tx\\ndefault\\ttext\\ty' | line 5: a default line must follow the line of its column
      default kind | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\ndefault\\tnull\\tx' | line 4: unknown default kind "null"
      bad number | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\tinteger\\ndefault\\tnumber\\t1e3' | line 4: not a canonical number literal: 1e3
      bad boolean | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\tboolean\\ndefault\\tboolean\\tyes' | line 4: a boolean default is true or false, found "yes"
      second key | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\nprimary-key\\tc\\nprimary-key\\tc' | line 5: a second primary-key line for table t
      index without columns | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\nindex\\ti' | line 4: index line needs at least 3 tab-separated fields, found 2
      unpaired fk column | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\nforeign-key\\tf\\tu\\tno action\\tcascade\\tc\\tid\\td' | line 4: found an odd number of names
      fk action | 'nanoka-schema 1\\ntable\\tt\\tt\\ncolumn\\tc\\tc\\tnullable\\ttext\\nforeign-key\\tf\\tu\\tno_action\\tcascade\\tc\\tid' | line 4: unknown referential action "no_action"
      unknown escape | 'nanoka-schema 1\\ntable\\tt\\\\x\\tt' | line 2: unknown escape \\x
      lone backslash | 'nanoka-schema 1\\ntable\\tt\\tt\\\\' | line 2: a field ends with a lone backslash
      short unicode escape | 'nanoka-schema 1\\ntable\\tt\\\\u12\\tt' | line 2: \\u must be followed by four hex digits
      converted line ending | 'nanoka-schema 1\\ntable\\tt\\tt\\r\\ncolumn\\tc\\tc\\tnullable\\ttext' | line 2: unescaped control character U+000D
      """)
  void malformedTextNamesTheLine(String what, String escaped, String expected) {
    String text = escaped.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
        .replace("\\\\", "\\");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SchemaText.read(text), what);
    assertTrue(e.getMessage().startsWith(expected.substring(0, expected.indexOf(':') + 1))
        && e.getMessage().contains(expected.substring(expected.indexOf(':') + 2)),
        what + ": expected \"" + expected + "\", got \"" + e.getMessage() + "\"");
  }

  /** Random schemas over every variant, with awkward strings wherever the model allows them. */
  static final class RandomSchemas {
    private final Random rnd;
    private int counter;

    RandomSchemas(Random rnd) {
      this.rnd = rnd;
    }

    DatabaseSchema schema() {
      List<Table> tables = new ArrayList<>();
      int count = rnd.nextInt(5);
      for (int i = 0; i < count; i++) {
        tables.add(table());
      }
      return new DatabaseSchema(tables);
    }

    private Table table() {
      List<Column> columns = new ArrayList<>();
      int count = 1 + rnd.nextInt(6);
      for (int i = 0; i < count; i++) {
        columns.add(column());
      }
      List<String> names = columns.stream().map(Column::name).toList();
      List<String> key = rnd.nextInt(3) == 0 ? some(names) : List.of();
      List<TableIndex> indexes = new ArrayList<>();
      for (int i = rnd.nextInt(3); i > 0; i--) {
        indexes.add(new TableIndex(name(), some(names), rnd.nextBoolean()));
      }
      List<ForeignKey> keys = new ArrayList<>();
      for (int i = rnd.nextInt(3); i > 0; i--) {
        List<String> from = some(names);
        List<String> to = from.stream().map(c -> text()).toList();
        keys.add(new ForeignKey(name(), from, name(), to, action(), action()));
      }
      return new Table(name(), name(), columns, key, indexes, keys);
    }

    private Column column() {
      LogicalType type = type();
      boolean primaryKey = rnd.nextInt(4) == 0;
      boolean autoIncrement =
          primaryKey && type.sqlType() == SqlType.INTEGER && rnd.nextBoolean();
      Optional<ColumnDefault> value = rnd.nextBoolean() ? Optional.of(defaultValue())
          : Optional.empty();
      return new Column(name(), name(), type, rnd.nextBoolean(), primaryKey, autoIncrement,
          rnd.nextBoolean(), value);
    }

    private LogicalType type() {
      return switch (rnd.nextInt(10)) {
        case 0 -> new LogicalType.Text();
        case 1 -> new LogicalType.EnumText(texts(1 + rnd.nextInt(4)));
        case 2 -> new LogicalType.Json(text());
        case 3 -> new LogicalType.Int();
        case 4 -> new LogicalType.Bool();
        case 5 -> new LogicalType.Timestamp(TimeUnit.SECONDS);
        case 6 -> new LogicalType.Timestamp(TimeUnit.MILLISECONDS);
        case 7 -> new LogicalType.Real();
        case 8 -> new LogicalType.Numeric();
        default -> new LogicalType.Blob();
      };
    }

    private ColumnDefault defaultValue() {
      return switch (rnd.nextInt(5)) {
        case 0 -> new ColumnDefault.Text(text());
        case 1 -> new ColumnDefault.Number((rnd.nextBoolean() ? "-" : "") + rnd.nextInt(1000)
            + (rnd.nextBoolean() ? "." + rnd.nextInt(100) : ""));
        case 2 -> new ColumnDefault.Bool(rnd.nextBoolean());
        case 3 -> new ColumnDefault.Expression("(" + text() + ")");
        default -> new ColumnDefault.ClientFunction(text());
      };
    }

    private Action action() {
      return Action.values()[rnd.nextInt(Action.values().length)];
    }

    /** 1 to all of the names, in a random order. */
    private List<String> some(List<String> names) {
      List<String> shuffled = new ArrayList<>(names);
      java.util.Collections.shuffle(shuffled, rnd);
      return shuffled.subList(0, 1 + rnd.nextInt(shuffled.size()));
    }

    /** Unique ignoring case, as table, column and index names must be. */
    private String name() {
      return text() + "#" + counter++;
    }

    private List<String> texts(int count) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        texts.add(text());
      }
      return texts;
    }

    private String text() {
      StringBuilder text = new StringBuilder();
      for (int i = rnd.nextInt(4); i > 0; i--) {
        text.append(AWKWARD.get(rnd.nextInt(AWKWARD.size())));
      }
      return text.toString();
    }
  }
}
