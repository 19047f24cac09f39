package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;
import static dev.nanoka.processor.SchemaCompiler.withoutHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanoka.core.schema.Column;
import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.schema.ForeignKey;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.schema.Table;
import dev.nanoka.core.schema.TableIndex;
import dev.nanoka.processor.ts.DrizzleSchemaRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The import lines are written in one fixed order whatever order the tables use the names in:
 * column builders alphabetically, {@code sqliteTable}, the third-argument helpers alphabetically,
 * then types; {@code relations} and {@code sql} from {@code drizzle-orm} first and only when
 * used. Goldens:
 * {@code golden/ImportsTest/*.ts}.
 */
class ImportsTest {

  /** Both tables have a foreign key, so relations come with {@code sql}, alphabetically. */
  private static final String SQL_IMPORT = "import { relations, sql } from 'drizzle-orm'\n";

  /**
   * Every name the processor can import. The tables use them in roughly reverse order, so a
   * writer that lists names as it meets them fails.
   */
  @Test
  void everyNameTheProcessorImportsInFixedOrder() {
    String schema = schemaOf(
        source("com.example.imports.Asset", """
            package com.example.imports;

            import dev.nanoka.DefaultFunction;
            import dev.nanoka.Field;
            import dev.nanoka.Index;
            import dev.nanoka.Model;
            import java.time.Instant;

            @Model("assets")
            @Index(value = {"name"}, unique = true)
            public record Asset(
                @Field(primaryKey = true) String id,
                @Field(references = Asset.class, nullable = true) String parentId,
                String name,
                @Field(index = true, defaultFunction = DefaultFunction.NOW) Instant createdAt) {}
            """),
        source("com.example.imports.Blob", """
            package com.example.imports;

            import dev.nanoka.ColumnType;
            import dev.nanoka.Field;
            import dev.nanoka.Model;
            import java.math.BigDecimal;

            @Model(value = "blobs", primaryKey = {"assetId", "part"})
            public record Blob(
                @Field(references = Asset.class) String assetId,
                int part,
                double weight,
                @Field(type = ColumnType.NUMERIC) BigDecimal price,
                byte[] data) {}
            """));

    String expectedImports = SQL_IMPORT
        + "import { blob, integer, numeric, real, text, sqliteTable, index, primaryKey,"
        + " uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'\n";
    assertEquals(expectedImports, importLines(schema));
    Golden.assertMatches("processorImports", schema);
  }

  /**
   * {@code foreignKey} is only needed for a key over several columns, which {@code @Field} can't
   * declare; the renderer writes it for such keys of the schema model, so it is checked there.
   */
  @Test
  void everyNameTheRendererImportsInFixedOrder() {
    Table parents = new Table("parents", "parents",
        List.of(
            column("tenantId", new LogicalType.Int()),
            column("code", new LogicalType.Text()),
            column("payload", new LogicalType.Blob()),
            column("amount", new LogicalType.Numeric()),
            column("ratio", new LogicalType.Real())),
        List.of("tenantId", "code"),
        List.of(new TableIndex("parents_code_idx", List.of("code"), false)),
        List.of());
    Table children =
        new Table(
            "children",
            "children",
            List.of(
                new Column(
                    "id", "id", new LogicalType.Int(), true, true, true, false, Optional.empty()),
                column("tenantId", new LogicalType.Int()),
                column("parentCode", new LogicalType.Text()),
                new Column(
                    "createdAt",
                    "createdAt",
                    new LogicalType.Timestamp(LogicalType.Timestamp.TimeUnit.SECONDS),
                    true,
                    false,
                    false,
                    false,
                    Optional.of(new ColumnDefault.Expression("(unixepoch())"))),
                new Column(
                    "previousId",
                    "previousId",
                    new LogicalType.Int(),
                    false,
                    false,
                    false,
                    false,
                    Optional.empty())),
            List.of(),
            List.of(
                new TableIndex(
                    "children_tenant_code_unique", List.of("tenantId", "parentCode"), true)),
            List.of(
                new ForeignKey(
                    "children_tenantId_parentCode_parents_tenantId_code_fk",
                    List.of("tenantId", "parentCode"),
                    "parents",
                    List.of("tenantId", "code"),
                    ForeignKey.Action.CASCADE,
                    ForeignKey.Action.RESTRICT),
                new ForeignKey(
                    "children_previousId_children_id_fk",
                    List.of("previousId"),
                    "children",
                    List.of("id"),
                    ForeignKey.Action.NO_ACTION,
                    ForeignKey.Action.NO_ACTION)));

    String schema = DrizzleSchemaRenderer.render(
        new DatabaseSchema(List.of(children, parents)), List.of(), "ImportsTest", true);

    String expectedImports = SQL_IMPORT
        + "import { blob, integer, numeric, real, text, sqliteTable, foreignKey, index,"
        + " primaryKey, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'\n";
    assertEquals(expectedImports, importLines(schema));
    Golden.assertMatches("rendererImports", schema);
  }

  @Test
  void onlyWhatIsUsedIsImported() {
    String schema = schemaOf(source("com.example.imports.Note", """
        package com.example.imports;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("notes")
        public record Note(@Field(primaryKey = true) String id, String body) {}
        """));

    assertEquals("import { text, sqliteTable } from 'drizzle-orm/sqlite-core'\n",
        importLines(schema));
  }

  private static Column column(String name, LogicalType type) {
    return new Column(name, name, type, true, false, false, false, Optional.empty());
  }

  /** The lines after the header up to the first blank line. */
  private static String importLines(String schema) {
    String body = withoutHeader(schema);
    return body.substring(0, body.indexOf("\n\n") + 1);
  }
}
