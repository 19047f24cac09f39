package dev.nanoka.processor.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The singular a relation falls back to is the table-name rules run backwards: every plural
 * {@code SqlNames.tableNameFor} makes comes back, and names that don't look plural stay.
 */
class RelationPlannerTest {

  @ParameterizedTest
  @CsvSource({
      "users, user",
      "categories, category",
      "addresses, address",
      "boxes, box",
      "matches, match",
      "wishes, wish",
      "quizes, quiz",
      "postTags, postTag",
      "blogPosts, blogPost",
      "days, day",
      "status, status",
      "analysis, analysis",
      "class, class",
      "oneTable, oneTable",
      "people, people",
  })
  void singular(String plural, String singular) {
    assertEquals(singular, RelationPlanner.singular(plural));
  }
}
