package dev.nanoka.processor;

import static dev.nanoka.processor.SchemaCompiler.schemaOf;
import static dev.nanoka.processor.SchemaCompiler.source;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Table names derived from record names, and the TypeScript export names of tables. Goldens:
 * {@code golden/NamingTest/*.ts}.
 */
class NamingTest {

  @Test
  void tableNamesDerivedFromRecordNames() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String record :
        List.of("User", "BlogPost", "Category", "Address", "HTTPRequest", "Status", "Box", "Day")) {
      sources.add(model(record, "@Model"));
    }

    Golden.assertMatches("derivedTableNames", schemaOf(sources));
  }

  @Test
  void exportNames() {
    String schema = schemaOf(
        model("PostTag", "@Model(\"post_tags\")"),
        model("TextRow", "@Model(\"text\")"),
        model("Deletion", "@Model(\"delete\")"),
        model("Legacy", "@Model(\"LegacyAccounts\")"),
        model("Internal", "@Model(\"_internal_state\")"),
        source("com.example.names.Wallet", """
            package com.example.names;

            import dev.nanoka.DefaultFunction;
            import dev.nanoka.Field;
            import dev.nanoka.Model;

            /** Exported as `crypto`, the table would hide the global that $defaultFn calls. */
            @Model("crypto")
            public record Wallet(
                @Field(primaryKey = true, defaultFunction = DefaultFunction.RANDOM_UUID)
                    String id) {}
            """));

    Golden.assertMatches("exportNames", schema);
  }

  private static JavaFileObject model(String record, String annotation) {
    return source("com.example.names." + record, """
        package com.example.names;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        %s
        public record %s(@Field(primaryKey = true) long id, String label) {}
        """.formatted(annotation, record));
  }
}
